import BenchSupport
import DigitCore
import Foundation

/// One generated input: its file's bytes and extension, the true digit (`nil` for a blank page)
/// and, for MNIST-based inputs, the test digit it was made from.
struct Sample {
    var bytes: [UInt8]
    var fileExtension: String
    var label: Int?
    var mnistIndex: Int?
}

/// Writes `page` the way such a picture usually reaches a user: PNG or JPEG, gray or colour.
/// `jpegChance`: probability of JPEG; `quality`: JPEG quality range; `colourChance`: of RGB.
func encode(_ page: Page, _ rng: inout BenchRandom, jpegChance: Double, quality: ClosedRange<Double> = 70...95,
            colourChance: Double = 0.5) throws -> (bytes: [UInt8], fileExtension: String) {
    let colour = rng.chance(colourChance)
    if rng.chance(jpegChance) {
        let q = Int(rng.uniform(quality.lowerBound, quality.upperBound + 1))
        let progressive = rng.chance(0.15)
        let bytes = colour ? try encodeJPEG(page.rgb, quality: q, progressive: progressive)
                           : try encodeJPEG(page.gray, quality: q, progressive: progressive)
        return (bytes, "jpg")
    }
    return (colour ? try encodePNG(page.rgb) : try encodePNG(page.gray), "png")
}

/// A gray image as a 1-bit PNG, pixels darker than `threshold` (0…255) black (a fax or
/// black-and-white scan).
func oneBitPNG(_ image: GrayImage, threshold: Int = 128, interlaced: Bool = false) -> [UInt8] {
    RawPNG(width: image.width, height: image.height, colourType: .gray, bitDepth: 1, interlaced: interlaced) { x, y in
        [Int(image.luma[y * image.width + x]) < threshold ? 0 : 1]
    }.encoded()
}

/// A gray image quantised to a 16-entry gray palette (4-bit or 8-bit indices), with a tRNS
/// chunk: either the paper's entry is transparent, or (`inkAsAlpha`) every entry is black and the
/// alpha carries the picture (how drawing apps export strokes on a transparent canvas).
func palettePNG(_ image: GrayImage, inkAsAlpha: Bool, bitDepth: Int, interlaced: Bool = false) -> [UInt8] {
    let levels = (0..<16).map { UInt8($0 * 17) }
    var png = RawPNG(width: image.width, height: image.height, colourType: .palette, bitDepth: bitDepth,
                     interlaced: interlaced) { x, y in
        [(Int(image.luma[y * image.width + x]) + 8) / 17]
    }
    if inkAsAlpha {
        png.palette = levels.map { _ in (0, 0, 0) }
        png.transparency = levels.map { 255 - $0 }           // paper (15) fully transparent, ink opaque
    } else {
        png.palette = levels.map { ($0, $0, $0) }
        var counts = [Int](repeating: 0, count: 16)
        for v in image.luma { counts[(Int(v) + 8) / 17] += 1 }
        let paperIndex = counts.indices.max { counts[$0] < counts[$1] }!  // the most common entry
        png.transparency = (0..<16).map { $0 == paperIndex ? 0 : 255 }
    }
    return png.encoded()
}

/// A gray image as a 16-bit PNG: gray, gray+alpha (opaque) or RGB, samples v·`scale` (257: the
/// whole range; 16: 12-bit data, 1: 8-bit data in 16-bit samples, as NumPy's `astype(uint16)`
/// saves it, without an sBIT chunk).
func sixteenBitPNG(_ image: GrayImage, colourType: RawPNG.ColourType, interlaced: Bool = false, scale: Int = 257) -> [UInt8] {
    RawPNG(width: image.width, height: image.height, colourType: colourType, bitDepth: 16, interlaced: interlaced) { x, y in
        let v = Int(image.luma[y * image.width + x]) * scale
        switch colourType {
        case .grayAlpha: return [v, 65_535]
        case .rgb: return [v, v, v]
        case .rgba: return [v, v, v, 65_535]
        default: return [v]
        }
    }.encoded()
}

/// Ink drawn on a transparent canvas, exported as RGBA (or gray+alpha): colour `ink` everywhere
/// (or the paper's colour `hidden` under fully transparent pixels), alpha = ink coverage.
func transparentCanvasPNG(ink coverage: [UInt8], width: Int, height: Int, ink: (UInt8, UInt8, UInt8),
                          hidden: (UInt8, UInt8, UInt8), gray: Bool) -> [UInt8] {
    RawPNG(width: width, height: height, colourType: gray ? .grayAlpha : .rgba, bitDepth: 8) { x, y in
        let a = Int(coverage[y * width + x])
        let c = a == 0 ? hidden : ink
        return gray ? [Int(c.0), a] : [Int(c.0), Int(c.1), Int(c.2), a]
    }.encoded()
}

/// Area-average resampling of a `sw × sh` image (0…1) to `dw × dh`.
func areaResample(_ source: [Double], _ sw: Int, _ sh: Int, to dw: Int, _ dh: Int) -> [Double] {
    var out = [Double](repeating: 0, count: dw * dh)
    let fx = Double(sw) / Double(dw), fy = Double(sh) / Double(dh)
    for y in 0..<dh {
        let y0 = Double(y) * fy, y1 = y0 + fy
        for x in 0..<dw {
            let x0 = Double(x) * fx, x1 = x0 + fx
            var sum = 0.0, area = 0.0
            for sy in Int(y0)..<min(sh, Int(y1.rounded(.up))) {
                let wy = min(y1, Double(sy + 1)) - max(y0, Double(sy))
                for sx in Int(x0)..<min(sw, Int(x1.rounded(.up))) {
                    let w = wy * (min(x1, Double(sx + 1)) - max(x0, Double(sx)))
                    sum += w * source[sy * sw + sx]
                    area += w
                }
            }
            out[y * dw + x] = area > 0 ? sum / area : 0
        }
    }
    return out
}

/// Enlarges a `sw × sh` image (0…1) by whole `factor`: nearest neighbour (blocky) or bilinear (smooth,
/// as most viewers and `convert -resize` do).
func enlarge(_ source: [Double], _ sw: Int, _ sh: Int, factor: Int, smooth: Bool) -> [Double] {
    let dw = sw * factor, dh = sh * factor
    var out = [Double](repeating: 0, count: dw * dh)
    for y in 0..<dh {
        for x in 0..<dw {
            if !smooth {
                out[y * dw + x] = source[(y / factor) * sw + x / factor]
                continue
            }
            let sx = min(Double(sw - 1), max(0, (Double(x) + 0.5) / Double(factor) - 0.5))
            let sy = min(Double(sh - 1), max(0, (Double(y) + 0.5) / Double(factor) - 0.5))
            let x0 = Int(sx), y0 = Int(sy), x1 = min(sw - 1, x0 + 1), y1 = min(sh - 1, y0 + 1)
            let ax = sx - Double(x0), ay = sy - Double(y0)
            out[y * dw + x] = (source[y0 * sw + x0] * (1 - ax) + source[y0 * sw + x1] * ax) * (1 - ay)
                + (source[y1 * sw + x0] * (1 - ax) + source[y1 * sw + x1] * ax) * ay
        }
    }
    return out
}

/// The pixels a camera stores for an upright picture `display` (`width × height`, `channels`
/// bytes per pixel) when it tags the file with EXIF `orientation` 1…8 instead of turning the
/// pixels: the stored image is the one that orientation's transform turns back into `display`.
func storedForExifOrientation(_ display: [UInt8], width: Int, height: Int, channels: Int,
                              orientation: Int) -> (bytes: [UInt8], width: Int, height: Int) {
    let swaps = orientation >= 5
    let sw = swaps ? height : width, sh = swaps ? width : height
    var stored = [UInt8](repeating: 0, count: display.count)
    for sy in 0..<sh {
        for sx in 0..<sw {
            let d: (Int, Int)
            switch orientation {
            case 2: d = (width - 1 - sx, sy)               // mirrored left-right
            case 3: d = (width - 1 - sx, height - 1 - sy)  // turned 180°
            case 4: d = (sx, height - 1 - sy)              // mirrored top-bottom
            case 5: d = (sy, sx)                           // transposed
            case 6: d = (width - 1 - sy, sx)               // shown turned 90° clockwise
            case 7: d = (width - 1 - sy, height - 1 - sx)  // transversed
            case 8: d = (sy, height - 1 - sx)              // shown turned 90° anticlockwise
            default: d = (sx, sy)
            }
            for c in 0..<channels { stored[(sy * sw + sx) * channels + c] = display[(d.1 * width + d.0) * channels + c] }
        }
    }
    return (stored, sw, sh)
}

/// `jpeg` with an Exif APP1 segment holding only the Orientation tag, right after SOI.
func withExifOrientation(_ jpeg: [UInt8], orientation: Int) -> [UInt8] {
    var tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]         // little-endian, IFD0 at 8
    tiff += [1, 0]                                                    // one entry
    tiff += [0x12, 0x01, 3, 0, 1, 0, 0, 0, UInt8(orientation), 0, 0, 0]  // Orientation, SHORT, 1
    tiff += [0, 0, 0, 0]                                              // no next IFD
    let payload = Array("Exif".utf8) + [0, 0] + tiff
    let length = payload.count + 2
    return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + jpeg.dropFirst(2)
}
