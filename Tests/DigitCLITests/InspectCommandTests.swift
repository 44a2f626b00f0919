import Foundation
import Testing
import DigitCore

@Suite struct InspectCommandTests {
    /// A model with distinct, awkward values everywhere, so a text round trip is a real check.
    func awkwardModel() -> SoftmaxModel {
        let weights = (0..<7840).map { (i: Int) -> Float in
            let wave = Float(sin(Double(i) * 0.731))
            return wave * Float(1 + i % 7) * 0.0123
        }
        let bias = (0..<10).map { Float($0) * 0.3 - 1.1 }
        return SoftmaxModel(weights: weights, bias: bias)
    }

    @Test func printsMetadata() throws {
        let root = try CLIFixtures.temporaryFolder("inspect")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let weights = try CLIFixtures.writeWeights(awkwardModel(), in: root, seed: 98765)
        let result = try DigitBinary.run(["inspect", "--weights", weights])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
        let fields = Dictionary(lines.filter { $0.count == 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["source"] == weights)
        #expect(fields["seed"] == "98765")
        #expect(fields["recipe"] == "test recipe")
        #expect(fields["epochs"] == "3 (best: 2)")
        #expect(fields["test accuracy"] == "50.00%")
        #expect(fields["data"] == "t10k-labels-idx1-ubyte sha256 ff7b")
    }

    @Test func drawsTheWeightMaps() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-png")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = awkwardModel()
        let weights = try CLIFixtures.writeWeights(model, in: root)
        let result = try DigitBinary.run(["inspect", "--weights", weights, "-o", root + "/maps.png", "--scale", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/maps.png")))
        let expected = weightMapsImage(model, scale: 3)
        let decoded = try decodeImage(bytes: bytes)
        #expect(decoded.image.width == expected.width && decoded.image.height == expected.height)
        #expect(bytes == (try encodePNG(expected)), "the PNG holds exactly the library's drawing")
    }

    @Test func exportedTextReadsBackExactly() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-text")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = awkwardModel()
        let weights = try CLIFixtures.writeWeights(model, in: root)
        let result = try DigitBinary.run(["inspect", "--weights", weights, "--export-text", root + "/w.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: root + "/w.txt", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ").compactMap { Float(String($0)) } }
        #expect(rows.count == 785 && rows.allSatisfy { $0.count == 10 })
        #expect(Array(rows[0..<784].joined()) == model.weights)
        #expect(rows[784] == model.bias)
    }

    /// numpy.loadtxt reads the export as 785×10 with the same numbers (skipped without python3 + numpy).
    @Test(.enabled(if: pythonWithNumpy != nil, "python3 with numpy not found; skipped"))
    func numpyLoadsTheExport() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-numpy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = awkwardModel()
        let weights = try CLIFixtures.writeWeights(model, in: root)
        _ = try DigitBinary.run(["inspect", "--weights", weights, "--export-text", root + "/w.txt"])
        let script = "import numpy; a = numpy.loadtxt('\(root)/w.txt', dtype=numpy.float32); "
            + "print(a.shape[0], a.shape[1]); print(repr(float(a[0, 3])), repr(float(a[783, 9])), repr(float(a[784, 2])))"
        let output = try runProcess(pythonWithNumpy!, ["-c", script])
        let lines = output.split(separator: "\n")
        #expect(lines.first == "785 10")
        let values = lines.dropFirst().first?.split(separator: " ").compactMap { Double(String($0)) } ?? []
        #expect(values == [Double(model.weights[3]), Double(model.weights[7839]), Double(model.bias[2])])
    }

    @Test func truncatedWeightsFileIsRejected() throws {
        let root = try CLIFixtures.temporaryFolder("inspect-bad")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let weights = try CLIFixtures.writeWeights(awkwardModel(), in: root)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: weights)))
        try writeFileAtomically(Array(bytes.prefix(bytes.count / 2)), to: weights)
        let result = try DigitBinary.run(["inspect", "--weights", weights])
        expectRuntimeFailure(result)
        #expect(result.stderr.contains(weights) && result.stderr.contains("truncated"))
    }
}

/// `/usr/bin/python3` (or the first on PATH) when it can import numpy.
let pythonWithNumpy: String? = {
    let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { String($0) + "/python3" }
    guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    return (try? runProcess(python, ["-c", "import numpy"])) != nil ? python : nil
}()

/// Runs a program, returns its stdout; throws when it exits non-zero.
private func runProcess(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    return String(decoding: data, as: UTF8.self)
}
