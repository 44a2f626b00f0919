import Foundation

/// sRGB-encoded 8-bit value (0…255) of a 16-bit linear-light value (0…65535), rounded.
/// Encoded as libpng's simplified API encodes sRGB (a pure 1/2.2 power, its
/// PNG_GAMMA_sRGB), so a 16-bit file round-trips to the values an 8-bit one gives.
/// Table-driven: 64 KiB, built once.
func sRGBByte(fromLinear value: UInt16) -> UInt8 {
    linearToSRGBTable[Int(value)]
}

private let linearToSRGBTable: [UInt8] = (0...65_535).map { step in
    let linear = Double(step) / 65_535
    let encoded = pow(linear, 1 / 2.2)
    return UInt8((encoded * 255).rounded())
}

/// libpng's 16-bit linear output (`channels` per pixel, alpha last if `alpha`, colour
/// premultiplied by alpha as the simplified API delivers it) as 8-bit sRGB, straight alpha.
func sRGBBytes(fromLinear samples: [UInt16], channels: Int, alpha: Bool) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: samples.count)
    let colourChannels = alpha ? channels - 1 : channels
    samples.withUnsafeBufferPointer { p in
        for base in stride(from: 0, to: samples.count, by: channels) {
            let a = alpha ? UInt32(p[base + channels - 1]) : 65_535
            for c in 0..<colourChannels {
                // Undo the premultiplication; a fully transparent pixel has no colour.
                let straight = a == 0 ? 0 : min(65_535, (UInt32(p[base + c]) * 65_535 + a / 2) / a)
                out[base + c] = sRGBByte(fromLinear: UInt16(straight))
            }
            if alpha { out[base + channels - 1] = UInt8((a * 255 + 32_767) / 65_535) }
        }
    }
    return out
}
