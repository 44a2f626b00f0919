/// The PNG in `bytes` checked chunk by chunk and reduced to the chunks that decide its
/// pixels, before libpng sees it.
///
/// Why: libpng allocates a chunk's declared length before reading it, so a 133-byte file
/// whose iTXt claims 2 GB made it allocate 2 GB (found by the fuzzer); and compressed text
/// or ICC chunks can inflate far beyond the file. Here:
/// - every chunk must have a four-letter type and a length that fits in the bytes left,
///   the first must be IHDR, and IEND must come; otherwise `.corrupt`/`.truncated`;
/// - ancillary chunks other than tRNS, gAMA, sRGB, cHRM and sBIT (text, iCCP, eXIf, APNG
///   frames, private chunks) are dropped; unknown *critical* chunks are kept, so libpng
///   still refuses them; bytes after IEND are dropped.
/// CRCs are left to libpng. Memory: one copy of the kept chunks.
func pngChunksForDecoding(_ bytes: [UInt8]) throws -> [UInt8] {
    let signatureLength = 8
    let keptAncillary: Set<String> = ["tRNS", "gAMA", "sRGB", "cHRM", "sBIT"]
    var out = Array(bytes.prefix(signatureLength))
    out.reserveCapacity(bytes.count)
    var offset = signatureLength
    var isFirst = true
    while true {
        guard offset + 8 <= bytes.count else {
            throw DecodeError.truncated(format: .png, message: "the file ends before its IEND chunk")
        }
        let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        let typeBytes = bytes[(offset + 4)..<(offset + 8)]
        guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw DecodeError.corrupt(format: .png, message: "invalid chunk type at byte \(offset + 4)")
        }
        let type = String(decoding: typeBytes, as: UTF8.self)
        guard length <= 0x7FFF_FFFF else {
            throw DecodeError.corrupt(format: .png, message: "\(type) chunk length \(length) out of range")
        }
        guard !isFirst || type == "IHDR" else {
            throw DecodeError.corrupt(format: .png, message: "first chunk is \(type), not IHDR")
        }
        let end = offset + 12 + length  // length, type, data, CRC
        guard end <= bytes.count else {
            throw DecodeError.truncated(format: .png,
                                        message: "\(type) chunk claims \(length) bytes, only \(max(0, bytes.count - offset - 12)) remain")
        }
        let isCritical = typeBytes.first! < 0x61  // uppercase first letter
        if isCritical || keptAncillary.contains(type) {
            out.append(contentsOf: bytes[offset..<end])
        }
        if type == "IEND" { return out }
        offset = end
        isFirst = false
    }
}
