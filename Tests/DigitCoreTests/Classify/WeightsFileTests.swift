import BundledWeights
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
        #expect(bytes[8] == 1)  // version 1, little-endian
        let decoded = try WeightsFile(decoding: bytes, source: "m.dgw")
        #expect(decoded == Self.file)
        #expect(decoded.model.weights.map(\.bitPattern) == Self.file.model.weights.map(\.bitPattern))
    }

    @Test func savesAtomicallyAndLoads() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/m.dgw"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try Self.file.save(to: path)
        #expect(try WeightsFile.load(path: path) == Self.file)
        #expect(try SoftmaxModel.load(weightsFile: path) == Self.file.model)
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
        bytes[8] = 2
        #expect(throws: WeightsFileError.unsupportedVersion(source: "m.dgw", found: 2, supported: 1)) {
            try WeightsFile(decoding: Self.resealed(bytes), source: "m.dgw")
        }
        bytes = Self.file.encoded()
        bytes[12] = 0x11  // 785 inputs
        bytes[13] = 0x03
        #expect(throws: WeightsFileError.wrongShape(source: "m.dgw", inputs: 785, classes: 10)) {
            try WeightsFile(decoding: Self.resealed(bytes), source: "m.dgw")
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
        var broken = Self.file
        broken.model.weights[17] = .nan
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

    /// The bundled model is there and loads (a model trained for other preprocessing fails here,
    /// not silently), and records the test accuracy measured when it was trained: 95.83%.
    @Test func theBundledModel() throws {
        #expect(!bundledWeightsBytes.isEmpty, "no bundled model: run `digit train` and rebuild")
        #expect(WeightsFileError.noBundledModel.description.contains("digit train"))
        let bundled = try WeightsFile.bundled()
        #expect(try SoftmaxModel.bundled() == bundled.model)
        #expect(bundled.preprocessing == preprocessingIdentifier)
        #expect(bundled.metadata.testAccuracy ?? 0 >= 0.948, "a one-point drop from 95.83% fails")
        #expect(bundled.model.weights.contains { $0 != 0 })
    }
}

/// `save` never writes a file that `load` would refuse.
@Suite struct WeightsFileSaveTests {
    typealias F = ClassifyFixtures

    @Test func nonFiniteWeightsOrFiguresAreRefusedAndNothingIsWritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var diverged = WeightsFileTests.file
        diverged.model.weights[5] = .nan
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
