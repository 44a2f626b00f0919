import Foundation

/// Why a file could not be written.
public enum FileWriteError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it over
/// `path`, so a reader (or an interrupted run) sees either the old file or the whole new one.
/// With `check`, the temporary file is read back first and must hold exactly `bytes`; `check`
/// then sees them and may throw to stop the rename (the temporary file is removed).
public func writeFileAtomically(_ bytes: [UInt8], to path: String,
                                checkingReadBack check: (([UInt8]) throws -> Void)? = nil) throws {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
        throw FileWriteError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    var failure: String?
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
        }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, let check {
        do {
            let readBack = try readWholeFile(atPath: temporary, maxBytes: bytes.count + 1)
            guard readBack == bytes else {
                throw FileWriteError.cannotWrite(path: path, reason: "the file read back differs from what was written")
            }
            try check(readBack)
        } catch {
            unlink(temporary)
            throw error
        }
    }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporary)
        throw FileWriteError.cannotWrite(path: path, reason: failure)
    }
}

/// All bytes of the regular file at `path` (at most `maxBytes`).
private func readWholeFile(atPath path: String, maxBytes: Int) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileWriteError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    return try readAllBytes(fileDescriptor: fd, maxBytes: maxBytes, sizeHint: maxBytes)
}
