/// PNGs written by hand, for the encodings libpng's simplified writer (`encodePNG`) does not make:
/// 1-bit and 4-bit gray, palettes with tRNS, 16-bit gray and RGB, gray+alpha, Adam7 interlacing.
/// The image data is zlib with stored (uncompressed) deflate blocks: valid, just larger.
struct RawPNG {
    enum ColourType: UInt8 { case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6 }

    var width: Int, height: Int
    var colourType: ColourType
    var bitDepth: Int
    var interlaced = false
    /// PLTE entries (palette images).
    var palette: [(UInt8, UInt8, UInt8)] = []
    /// tRNS: alpha per palette entry, or for gray/RGB the one colour that is transparent.
    var transparency: [UInt8]? = nil
    /// Samples of pixel (x, y) in channel order, each 0…2^bitDepth − 1 (palette: the index).
    var samples: (Int, Int) -> [Int]

    var channels: Int {
        switch colourType {
        case .gray, .palette: return 1
        case .grayAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian32(width) + bigEndian32(height)
        header += [UInt8(bitDepth), colourType.rawValue, 0, 0, interlaced ? 1 : 0]
        out += chunk("IHDR", header)
        if colourType == .palette { out += chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }) }
        if let transparency { out += chunk("tRNS", transparency) }
        out += chunk("IDAT", zlibStored(scanlines()))
        out += chunk("IEND", [])
        return out
    }

    /// Filter-type-0 scanlines of the whole image, or of the seven Adam7 passes in order.
    private func scanlines() -> [UInt8] {
        let passes: [(x0: Int, y0: Int, dx: Int, dy: Int)] = interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)]
        var data: [UInt8] = []
        for pass in passes {
            let xs = Array(stride(from: pass.x0, to: width, by: pass.dx))
            guard !xs.isEmpty else { continue }
            for y in stride(from: pass.y0, to: height, by: pass.dy) {
                data.append(0)
                var bits = 0, accumulator = 0
                for x in xs {
                    for sample in samples(x, y) {
                        switch bitDepth {
                        case 16: data += [UInt8(sample >> 8), UInt8(sample & 0xFF)]
                        case 8: data.append(UInt8(sample))
                        default:
                            accumulator = accumulator << bitDepth | sample
                            bits += bitDepth
                            if bits == 8 { data.append(UInt8(accumulator)); bits = 0; accumulator = 0 }
                        }
                    }
                }
                if bits > 0 { data.append(UInt8(accumulator << (8 - bits))) }
            }
        }
        return data
    }
}

private func bigEndian32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

private func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return bigEndian32(data.count) + body + bigEndian32(Int(crc32(body)))
}

private let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}

/// A zlib stream of stored deflate blocks (at most 65,535 bytes each) and its Adler-32.
private func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
        let end = min(data.count, start + 65_535)
        let length = end - start
        out.append(end == data.count ? 1 : 0)
        out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
        out += data[start..<end]
        start = end
    } while start < data.count
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
    return out + bigEndian32(Int(b << 16 | a))
}
