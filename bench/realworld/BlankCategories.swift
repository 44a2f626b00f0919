import BenchSupport
import DigitCore
import Foundation

/// A page size as such pictures come: a 28×28 canvas, a small crop, a scan crop or a phone photo.
func randomPageSize(_ rng: inout BenchRandom) -> (width: Int, height: Int) {
    switch rng.uniform() {
    case ..<0.15: return (28, 28)
    case ..<0.45: let w = Int(rng.uniform(40, 300)); return (w, Int(Double(w) * rng.uniform(0.6, 1.6)))
    case ..<0.94: let w = Int(rng.uniform(300, 900)); return (w, Int(Double(w) * rng.uniform(0.6, 1.5)))
    default: return rng.chance(0.5) ? (1600, 1200) : (1200, 1600)
    }
}

/// Paper fibre and uneven lighting: low-frequency brightness variation of `amplitude` (0…1).
func addPaperTexture(_ page: inout Page, amplitude: Double, _ rng: inout BenchRandom) {
    guard amplitude > 0 else { return }
    var field = (0..<(page.width * page.height)).map { _ in rng.gaussian() }
    field = gaussianBlur(field, width: page.width, height: page.height, sigma: rng.uniform(2, 12))
    let spread = max(1e-6, (field.map { $0 * $0 }.reduce(0, +) / Double(field.count)).squareRoot())
    for i in field.indices {
        let k = 1 + amplitude * field[i] / spread
        page.r[i] *= k; page.g[i] *= k; page.b[i] *= k
    }
}

/// Plain paper: any tint, lighting gradient up to 50%, texture, blur, noise; PNG or JPEG; any size.
func makeBlankPlain(_ rng: inout BenchRandom) throws -> Sample {
    let size = randomPageSize(&rng)
    var page = Page(width: size.width, height: size.height, paper: randomPaper(&rng))
    page.light(strength: rng.uniform(0, 0.5), angle: rng.uniform(0, 2 * .pi))
    if rng.chance(0.5) { addPaperTexture(&page, amplitude: rng.uniform(0.01, 0.05), &rng) }
    page.blur(sigma: rng.uniform(0, 1.5))
    page.addNoise(sigma: rng.uniform(0.003, 0.04), &rng)
    // Photo-sized pages are photos: JPEG.
    let encoded = try encode(page, &rng, jpegChance: size.width * size.height > 500_000 ? 1 : 0.5)
    return Sample(bytes: encoded.bytes, fileExtension: encoded.fileExtension, label: nil, mnistIndex: nil)
}

/// Pure noise: uniform random bytes, Gaussian noise about any gray, salt-and-pepper (1–30%) over
/// white, gray or black, or blurred noise ("clouds"); 28–600 px; PNG, sometimes JPEG.
func makeBlankNoise(_ rng: inout BenchRandom) throws -> Sample {
    let w = rng.chance(0.25) ? 28 : Int(rng.uniform(28, 600))
    let h = rng.chance(0.5) ? w : Int(rng.uniform(28, 600))
    let kind = rng.next() % 4
    var page: Page
    switch kind {
    case 0:  // random bytes, gray or in colour
        page = Page(width: w, height: h, paper: Colour(gray: 0))
        let colour = rng.chance(0.5)
        for i in 0..<(w * h) {
            let v = rng.uniform()
            page.r[i] = v; page.g[i] = colour ? rng.uniform() : v; page.b[i] = v
        }
    case 1:
        page = Page(width: w, height: h, paper: Colour(gray: rng.uniform(0.2, 0.8)))
        page.addNoise(sigma: rng.uniform(0.08, 0.3), &rng)
    case 2:
        page = Page(width: w, height: h, paper: Colour(gray: [1.0, 0.9, 0.5, 0.0][Int(rng.next() % 4)]))
        page.addSaltAndPepper(density: rng.uniform(0.01, 0.3), &rng)
    default:
        page = Page(width: w, height: h, paper: Colour(gray: rng.uniform(0.3, 0.8)))
        addPaperTexture(&page, amplitude: rng.uniform(0.1, 0.3), &rng)
    }
    let encoded = try encode(page, &rng, jpegChance: kind == 3 ? 0.5 : 0.15, colourChance: 0.3)
    return Sample(bytes: encoded.bytes, fileExtension: encoded.fileExtension, label: nil, mnistIndex: nil)
}

/// One value everywhere: black, white or any gray or colour; 1×1 to 1600×1200; 8-bit gray or RGB
/// PNG, JPEG, 1-bit, palette, 16-bit, or fully transparent.
func makeBlankUniform(_ rng: inout BenchRandom) throws -> Sample {
    let sizes: [(Int, Int)] = [(1, 1), (28, 28), (28, 28), (8, 8), (100, 100), (640, 480), (1600, 1200)]
    var size = sizes[Int(rng.next() % UInt64(sizes.count))]
    if rng.chance(0.3) { size = (Int(rng.uniform(2, 500)), Int(rng.uniform(2, 500))) }
    let value: Double = [0, 1, 1, rng.uniform(0, 1), rng.uniform(0.8, 1)][Int(rng.next() % 5)]
    let colour = rng.chance(0.2) ? Colour(rng.uniform(), rng.uniform(), rng.uniform()) : Colour(gray: value)
    let page = Page(width: size.0, height: size.1, paper: colour)
    let gray = page.gray
    let bytes: [UInt8]
    switch rng.next() % 8 {
    case 0: bytes = oneBitPNG(gray)
    case 1: bytes = palettePNG(gray, inkAsAlpha: false, bitDepth: 4)
    case 2: bytes = sixteenBitPNG(gray, colourType: .gray)
    case 3: bytes = transparentCanvasPNG(ink: [UInt8](repeating: 0, count: size.0 * size.1), width: size.0, height: size.1,
                                         ink: (0, 0, 0), hidden: rng.chance(0.5) ? (0, 0, 0) : (255, 255, 255), gray: false)
    case 4, 5: return Sample(bytes: try encodeJPEG(page.rgb, quality: Int(rng.uniform(60, 96))), fileExtension: "jpg",
                             label: nil, mnistIndex: nil)
    case 6: bytes = try encodePNG(page.rgb)
    default: bytes = try encodePNG(gray)
    }
    return Sample(bytes: bytes, fileExtension: "png", label: nil, mnistIndex: nil)
}

/// Lined (`grid` false) or squared/dotted paper, as a scan crop or a larger part of a page (75–220
/// dpi, 3–12 spacings tall), sometimes photographed (lighting, JPEG).
func makeBlankRuled(_ rng: inout BenchRandom, grid: Bool) throws -> Sample {
    let dpi = rng.uniform(75, 220)
    let layout = ruledLayout(&rng, dpi: dpi, grid: grid, dots: grid && rng.chance(0.35), spacings: 3...12)
    var page = printedPage(layout, &rng)
    return try blankFile(&page, &rng)
}

/// A blank form: an empty box, a row of boxes or comb field, or an answer line, at 150–300 dpi.
func makeBlankForm(_ rng: inout BenchRandom) throws -> Sample {
    let dpi = rng.uniform(150, 300)
    let h = mm(rng.uniform(5, 12), dpi)
    let layout: ScanLayout
    switch rng.next() % 3 {
    case 0: layout = boxLayout(&rng, digitHeight: h)
    case 1: layout = combLayout(&rng, digitHeight: h)
    default: layout = underlineLayout(&rng, digitHeight: h)
    }
    var page = printedPage(layout, &rng)
    return try blankFile(&page, &rng)
}

/// An empty form box cropped to the box itself (`fieldCropLayout`), scanned or photographed.
func makeBlankFieldCrop(_ rng: inout BenchRandom) throws -> Sample {
    let h = mm(rng.uniform(5, 12), rng.uniform(60, 150))
    var page = printedPage(fieldCropLayout(&rng, digitHeight: h), &rng)
    return try blankFile(&page, &rng, paperFromMedian: true)
}

/// A white scan with the scanner's marks: edge strips, punched holes, dust and hairs.
func makeBlankScan(_ rng: inout BenchRandom) throws -> Sample {
    let dpi = rng.uniform(150, 300)
    let side = mm(rng.uniform(15, 80), dpi)
    var page = Page(width: Int(side * rng.uniform(0.7, 1.4)), height: Int(side), paper: Colour(gray: rng.uniform(0.88, 1)))
    let marks = Int(rng.next() % 3)  // 0: edges, 1: dust, 2: both
    if marks != 1 { addScannerEdges(&page, dpi: dpi, &rng, strips: rng.chance(0.7), holes: rng.chance(0.6)) }
    if marks != 0 {
        addDust(&page, near: Double(page.width) * rng.uniform(0.3, 0.7), Double(page.height) * rng.uniform(0.3, 0.7),
                spread: side * 0.3, &rng)
    }
    return try blankFile(&page, &rng)
}

/// Finishes a blank page as a scan (70%) or a photo of it (lighting gradient, noise, JPEG).
func blankFile(_ page: inout Page, _ rng: inout BenchRandom, paperFromMedian: Bool = false) throws -> Sample {
    let file: (bytes: [UInt8], fileExtension: String)
    if rng.chance(0.7) {
        file = try scanFile(&page, &rng, paperFromMedian: paperFromMedian)
    } else {
        page.light(strength: rng.uniform(0.05, 0.45), angle: rng.uniform(0, 2 * .pi), brightness: rng.uniform(0.75, 1))
        page.blur(sigma: rng.uniform(0.5, 1.5))
        page.addNoise(sigma: rng.uniform(0.005, 0.03), &rng)
        file = try encode(page, &rng, jpegChance: 0.85)
    }
    return Sample(bytes: file.bytes, fileExtension: file.fileExtension, label: nil, mnistIndex: nil)
}
