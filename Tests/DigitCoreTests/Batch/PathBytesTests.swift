import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

@Suite struct PathBytesTests {
    @Test func namesThatAreNotUTF8AreShownWithHexEscapes() {
        #expect(PathBytes("a/b.png").displayName == "a/b.png")
        #expect(PathBytes(bytes: Array("caf".utf8) + [0xE9] + Array(".png".utf8)).displayName == "caf\\xE9.png")
        #expect(PathBytes(bytes: [0xC3]).displayName == "\\xC3", "a cut sequence")
        #expect(PathBytes(bytes: [0xC3, 0xA9, 0xFF, 0x41]).displayName == "é\\xFFA")
        #expect(PathBytes(bytes: [0xED, 0xA0, 0x80]).displayName == "\\xED\\xA0\\x80", "a surrogate is not UTF-8")
        #expect(PathBytes(bytes: [0xE9]).string == nil && PathBytes("é").string == "é")
    }

    @Test func controlCharactersAreEscapedAndTheRestKept() {
        #expect(escapingControlCharacters("plain name, \"quoted\" é.png") == "plain name, \"quoted\" é.png")
        #expect(escapingControlCharacters("a\nb\tc\rd") == "a\\nb\\tc\\rd")
        #expect(escapingControlCharacters("\u{1B}[31mred\u{7F}\u{85}") == "\\x1B[31mred\\x7F\\x85")
    }

    @Test func aFolderListingKeepsNamesThatAreNotUTF8() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in awkwardFileNames { try writeFile(atRawPath: Array((root + "/").utf8) + name, contents: [1]) }
        #expect(try directoryEntryNames(PathBytes(root)) == awkwardFileNames.sorted { $0.lexicographicallyPrecedes($1) })
        let inputs = Array(RecognitionInputs(paths: [root], recursive: false))
        #expect(inputs.count == awkwardFileNames.count)
        #expect(inputs.contains { $0.name == root + "/caf\\xE9.png" })
        #expect(throws: DirectoryListingError(errno: ENOENT)) { try directoryEntryNames(PathBytes(root + "/none")) }
    }

    /// The errno → reason mappings, checked directly (chmod cannot stop root, so CI cannot make
    /// a file unreadable): the same reasons `recognize` and `evaluate` print.
    @Test func errnoMapsToTheDocumentedReasons() {
        #expect(ImageFileError(errno: ENOENT) == .notFound)
        #expect(ImageFileError(errno: ENOTDIR) == .notFound)
        #expect(ImageFileError(errno: EACCES) == .permissionDenied)
        #expect(ImageFileError(errno: EPERM) == .permissionDenied)
        #expect(ImageFileError(errno: EISDIR) == .isDirectory)
        #expect(ImageFileError(errno: ENXIO) == .notAFile)
        #expect(ImageFileError(errno: EIO) == .readFailed(reason: String(cString: strerror(EIO))))
        #expect(ImageFileError.permissionDenied.description.hasPrefix("permission denied"))
        #expect(DirectoryListingError(errno: EACCES).description == "permission denied")
        #expect(DirectoryListingError(errno: ENOTDIR).description == "not a folder")
    }
}
