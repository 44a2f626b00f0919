import CZlib

/// Why gzip-compressed bytes could not be inflated.
public enum GunzipError: Error, Equatable, CustomStringConvertible {
    /// zlib rejected the stream (bad header, corrupt data, wrong checksum); `reason` is zlib's message.
    case corrupt(reason: String)
    /// The stream stopped before its end marker: the file was cut off.
    case truncated
    /// The decompressed data would exceed `limit` bytes.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let reason): return "corrupt gzip data (\(reason))"
        case .truncated: return "gzip data ends early (file cut off?)"
        case .tooLarge(let limit): return "decompressed data exceeds \(limit / 1_000_000) MB"
        }
    }
}

/// True when `bytes` start with the gzip magic number 1F 8B.
public func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
}

/// Inflates a gzip (or zlib) stream with zlib; concatenated gzip members are joined.
/// `limit` bounds the output size (bytes) so a hostile file cannot exhaust memory.
public func gunzip(_ compressed: [UInt8], limit: Int = 512 << 20) throws -> [UInt8] {
    var stream = z_stream()
    // 15 + 32: largest window, and detect gzip or zlib headers automatically.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw GunzipError.corrupt(reason: "cannot initialise zlib")
    }
    defer { inflateEnd(&stream) }

    // The gzip trailer's last four bytes hold the size mod 2^32: a good first guess.
    var capacity = 1 << 16
    if compressed.count >= 18 {
        let n = compressed.count
        let hint = Int(compressed[n - 4]) | Int(compressed[n - 3]) << 8 | Int(compressed[n - 2]) << 16 | Int(compressed[n - 1]) << 24
        capacity = max(capacity, min(hint + 1, limit + 1))
    }
    var output = [UInt8](repeating: 0, count: capacity)
    var produced = 0
    var status: Int32 = Z_OK

    try compressed.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        while true {
            if produced == output.count {
                let grown = min(output.count * 2, limit + 1)
                guard grown > output.count else { throw GunzipError.tooLarge(limit: limit) }
                output.append(contentsOf: repeatElement(0, count: grown - output.count))
            }
            status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_out = out.baseAddress! + produced
                stream.avail_out = UInt32(out.count - produced)
                let result = inflate(&stream, Z_NO_FLUSH)
                produced = out.count - Int(stream.avail_out)
                return result
            }
            if produced > limit { throw GunzipError.tooLarge(limit: limit) }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another gzip member may follow (as `cat a.gz b.gz` makes); trailing zeros are padding.
                let rest = Int(stream.avail_in)
                let next = input.count - rest
                guard rest >= 2, input[next] == 0x1F, input[next + 1] == 0x8B else { return }
                guard inflateReset(&stream) == Z_OK else { throw GunzipError.corrupt(reason: "cannot reset zlib") }
            case Z_BUF_ERROR:
                // No progress possible: with output space left, the input ran out.
                if stream.avail_out > 0 { throw GunzipError.truncated }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw GunzipError.corrupt(reason: message)
            }
        }
    }
    output.removeSubrange(produced..<output.count)
    return output
}
