import Glibc

/// A file system path as the bytes the system uses. Linux file names are any bytes but `/` and
/// NUL, not necessarily UTF-8; a Swift `String` cannot hold such a name, so paths found by
/// listing a folder (or given on the command line) are kept as bytes to open them, and shown
/// through `displayName`.
public struct PathBytes: Hashable, Sendable, Comparable {
    /// Without a terminating NUL.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path spelled by `path` (its UTF-8).
    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// The path itself when it is valid UTF-8, else with `\xNN` for each byte that is not part of
    /// valid UTF-8 (`caf\xE9.png`). Control characters are kept: output formats escape them.
    public var displayName: String {
        string ?? escapingInvalidUTF8(bytes)
    }

    /// The path as a `String` when its bytes are valid UTF-8, else `nil`.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// `self + "/" + name`, without doubling a trailing `/`.
    public func appending(_ name: [UInt8]) -> PathBytes {
        PathBytes(bytes: (bytes.last == UInt8(ascii: "/") ? bytes : bytes + [UInt8(ascii: "/")]) + name)
    }

    /// The last component's bytes (after the last `/`).
    public var lastComponent: [UInt8] {
        Array(bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).last ?? [])
    }

    /// Calls `body` with the path as a NUL-terminated C string, for `open`, `stat`, `opendir`.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Byte order, like `ls` in the C locale.
    public static func < (a: PathBytes, b: PathBytes) -> Bool {
        a.bytes.lexicographicallyPrecedes(b.bytes)
    }
}

/// `bytes` as text: valid UTF-8 as it is, each byte that is not part of valid UTF-8 as `\xNN`
/// (so `caf\xE9.png` for a Latin-1 name).
func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
    var out = ""
    var index = 0
    while index < bytes.count {
        let length = utf8SequenceLength(bytes, at: index)
        if length > 0 {
            out += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
            index += length
        } else {
            out += "\\x" + twoHexDigits(bytes[index])
            index += 1
        }
    }
    return out
}

/// The length (1…4) of the valid UTF-8 sequence starting at `index`, or 0 when the bytes there
/// are not one (a stray continuation byte, an overlong form, a surrogate, a cut sequence).
private func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    return String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil ? length : 0
}
