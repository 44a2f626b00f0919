import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

@Suite struct WeightsFileTests {
    typealias F = ClassifyFixtures

    static let file = WeightsFile(
        model: F.randomModel(seed: 8),
        metadata: TrainingMetadata(recipe: "test recipe", optimizer: "adam", augment: true, seed: 99, epochs: 4,
                                   bestEpoch: 3, batchSize: 50, learningRate: 0.002, l2: 1e-4,
                                   trainingImages: 100, validationImages: 10, dataHashes: ["a": "00ff"],
                                   validationAccuracy: 0.91, testAccuracy: 0.9, initialisedFrom: nil,
                                   date: "2026-01-01T00:00:00Z", digitVersion: "0.0.0"))

    /// A small MLP (5 hidden units) with its metadata.
    static let mlpFile: WeightsFile = {
        var rng = SplitMix64(seed: 12)
        func values(_ count: Int) -> [Float] { (0..<count).map { _ in rng.uniform(-1...1) } }
        let model = MLPModel(hiddenWeights: values(784 * 5), hiddenBias: values(5), outputWeights: values(50), outputBias: values(10))
        var metadata = file.metadata
        metadata.hiddenUnits = 5
        metadata.date = nil
        return WeightsFile(classifier: .mlp(model), metadata: metadata)
    }()

    /// Version 1 bytes of a softmax model, written as the version-1 writer did (docs/classifier.md).
    static func versionOne(_ model: SoftmaxModel, preprocessing: String, metadataJSON: String) -> [UInt8] {
        var out = WeightsFile.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(1); u32(784); u32(10)
        u32(UInt32(preprocessing.utf8.count)); out += Array(preprocessing.utf8)
        u32(UInt32(metadataJSON.utf8.count)); out += Array(metadataJSON.utf8)
        for w in model.weights { u32(w.bitPattern) }
        for b in model.bias { u32(b.bitPattern) }
        u32(WeightsFile.crc32(out[...]))
        return out
    }

    /// Byte offset of the first layer's input count in a version-2 file.
    static func firstLayerOffset(_ file: WeightsFile) -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let metadata = try! encoder.encode(file.metadata)
        return 12 + 4 + file.preprocessing.utf8.count + 4 + metadata.count + 4
    }

    /// The file's bytes with the CRC-32 trailer recomputed (to test checks after the checksum).
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(4))
        let crc = WeightsFile.crc32(body[...])
        body += (0..<4).map { UInt8(crc >> (8 * UInt32($0)) & 0xFF) }
        return body
    }

    @Test func roundTripsExactly() throws {
        let bytes = Self.file.encoded()
        #expect(Array(bytes.prefix(8)) == [0x89, 0x44, 0x47, 0x57, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(bytes[8] == 2)  // version 2, little-endian
        let decoded = try WeightsFile(decoding: bytes, source: "m.dgw")
        #expect(decoded == Self.file)
        #expect(decoded.classifier.layers[0].weights.map(\.bitPattern) == Self.file.classifier.layers[0].weights.map(\.bitPattern))
        #expect(decoded.encoded() == bytes)
    }

    @Test func anMLPRoundTripsWithItsLayerList() throws {
        let bytes = Self.mlpFile.encoded()
        let offset = Self.firstLayerOffset(Self.mlpFile)
        #expect(bytes[offset - 4] == 2)  // two layers
        #expect(bytes[offset] == 0x10 && bytes[offset + 1] == 0x03 && bytes[offset + 4] == 5)  // 784 → 5
        #expect(bytes.count == offset + 8 + 4 * (784 * 5 + 5) + 8 + 4 * (5 * 10 + 10) + 4)
        let decoded = try WeightsFile(decoding: bytes, source: "m.dgw")
        #expect(decoded == Self.mlpFile)
        #expect(decoded.classifier.hiddenCount == 5 && decoded.metadata.hiddenUnits == 5)
        for length in [offset, offset + 20, bytes.count / 2, bytes.count - 1] {
            #expect(throws: WeightsFileError.self) { try WeightsFile(decoding: Array(bytes.prefix(length)), source: "m.dgw") }
        }
    }

    /// Files written by version 1 (softmax only) still load, with their metadata.
    @Test func versionOneFilesStillLoad() throws {
        let model = F.randomModel(seed: 3)
        let json = #"{"augment":false,"batchSize":500,"bestEpoch":12,"dataHashes":{},"date":"2026-11-29T10:00:00Z","digitVersion":"0.1.0","epochs":12,"l2":1e-05,"learningRate":0.01,"optimizer":"adam","recipe":"softmax","seed":1,"testAccuracy":0.9583,"trainingImages":55000,"validationImages":5000}"#
        let bytes = Self.versionOne(model, preprocessing: preprocessingIdentifier, metadataJSON: json)
        let decoded = try WeightsFile(decoding: bytes, source: "old.dgw")
        #expect(decoded.classifier == .linear(model))
        #expect(decoded.metadata.date == "2026-11-29T10:00:00Z" && decoded.metadata.hiddenUnits == nil)
        #expect(decoded.metadata.testAccuracy == 0.9583)
        #expect(throws: WeightsFileError.self) { try WeightsFile(decoding: Array(bytes.dropLast(9)), source: "old.dgw") }
        var corrupt = bytes
        corrupt[200] ^= 1
        #expect(throws: WeightsFileError.self) { try WeightsFile(decoding: corrupt, source: "old.dgw") }
    }

    @Test func savesAtomicallyAndLoads() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/m.dgw"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try Self.file.save(to: path)
        #expect(try WeightsFile.load(path: path) == Self.file)
        #expect(try Classifier.load(weightsFile: path) == Self.file.classifier)
        // No temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["m.dgw"])
        #expect(throws: FileWriteError.self) { try Self.file.save(to: directory + "/missing/m.dgw") }
    }

    @Test func everyTruncationIsReported() {
        let bytes = Self.file.encoded()
        for length in [0, 5, 8, 12, 25, 100, bytes.count / 2, bytes.count - 1] {
            do {
                _ = try WeightsFile(decoding: Array(bytes.prefix(length)), source: "m.dgw")
                Issue.record("accepted a file cut to \(length) bytes")
            } catch let error as WeightsFileError {
                switch error {
                case .truncated(let source, let expected, let found):
                    #expect(source == "m.dgw" && found == length && expected > length)
                case .notAWeightsFile:
                    #expect(length < 8)
                default:
                    Issue.record("cut to \(length): unexpected \(error)")
                }
                #expect(error.description.hasPrefix("m.dgw: "))
            } catch { Issue.record("untyped error \(error)") }
        }
    }

    @Test func aChangedByteFailsTheChecksum() {
        var bytes = Self.file.encoded()
        bytes[bytes.count - 500] ^= 0x10  // inside the weights
        #expect(throws: WeightsFileError.corrupted(source: "m.dgw", reason: "checksum mismatch")) {
            try WeightsFile(decoding: bytes, source: "m.dgw")
        }
        var extra = Self.file.encoded()
        extra.append(0)
        #expect(throws: WeightsFileError.corrupted(source: "m.dgw", reason: "1 unexpected bytes at the end")) {
            try WeightsFile(decoding: extra, source: "m.dgw")
        }
    }

    @Test func otherFilesAndVersionsAreRefused() {
        #expect(throws: WeightsFileError.notAWeightsFile(source: "x.png")) {
            try WeightsFile(decoding: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 100), source: "x.png")
        }
        var bytes = Self.file.encoded()
        bytes[8] = 3
        #expect(throws: WeightsFileError.unsupportedVersion(source: "m.dgw", found: 3, supported: 2)) {
            try WeightsFile(decoding: Self.resealed(bytes), source: "m.dgw")
        }
        // A 783-input softmax layer (its numbers shortened to match): the wrong shape.
        let offset = Self.firstLayerOffset(Self.file)
        bytes = Self.file.encoded()
        bytes[offset] = 0x0F
        bytes.removeSubrange((offset + 8)..<(offset + 8 + 40))
        #expect(throws: WeightsFileError.wrongShape(source: "m.dgw", inputs: 783, classes: 10)) {
            try WeightsFile(decoding: Self.resealed(bytes), source: "m.dgw")
        }
        // An MLP whose second layer does not take the first one's outputs.
        let layers = Self.mlpFile.classifier.layers
        var mismatched = Self.mlpFile.encoded()
        let second = Self.firstLayerOffset(Self.mlpFile) + 8 + 4 * (layers[0].weights.count + layers[0].bias.count)
        mismatched[second] = 4  // 4 inputs, and one row of weights fewer
        mismatched.removeSubrange((second + 8)..<(second + 8 + 40))
        #expect(throws: WeightsFileError.unsupportedLayers(source: "m.dgw", reason: "layer 1 has 5 outputs but layer 2 4 inputs")) {
            try WeightsFile(decoding: Self.resealed(mismatched), source: "m.dgw")
        }
        // Three layers: not a model digit runs.
        var three = Self.mlpFile.encoded()
        three[Self.firstLayerOffset(Self.mlpFile) - 4] = 3
        #expect(throws: WeightsFileError.unsupportedLayers(source: "m.dgw", reason: "3 layers (digit reads 1 or 2)")) {
            try WeightsFile(decoding: Self.resealed(three), source: "m.dgw")
        }
    }

    @Test func aModelForOtherPreprocessingIsRefusedUnlessAsked() throws {
        var other = Self.file
        other.preprocessing = "some-other-preprocessing"
        let bytes = other.encoded()
        do {
            _ = try WeightsFile(decoding: bytes, source: "m.dgw")
            Issue.record("accepted a model for other preprocessing")
        } catch let error as WeightsFileError {
            #expect(error == .wrongPreprocessing(source: "m.dgw", found: "some-other-preprocessing", expected: preprocessingIdentifier))
            #expect(error.description.contains("digit train"))
        }
        #expect(try WeightsFile(decoding: bytes, source: "m.dgw", expectedPreprocessing: nil) == other)
    }

    @Test func nonFiniteWeightsAreRefused() {
        var weights = F.randomModel(seed: 8).weights
        weights[17] = .nan
        var broken = Self.file
        broken.classifier = .linear(SoftmaxModel(weights: weights, bias: F.randomModel(seed: 8).bias))
        #expect(throws: WeightsFileError.corrupted(source: "m.dgw", reason: "weights are not all finite numbers")) {
            try WeightsFile(decoding: broken.encoded(), source: "m.dgw")
        }
    }

    @Test func aMissingFileIsNamed() {
        do {
            _ = try WeightsFile.load(path: "/nonexistent/m.dgw")
            Issue.record("loaded a missing file")
        } catch let error as WeightsFileError {
            guard case .cannotRead(let source, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(source == "/nonexistent/m.dgw")
        } catch { Issue.record("untyped error \(error)") }
    }

    /// Both bundled models are there and load, each of its kind (a model trained for other
    /// preprocessing fails here, not silently), and record the test accuracy measured when they
    /// were trained: one point below it fails (MLP 99.27%, linear 95.83%).
    @Test(arguments: BundledModel.allCases)
    func theBundledModels(model: BundledModel) throws {
        #expect(!model.bytes.isEmpty, "no bundled \(model) model: run `\(model.trainingCommand)` and rebuild")
        #expect(WeightsFileError.noBundledModel(model).description.contains(model.trainingCommand))
        let bundled = try WeightsFile.bundled(model)
        #expect(try Classifier.bundled(model) == bundled.classifier)
        #expect(bundled.preprocessing == preprocessingIdentifier)
        #expect(bundled.metadata.testAccuracy ?? 0 >= (model == .mlp ? 0.9827 : 0.948))
        #expect(bundled.classifier.hiddenCount == (model == .mlp ? TrainingOptions.bundledHiddenCount : 0))
        #expect(bundled.metadata.augment == (model == .mlp), "the mlp recipe trains on distorted copies, the linear one not")
        #expect(bundled.metadata.date == nil, "no date: the recipe reproduces the file byte for byte")
    }
}

/// `save` never writes a file that `load` would refuse.
@Suite struct WeightsFileSaveTests {
    typealias F = ClassifyFixtures

    @Test func nonFiniteWeightsOrFiguresAreRefusedAndNothingIsWritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var diverged = WeightsFileTests.file
        guard case .linear(var model) = diverged.classifier else { Issue.record("not linear"); return }
        model.weights[5] = .nan
        diverged.classifier = .linear(model)
        var nanAccuracy = WeightsFileTests.file
        nanAccuracy.metadata.testAccuracy = .nan
        var infiniteRate = WeightsFileTests.file
        infiniteRate.metadata.learningRate = .infinity
        for (file, reason) in [(diverged, "weights are not all finite"), (nanAccuracy, "test accuracy"),
                               (infiniteRate, "learning rate")] {
            do {
                try file.save(to: folder + "/m.dgw")
                Issue.record("saved a file with \(reason)")
            } catch let error as WeightsFileError {
                guard case .cannotSave(let path, let message) = error else { Issue.record("\(error)"); continue }
                #expect(path == folder + "/m.dgw")
                #expect(message.contains(reason), "\(message)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func absentFiguresAreSavedAndReadBack() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var file = WeightsFileTests.file
        file.metadata.validationAccuracy = nil
        file.metadata.testAccuracy = nil
        try file.save(to: folder + "/m.dgw")
        #expect(try WeightsFile.load(path: folder + "/m.dgw") == file)
    }

    /// The read-back check runs on the bytes on disk before the rename: a check that throws
    /// leaves neither the file nor its temporary file, and an old file stays as it was.
    @Test func aFailedReadBackCheckLeavesTheOldFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFileAtomically([1, 2, 3], to: folder + "/f")
        struct Refused: Error {}
        var seen: [UInt8] = []
        #expect(throws: Refused.self) {
            try writeFileAtomically([4, 5, 6, 7], to: folder + "/f") { bytes in
                seen = bytes
                throw Refused()
            }
        }
        #expect(seen == [4, 5, 6, 7])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["f"])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/f"))) == [1, 2, 3])
    }
}
