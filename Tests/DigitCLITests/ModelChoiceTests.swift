import Foundation
import Testing
import DigitCore

/// `--model linear|mlp` on recognize, evaluate, inspect and preprocess, and `inspect` of an MLP.
@Suite struct ModelChoiceTests {
    static let bothBundled = BundledModel.allCases.allSatisfy { (try? WeightsFile.bundled($0)) != nil }

    /// A small MLP (12 hidden units) written as a weights file.
    static func writeMLP(in folder: String) throws -> (path: String, model: MLPModel) {
        let model = MLPModel.heInitialised(hiddenCount: 12, seed: 5)
        let path = folder + "/mlp.dgw"
        try WeightsFile(classifier: .mlp(model), metadata: TrainingMetadata(recipe: "mlp test", seed: 5, hiddenUnits: 12))
            .save(to: path)
        return (path, model)
    }

    @Test(.enabled(if: bothBundled, "the two bundled models are not both trained yet; skipped"))
    func recognizeReadsTheFixtureWithEitherModel() throws {
        for model in ["linear", "mlp"] {
            let result = try DigitBinary.run(["recognize", "--model", model, "--format", "jsonl", fixturePath("digits/seven.jpg")])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("\"digit\":7"), "\(model): \(result.stdout)")
        }
        let bad = try DigitBinary.run(["recognize", "--model", "cnn", fixturePath("digits/seven.jpg")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("linear") && bad.stderr.contains("mlp"))
    }

    /// `--weights` overrides `--model`: a file that cannot load fails even with a good `--model`.
    @Test func weightsOverrideTheModelChoice() throws {
        let result = try DigitBinary.run(["recognize", "--model", "linear", "--weights", "/nonexistent/m.dgw",
                                          fixturePath("digits/seven.jpg")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/m.dgw"))
    }

    @Test func inspectDescribesDrawsAndExportsAnMLP() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-mlp")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (path, model) = try Self.writeMLP(in: root)
        let result = try DigitBinary.run(["inspect", "--weights", path, "-o", root + "/units.png", "--scale", "2",
                                          "--export-text", root + "/w.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("MLP, 784 inputs (28×28) → 12 ReLU → 10 classes"))
        #expect(result.stdout.contains("784×12") && result.stdout.contains("12×10"))
        // The picture is the library's drawing of the strongest hidden units.
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/units.png")))
        #expect(png == (try encodePNG(hiddenUnitMapsImage(model, scale: 2))))
        // One text file per layer, each reading back to the exact numbers.
        func rows(_ file: String) throws -> [[Float]] {
            try String(contentsOfFile: root + "/" + file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").compactMap { Float(String($0)) } }
        }
        let first = try rows("w-layer1.txt"), second = try rows("w-layer2.txt")
        #expect(first.count == 785 && first.allSatisfy { $0.count == 12 })
        #expect(Array(first[0..<784].joined()) == model.hiddenWeights && first[784] == model.hiddenBias)
        #expect(second.count == 13 && second.allSatisfy { $0.count == 10 })
        #expect(Array(second[0..<12].joined()) == model.outputWeights && second[12] == model.outputBias)
        #expect(!FileManager.default.fileExists(atPath: root + "/w.txt"))
    }

    /// numpy.loadtxt reads the exported layers back and, with them, computes the same
    /// probabilities as digit for one image (skipped when numpy is not installed).
    @Test(.enabled(if: pythonWithNumpy != nil, "python3 with numpy not found; skipped"))
    func numpyReadsTheExportedLayers() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-numpy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (path, model) = try Self.writeMLP(in: root)
        let export = try DigitBinary.run(["inspect", "--weights", path, "--export-text", root + "/w.txt"])
        #expect(export.status == 0, "\(export.stderr)")
        var image = DigitImage.blank
        for y in 4..<24 { image[13, y] = 1; image[14, y] = 0.5 }
        try image.pixels.map { "\($0)" }.joined(separator: " ").write(toFile: root + "/x.txt", atomically: true, encoding: .utf8)
        let script = """
            import numpy as np
            a = np.loadtxt('\(root)/w-layer1.txt'); b = np.loadtxt('\(root)/w-layer2.txt')
            x = np.loadtxt('\(root)/x.txt')
            h = np.maximum(0, x @ a[:784] + a[784]); z = h @ b[:-1] + b[-1]
            p = np.exp(z - z.max()); p /= p.sum()
            print(a.shape[0], a.shape[1], b.shape[0], b.shape[1]); print(' '.join('%.6f' % v for v in p))
            """
        let python = try runWithStatus(pythonWithNumpy!, ["-c", script])
        #expect(python.status == 0, "\(python.output)")
        let lines = python.output.split(separator: "\n")
        #expect(lines.first == "785 12 13 10")
        let probabilities = lines.last!.split(separator: " ").compactMap { Double(String($0)) }
        let ours = model.predict(image).probabilities
        #expect(probabilities.count == 10)
        for k in 0..<10 where k < probabilities.count { #expect(abs(probabilities[k] - Double(ours[k])) < 1e-5) }
    }

    @Test(.enabled(if: bothBundled, "the two bundled models are not both trained yet; skipped"))
    func inspectAndPreprocessTakeTheModel() throws {
        let linear = try DigitBinary.run(["inspect", "--model", "linear"])
        #expect(linear.status == 0 && linear.stdout.contains("softmax regression") && linear.stdout.contains("bundled linear model"))
        let mlp = try DigitBinary.run(["inspect", "--model", "mlp"])
        #expect(mlp.status == 0 && mlp.stdout.contains("512 ReLU") && mlp.stdout.contains("bundled mlp model"))
        let root = try CLIFixtures.temporaryFolder("preprocess-model")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seen = try DigitBinary.run(["preprocess", "--model", "mlp", fixturePath("digits/seven.jpg"), "-o", root + "/seen.png"])
        #expect(seen.status == 0, "\(seen.stderr)")
        #expect(seen.stdout.contains(": 7 (") && seen.stdout.contains("by the bundled mlp model"))
    }

    @Test(.enabled(if: bothBundled, "the two bundled models are not both trained yet; skipped"))
    func evaluateReportsTheModelItRan() throws {
        let root = try CLIFixtures.temporaryFolder("evaluate-model")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/7", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixturePath("digits/seven.jpg"), toPath: root + "/7/seven.jpg")
        for model in BundledModel.allCases {
            let result = try DigitBinary.run(["evaluate", root, "--model", model.rawValue, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            #expect(object["accuracy"] as? Double == 1)
            #expect((object["model"] as? String ?? "").hasPrefix(model.source))
        }
    }
}

/// Runs a program and returns its exit status and combined output.
private func runWithStatus(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A file under the repository's `fixtures/`.
private func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/" + name).path
}
