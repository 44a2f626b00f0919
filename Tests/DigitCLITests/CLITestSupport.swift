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

    /// Class 1 when the 28×28 input holds more than 200 units of ink, else class 0: predictable on drawn shapes.
    static func inkAmountModel() -> SoftmaxModel {
        var weights = [Float](repeating: 0, count: 7840)
        for pixel in 0..<784 { weights[pixel * 10 + 1] = 1 }
        var bias = [Float](repeating: -1000, count: 10)
        bias[0] = 200
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

    /// A white 56×56 PNG with black ink: a thin vertical bar (little ink) or a 40×40 block (much ink).
    static func drawnDigitPNG(blob: Bool) throws -> [UInt8] {
        var image = GrayImage(width: 56, height: 56, filledWith: 255)
        let (x0, x1, y0, y1) = blob ? (8, 48, 8, 48) : (26, 30, 8, 48)
        for y in y0..<y1 { for x in x0..<x1 { image[x, y] = 0 } }
        return try encodePNG(image)
    }

    /// Where the real MNIST files are: `$DIGIT_MNIST_DIR`, else `../shared/mnist` beside the repository.
    static let mnistDirectory: String = {
        if let dir = ProcessInfo.processInfo.environment["DIGIT_MNIST_DIR"], !dir.isEmpty { return dir }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/mnist").path
    }()

    static var mnistPresent: Bool {
        FileManager.default.fileExists(atPath: mnistDirectory + "/t10k-images-idx3-ubyte.gz")
            && FileManager.default.fileExists(atPath: mnistDirectory + "/t10k-labels-idx1-ubyte.gz")
    }
}
