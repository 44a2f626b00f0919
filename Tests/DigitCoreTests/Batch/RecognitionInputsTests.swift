import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

func writeBatchTestFile(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

@Suite struct RecognitionInputsTests {
    /// root/{b.png, a.txt, sub/c.jpg, sub/deeper/d.png}
    private func makeTree() throws -> String {
        let root = try makeTemporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
        for name in ["b.png", "a.txt", "sub/c.jpg", "sub/deeper/d.png"] {
            try writeBatchTestFile(Array(name.utf8), to: root + "/" + name)
        }
        return root
    }

    @Test func aDirectoryWithoutRecursionGivesItsFilesSortedAndNotesSubDirectories() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var notes: [String] = []
        let inputs = Array(RecognitionInputs(paths: [root], recursive: false, note: { notes.append($0) }))
        #expect(inputs.map(\.name) == [root + "/a.txt", root + "/b.png"])
        #expect(inputs.allSatisfy { if case .fileFoundInDirectory = $0.source { true } else { false } })
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix(root + "/sub: skipped") == true)
    }

    @Test func recursionWalksSubDirectoriesDepthFirstInNameOrder() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inputs = Array(RecognitionInputs(paths: [root + "/"], recursive: true))
        #expect(inputs.map(\.name) == ["a.txt", "b.png", "sub/c.jpg", "sub/deeper/d.png"].map { root + "/" + $0 })
    }

    @Test func filesAndMissingPathsPassThroughInOrderAsNamedFiles() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = [root + "/b.png", root + "/missing.png", root + "/sub", root + "/a.txt"]
        let inputs = Array(RecognitionInputs(paths: paths, recursive: false))
        #expect(inputs.map(\.name) == [root + "/b.png", root + "/missing.png", root + "/sub/c.jpg", root + "/a.txt"])
        #expect(inputs[0].source == .file(path: PathBytes(root + "/b.png")))
        #expect(inputs[1].source == .file(path: PathBytes(root + "/missing.png")))
        #expect(inputs[2].source == .fileFoundInDirectory(path: PathBytes(root + "/sub/c.jpg")))
    }

    @Test func pathsAreTakenLazily() {
        var produced = 0
        let paths = AnySequence { () -> AnyIterator<String> in
            AnyIterator {
                produced += 1
                return "/nonexistent/\(produced).png"
            }
        }
        var iterator = RecognitionInputs(paths: paths, recursive: false).makeIterator()
        _ = iterator.next()
        _ = iterator.next()
        #expect(produced == 2, "an endless stream of paths is read one at a time")
    }
}
