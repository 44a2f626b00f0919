import Foundation

/// Files larger than this are refused before reading (1 GiB: far above any PNG or JPEG
/// within the decoder's pixel limit).
public let maximumInputFileBytes = 1 << 30

/// Reads the whole file at `path`. With `onlyIfImage`, reads the first 8 bytes first and
/// returns `nil` (without reading the rest) when they are not a PNG or JPEG signature.
///
/// Interim reader for `digit recognize`, until the decode stage's `readImageFile(atPath:)` lands.
func readInputFile(atPath path: String, onlyIfImage: Bool = false) throws -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw inputFileError(errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw inputFileError(errno: errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputFileError.isDirectory }
    let declaredSize = Int(info.st_size)
    guard declaredSize <= maximumInputFileBytes else {
        throw InputFileError.tooLarge(bytes: declaredSize, limit: maximumInputFileBytes)
    }

    // One spare byte, so a file that grew since fstat is noticed and read to its end.
    var buffer = [UInt8](repeating: 0, count: max(declaredSize, 8) + 1)
    var count = 0
    if onlyIfImage {
        count = try readChunks(fd, into: &buffer, from: 0, upTo: 8)
        guard ImageFormat(magic: buffer[0..<count]) != nil else { return nil }
    }
    while true {
        count = try readChunks(fd, into: &buffer, from: count, upTo: buffer.count)
        if count < buffer.count { break }  // the file ended before the buffer filled
        guard buffer.count <= maximumInputFileBytes else {
            throw InputFileError.tooLarge(bytes: buffer.count, limit: maximumInputFileBytes)
        }
        buffer.append(contentsOf: repeatElement(0, count: max(65_536, buffer.count)))
    }
    buffer.removeSubrange(count...)
    return buffer
}

/// Reads from `fd` into `buffer[start..<end]` until that range is full or the file ends;
/// returns the index after the last byte read.
private func readChunks(_ fd: Int32, into buffer: inout [UInt8], from start: Int, upTo end: Int) throws -> Int {
    var position = start
    try buffer.withUnsafeMutableBytes { raw in
        while position < end {
            let n = read(fd, raw.baseAddress! + position, end - position)
            if n < 0 {
                if errno == EINTR { continue }
                throw inputFileError(errno: errno)
            }
            if n == 0 { return }
            position += n
        }
    }
    return position
}

private func inputFileError(errno code: Int32) -> InputFileError {
    switch code {
    case ENOENT, ENOTDIR: return .notFound
    case EACCES, EPERM: return .permissionDenied
    case EISDIR: return .isDirectory
    default: return .readFailed(String(cString: strerror(code)))
    }
}
