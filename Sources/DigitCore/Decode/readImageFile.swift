import Glibc

/// All bytes of the file at `path`, for `decodeImage`.
/// Throws `ImageFileError` for a missing or unreadable path, a directory, a device,
/// or a file larger than `maxBytes` (checked before reading, and again while reading).
public func readImageFile(atPath path: String, maxBytes: Int = maxImageFileBytes) throws -> [UInt8] {
    try readImageFile(at: PathBytes(path), maxBytes: maxBytes)
}

/// All bytes of the file at `path`, given as bytes (a name need not be UTF-8); see `readImageFile(atPath:)`.
public func readImageFile(at path: PathBytes, maxBytes: Int = maxImageFileBytes) throws -> [UInt8] {
    let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
    guard fd >= 0 else { throw ImageFileError(errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw ImageFileError(errno: errno) }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw ImageFileError.isDirectory
    case S_IFREG:
        guard Int(info.st_size) <= maxBytes else { throw ImageFileError.tooLarge(limit: maxBytes) }
    case S_IFIFO:
        // A named pipe: read it like standard input, blocking.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    default: throw ImageFileError.notAFile
    }
    return try readAllBytes(fileDescriptor: fd, maxBytes: maxBytes, sizeHint: Int(info.st_size))
}

/// All bytes of standard input until end of file, refusing more than `maxBytes`
/// (so an endless pipe is stopped, not swallowed).
public func readStandardInputBytes(maxBytes: Int = maxImageFileBytes) throws -> [UInt8] {
    try readAllBytes(fileDescriptor: STDIN_FILENO, maxBytes: maxBytes, sizeHint: 0)
}

/// Reads `fd` to its end in chunks; throws `.tooLarge` as soon as more than `maxBytes` arrive.
func readAllBytes(fileDescriptor fd: Int32, maxBytes: Int, sizeHint: Int) throws -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(min(max(sizeHint, 0), maxBytes) + 1)
    let chunkSize = 1 << 16
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
        if n < 0 {
            if errno == EINTR { continue }
            throw ImageFileError(errno: errno)
        }
        if n == 0 { return bytes }
        guard bytes.count + n <= maxBytes else { throw ImageFileError.tooLarge(limit: maxBytes) }
        bytes.append(contentsOf: chunk[0..<n])
    }
}
