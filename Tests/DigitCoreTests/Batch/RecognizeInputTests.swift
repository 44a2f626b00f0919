import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

@Suite struct RecognizeInputTests {
    /// A fixed answer, so these tests do not depend on a trained model.
    private static let answer = Prediction(probabilities: [0.02, 0.02, 0.02, 0.82, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02])

    private func recognize(_ input: RecognitionInput, minimum: Float? = nil) -> RecognitionOutcome {
        recognizeInput(input, settings: RecognitionSettings(minimumConfidence: minimum), classify: { _ in Self.answer })
    }

    /// A dark bar on white paper, 40×40.
    private func barPNG() throws -> [UInt8] {
        var image = GrayImage(width: 40, height: 40, filledWith: 240)
        for y in 8..<32 { for x in 18..<22 { image[x, y] = 20 } }
        return try encodePNG(image)
    }

    @Test func aReadableImageGivesTheClassifiersAnswer() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeBatchTestFile(try barPNG(), to: root + "/bar.png")
        guard case .recognized(let r) = recognize(.file(root + "/bar.png")) else {
            Issue.record("expected a row"); return
        }
        #expect(r.file == root + "/bar.png")
        #expect(r.error == nil)
        #expect(r.digit == 3)
        #expect(r.probabilities == Self.answer.probabilities)
    }

    @Test func bytesFromStandardInputAreRecognizedUnderTheirName() throws {
        let outcome = recognize(RecognitionInput(name: "-", source: .bytes(try barPNG())), minimum: 0.9)
        guard case .recognized(let r) = outcome else { Issue.record("expected a row"); return }
        #expect(r.file == "-")
        #expect(r.digit == nil, "0.82 is below the minimum of 0.9")
        #expect(r.warnings.last == "uncertain: top probability 0.82 below 0.90")
    }

    @Test func unreadableAndCorruptFilesBecomeErrorRows() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let png = try barPNG()
        try writeBatchTestFile(Array(png.prefix(png.count / 2)), to: root + "/cut.png")
        try writeBatchTestFile(Array("just text".utf8), to: root + "/notes.png")
        try writeBatchTestFile([], to: root + "/empty.png")

        func error(_ input: RecognitionInput) -> String? {
            guard case .recognized(let r) = recognize(input) else { return "skipped" }
            #expect(r.digit == nil && r.probabilities == nil)
            return r.error
        }
        #expect(error(.file(root + "/missing.png")) == ImageFileError.notFound.description)
        #expect(error(.file(root)) == ImageFileError.isDirectory.description)
        #expect(error(.file(root + "/notes.png")) == DecodeError.unrecognisedFormat.description)
        #expect(error(.file(root + "/empty.png")) == DecodeError.empty.description)
        #expect(error(.file(root + "/cut.png"))?.hasPrefix("truncated PNG file") == true)
        #expect(error(RecognitionInput(name: "locked", source: .unreadable(reason: "permission denied"))) == "permission denied")
    }

    @Test func nonImagesFoundInADirectoryAreSkippedNotErrors() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeBatchTestFile(Array("just text, longer than eight bytes".utf8), to: root + "/notes.png")
        try writeBatchTestFile(try barPNG(), to: root + "/bar.dat")
        #expect(recognize(RecognitionInput(name: "n", source: .fileFoundInDirectory(path: PathBytes(root + "/notes.png"))))
                == .skipped(file: "n", reason: "not a PNG or JPEG file"))
        guard case .recognized(let r) = recognize(RecognitionInput(name: "b", source: .fileFoundInDirectory(path: PathBytes(root + "/bar.dat")))) else {
            Issue.record("an image is read whatever its name"); return
        }
        #expect(r.digit == 3)
    }

    @Test func onlyTheFirstBytesDecideWhetherAFolderFileIsAnImage() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeBatchTestFile([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], to: root + "/truncated-png.bin")
        try writeBatchTestFile([0xFF, 0xD8, 0xFF], to: root + "/jpeg-start")
        try writeBatchTestFile([0xFF, 0xD8], to: root + "/too-short")
        try writeBatchTestFile((0..<100_000).map { UInt8(truncatingIfNeeded: $0) }, to: root + "/big.bin")
        #expect(fileStartsWithImageSignature(at: PathBytes(root + "/truncated-png.bin")))
        #expect(fileStartsWithImageSignature(at: PathBytes(root + "/jpeg-start")))
        #expect(!fileStartsWithImageSignature(at: PathBytes(root + "/too-short")))
        #expect(!fileStartsWithImageSignature(at: PathBytes(root + "/big.bin")))
        #expect(fileStartsWithImageSignature(at: PathBytes(root + "/missing")), "unreadable: read it, so the error says why")
    }
}
