import Glibc

/// True when the file at `path` starts with a PNG or JPEG signature. Reads only its first
/// 8 bytes, so a folder's large non-image files are passed over cheaply. An unreadable file
/// counts as an image, so that reading it reports why.
func fileStartsWithImageSignature(at path: PathBytes) -> Bool {
    let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
    guard fd >= 0 else { return true }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: 8)
    var count = 0
    while count < head.count {
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, 8 - count) }
        if n < 0 && errno == EINTR { continue }
        if n < 0 { return true }
        if n == 0 { break }
        count += n
    }
    return ImageFormat(magic: head[0..<count]) != nil
}
