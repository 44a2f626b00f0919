import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

@Suite struct ImageFileTests {
    @Test func readsAFixtureByteForByte() throws {
        let bytes = try readImageFile(atPath: Fixtures.path("png/gray-8.png"))
        let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("png/gray-8.png"))))
        #expect(bytes == expected)
    }

    @Test func missingFileIsNotFound() {
        #expect(throws: ImageFileError.notFound) { try readImageFile(atPath: "/nonexistent/digit/photo.png") }
        #expect(throws: ImageFileError.notFound) { try readImageFile(atPath: Fixtures.path("png/gray-8.png/inside")) }
    }

    @Test func directoryIsRefused() {
        #expect(throws: ImageFileError.isDirectory) { try readImageFile(atPath: Fixtures.directory) }
    }

    @Test func deviceIsRefused() {
        #expect(throws: ImageFileError.notAFile) { try readImageFile(atPath: "/dev/zero") }
    }

    @Test func fileAboveTheLimitIsRefusedBeforeReading() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/big.png"
        try Data(count: 2_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: ImageFileError.tooLarge(limit: 1_000)) { try readImageFile(atPath: path, maxBytes: 1_000) }
        #expect(try readImageFile(atPath: path, maxBytes: 2_000).count == 2_000)
    }

    /// Root reads any file whatever its mode, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0, "running as root: chmod 000 does not stop root from reading"))
    func unreadableFileIsPermissionDenied() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/secret.png"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        #expect(throws: ImageFileError.permissionDenied) { try readImageFile(atPath: path) }
    }

    @Test func errnoMapsToActionableErrors() {
        #expect(ImageFileError(errno: ENOENT) == .notFound)
        #expect(ImageFileError(errno: EACCES) == .permissionDenied)
        #expect(ImageFileError(errno: EPERM) == .permissionDenied)
        #expect(ImageFileError(errno: EISDIR) == .isDirectory)
        #expect(ImageFileError(errno: EIO) == .readFailed(reason: String(cString: strerror(EIO))))
        for error in [ImageFileError.notFound, .permissionDenied, .isDirectory, .notAFile, .tooLarge(limit: 256 << 20), .readFailed(reason: "x")] {
            #expect(!error.description.contains("\n"))
        }
        #expect(ImageFileError.tooLarge(limit: 256 << 20).description.contains("256 MiB"))
    }

    /// Reading a pipe (as standard input is read) stops at `maxBytes` instead of swallowing it all.
    /// Payloads stay below the 64 KiB pipe buffer, so writing them all first never blocks.
    @Test func pipeReadingStopsAtTheLimit() throws {
        for (count, limit) in [(3_000, 5_000), (5_000, 5_000), (40_000, 5_000)] {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            defer { close(fds[0]) }
            let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0) }
            let written = payload.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            #expect(written == count)
            close(fds[1])
            if count <= limit {
                #expect(try readAllBytes(fileDescriptor: fds[0], maxBytes: limit, sizeHint: 0) == payload)
            } else {
                #expect(throws: ImageFileError.tooLarge(limit: limit)) {
                    try readAllBytes(fileDescriptor: fds[0], maxBytes: limit, sizeHint: 0)
                }
            }
        }
    }
}
