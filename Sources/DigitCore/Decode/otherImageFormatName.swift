/// The name of a common image format that `digit` does not read (`"GIF"`, `"WebP"`, …)
/// whose signature starts `bytes`, or `nil`. Used only to give a better error message.
func otherImageFormatName(magic bytes: [UInt8]) -> String? {
    func startsWith(_ text: String, at offset: Int = 0) -> Bool {
        let pattern = Array(text.utf8)
        return bytes.count >= offset + pattern.count && Array(bytes[offset..<offset + pattern.count]) == pattern
    }
    if startsWith("GIF87a") || startsWith("GIF89a") { return "GIF" }
    if startsWith("RIFF") && startsWith("WEBP", at: 8) { return "WebP" }
    // BMP: "BM", then at byte 14 the size of a known DIB header (little-endian).
    if startsWith("BM") && bytes.count >= 18 && [12, 40, 52, 56, 64, 108, 124].contains(Int(bytes[14]))
        && bytes[15] == 0 && bytes[16] == 0 && bytes[17] == 0 { return "BMP" }
    if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
    if startsWith("ftypheic", at: 4) || startsWith("ftypheix", at: 4) || startsWith("ftypmif1", at: 4) { return "HEIC" }
    if startsWith("ftypavif", at: 4) { return "AVIF" }
    if bytes.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) { return "JPEG 2000" }
    if bytes.starts(with: [0xFF, 0x0A]) { return "JPEG XL" }
    if startsWith("%PDF") { return "PDF" }
    if startsWith("<svg") || startsWith("<?xml") { return "SVG/XML" }
    return nil
}
