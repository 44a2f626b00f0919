import Foundation

/// Writes `contents` to the file whose path is exactly `path` (bytes, need not be UTF-8: Foundation
/// cannot create such a name). Throws when the file cannot be created.
public func writeFile(atRawPath path: [UInt8], contents: [UInt8]) throws {
    let fd = (path + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    }
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(fd) }
    let written = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == contents.count else { throw CocoaError(.fileWriteUnknown) }
}

/// File names that have broken one-line output or been lost by folder listings: a newline, a
/// tab, a double quote, a comma, and Latin-1 `café` (byte 0xE9: not UTF-8). As bytes.
public let awkwardFileNames: [[UInt8]] = [
    Array("new\nline.png".utf8), Array("tab\there.png".utf8), Array("quote\"d.png".utf8),
    Array("com,ma.png".utf8), Array("caf".utf8) + [0xE9] + Array(".png".utf8),
]
