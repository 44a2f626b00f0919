import Foundation
import DigitCore

/// Helpers shared by the evaluate and inspect CLI tests: temporary folders, drawn images, small models.
enum CLIFixtures {
    /// A fresh empty folder under the system's temporary directory.
    static func temporaryFolder(_ tag: String) throws -> String {
        let path = NSTemporaryDirectory() + "digit-cli-\(tag)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Reads where the ink is: class 1 for ink in the six centre columns (x 11…16), class 0 for ink
    /// elsewhere. A centred vertical bar reads as 1, a ring as 0 after preprocessing.
    static func centreColumnsModel() -> SoftmaxModel {
        var weights = [Float](repeating: 0, count: 7840)
        for pixel in 0..<784 {
            weights[pixel * 10 + ((11...16).contains(pixel % 28) ? 1 : 0)] = 1
        }
        var bias = [Float](repeating: -1000, count: 10)
        bias[0] = 0
        bias[1] = 0
        return SoftmaxModel(weights: weights, bias: bias)
    }

    /// Writes `model` as a `.dgw` file with recognisable metadata; returns its path.
    static func writeWeights(_ model: SoftmaxModel, in folder: String, seed: UInt64 = 1234) throws -> String {
        let path = folder + "/model.dgw"
        let metadata = TrainingMetadata(recipe: "test recipe", optimizer: "none", seed: seed, epochs: 3, bestEpoch: 2,
                                        dataHashes: ["t10k-labels-idx1-ubyte": "ff7b"], testAccuracy: 0.5)
        try WeightsFile(model: model, metadata: metadata).save(to: path)
        return path
    }

    /// A white 100×100 PNG with black ink: a centred vertical bar (8×70) or a ring (radius 32, stroke 6).
    static func drawnDigitPNG(ring: Bool) throws -> [UInt8] {
        var image = GrayImage(width: 100, height: 100, filledWith: 255)
        for y in 0..<100 {
            for x in 0..<100 {
                let dx = Double(x) - 49.5, dy = Double(y) - 49.5
                let inked = ring ? abs((dx * dx + dy * dy).squareRoot() - 32) <= 3
                                 : (46..<54).contains(x) && (15..<85).contains(y)
                if inked { image[x, y] = 0 }
            }
        }
        return try encodePNG(image)
    }
}
