import Foundation
import DigitCore

/// A scratch folder for one test, with helpers to fill it. Removed with `remove()`.
struct Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "digit-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` at `name` (relative; folders created) and returns the full path.
    @discardableResult
    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }
}

/// Test pictures drawn here (never cut from MNIST): dark ink on light paper.
enum Drawing {
    /// A ring (like a 0), `side`×`side`.
    static func ring(side: Int = 64) -> GrayImage {
        var image = GrayImage(width: side, height: side, filledWith: 235)
        let c = Double(side) / 2, outer = Double(side) * 0.32, inner = Double(side) * 0.2
        for y in 0..<side {
            for x in 0..<side {
                let d = ((Double(x) + 0.5 - c) * (Double(x) + 0.5 - c) + (Double(y) + 0.5 - c) * (Double(y) + 0.5 - c)).squareRoot()
                if d >= inner && d <= outer { image[x, y] = 25 }
            }
        }
        return image
    }

    /// A vertical stroke (like a 1), `side`×`side`.
    static func stroke(side: Int = 64) -> GrayImage {
        var image = GrayImage(width: side, height: side, filledWith: 235)
        for y in (side / 6)..<(side - side / 6) {
            for x in (side / 2 - side / 20)...(side / 2 + side / 20) { image[x, y] = 25 }
        }
        return image
    }

    static func ringPNG() throws -> [UInt8] { try encodePNG(ring()) }
    static func strokeJPEG() throws -> [UInt8] { try encodeJPEG(stroke(side: 96), quality: 90) }
    /// A PNG cut in the middle of its image data.
    static func corruptPNG() throws -> [UInt8] {
        let png = try encodePNG(ring())
        return Array(png.prefix(png.count / 2))
    }
}

/// Weights files (written with the classifier's `WeightsFile`) for a model whose weights are all
/// zero, so its answer is softmax(`bias`) whatever the picture: tests can then check digits and
/// confidences without depending on a trained model.
enum TestModel {
    /// Bias 4 on class 3: p(3) = e⁴ / (e⁴ + 9) ≈ 0.858.
    static let confidentThree: [Float] = (0..<10).map { $0 == 3 ? 4 : 0 }
    /// Bias ln 9 on class 3: p(3) = 0.5.
    static let unsureThree: [Float] = (0..<10).map { $0 == 3 ? Float(log(9.0)) : 0 }

    static func probabilities(bias: [Float]) -> [Float] {
        let exps = bias.map { expf($0 - bias.max()!) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }

    static func weightsFile(bias: [Float]) -> [UInt8] {
        let model = SoftmaxModel(weights: [Float](repeating: 0, count: 784 * 10), bias: bias)
        return WeightsFile(model: model, metadata: TrainingMetadata(recipe: "test: zero weights")).encoded()
    }
}

/// One JSON object per line, parsed.
func parseJSONLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return dictionary
    }
}


/// True when this build carries a trained model that fits its preprocessing.
let trainedModelBundled = (try? Classifier.bundled()) != nil
