import Foundation
@testable import DigitCore

/// The committed fixtures (rendered by `fixtures/make-fixtures.py`).
enum Fixtures {
    /// `<repo>/fixtures`, found from this source file's path.
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Decode
        .deletingLastPathComponent()  // DigitCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo
        .appendingPathComponent("fixtures").path

    static func path(_ name: String) -> String { directory + "/" + name }

    static func bytes(_ name: String) throws -> [UInt8] {
        try readImageFile(atPath: path(name))
    }

    static func decode(_ name: String, options: DecodeOptions = DecodeOptions()) throws -> DecodedImage {
        try decodeImage(bytes: bytes(name), options: options)
    }
}

/// `|a − b| ≤ tolerance`, for luma values that pass through a lossy codec.
func near(_ a: UInt8, _ b: Int, _ tolerance: Int) -> Bool {
    abs(Int(a) - b) <= tolerance
}
