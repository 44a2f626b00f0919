/// The IHDR fields of a PNG that decide its size and how much memory decoding it takes.
struct PNGHeader: Equatable, Sendable {
    var width: Int, height: Int
    /// 1, 2, 4, 8 or 16 bits per sample.
    var bitDepth: Int
    /// 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA.
    var colourType: Int
    var interlaced: Bool

    /// Read from the IHDR chunk, which must come right after the signature; `nil` when the
    /// bytes are too short to hold one or the first chunk is not IHDR (libpng then says why).
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 29, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        func u32(_ offset: Int) -> Int {
            Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        }
        width = u32(16)
        height = u32(20)
        bitDepth = Int(bytes[24])
        colourType = Int(bytes[25])
        interlaced = bytes[28] != 0
    }

    /// Whether the file may hold transparency: an alpha channel, or a tRNS chunk (not looked for here).
    var hasAlphaChannel: Bool { colourType == 4 || colourType == 6 }
    /// Gray, or colour (RGB and palette files decode to RGB).
    var isColour: Bool { colourType & 2 != 0 }
}

/// libpng's own limit on a PNG's width and height (`PNG_USER_WIDTH_MAX`, `PNG_USER_HEIGHT_MAX`):
/// a longer side is refused with `DecodeError.sideTooLong` before libpng sees the file.
let maxPNGSide = 1_000_000
