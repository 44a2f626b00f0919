import BenchSupport
import DigitCore
import Foundation

/// The MNIST test digits (28×28 bytes each, ink 255) and their labels.
struct TestDigits {
    var images: [[UInt8]]
    var labels: [Int]
    var count: Int { labels.count }
}

/// A random test digit's index.
func randomDigitIndex(_ rng: inout BenchRandom, _ digits: TestDigits) -> Int {
    Int(rng.next() % UInt64(digits.count))
}

/// A page `digitHeight × (widthFactor, heightFactor)` px with one handwritten digit (ink box about
/// `digitHeight` px tall) near its centre: random paper, ink, rotation ±8°, slant, width; the ink
/// layer passes through `shapeInk` first (thickening, blur). Light paper texture and no noise yet.
func pageWithDigit(_ digit: [UInt8], digitHeight: Double, widthFactor: Double, heightFactor: Double,
                   _ rng: inout BenchRandom, ink: (colour: Colour, opacity: Double, name: String)? = nil,
                   paper: Colour? = nil, shapeInk: (InkLayer) -> InkLayer = { $0 }) -> Page {
    let width = max(8, Int((digitHeight * widthFactor).rounded())), height = max(8, Int((digitHeight * heightFactor).rounded()))
    var page = Page(width: width, height: height, paper: paper ?? randomPaper(&rng))
    let scale = digitHeight / 20
    let slack = max(0, (Double(height) - 1.1 * digitHeight) / 2), slackX = max(0, (Double(width) - 1.25 * digitHeight) / 2)
    let placement = DigitPlacement(
        centreX: Double(width) / 2 + rng.uniform(-0.6, 0.6) * slackX,
        centreY: Double(height) / 2 + rng.uniform(-0.6, 0.6) * slack,
        scale: scale, rotation: rng.uniform(-8, 8) * .pi / 180, slant: rng.uniform(-0.15, 0.15),
        aspect: rng.uniform(0.85, 1.2))
    let chosen = ink ?? randomInk(&rng)
    page.apply(shapeInk(inkLayer(of: digit, placement)), colour: chosen.colour, opacity: chosen.opacity)
    return page
}

// MARK: - Identity: MNIST test digits saved unchanged

/// The digit as it is in the idx file, dark on white (`inverted`) or white on black.
func identityImage(_ digit: [UInt8], darkOnLight: Bool) -> GrayImage {
    GrayImage(width: 28, height: 28, luma: darkOnLight ? digit.map { 255 - $0 } : digit)
}

func makeIdentity(_ digits: TestDigits, item: Int, darkOnLight: Bool) throws -> Sample {
    let n = item % digits.count
    return Sample(bytes: try encodePNG(identityImage(digits.images[n], darkOnLight: darkOnLight)),
                  fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

/// 1-bit PNG, thresholded at 64…192, either polarity, sometimes interlaced.
func makeIdentityOneBit(_ rng: inout BenchRandom, _ digits: TestDigits, item: Int) -> Sample {
    let n = item % digits.count
    let image = identityImage(digits.images[n], darkOnLight: rng.chance(0.7))
    let bytes = oneBitPNG(image, threshold: Int(rng.uniform(64, 192)), interlaced: rng.chance(0.2))
    return Sample(bytes: bytes, fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

/// 16-entry gray palette with tRNS (paper transparent, or black ink whose alpha is the picture).
func makeIdentityPalette(_ rng: inout BenchRandom, _ digits: TestDigits, item: Int) -> Sample {
    let n = item % digits.count
    let inkAsAlpha = rng.chance(0.5)
    // Dark ink only: white ink on a transparent canvas would be invisible on a white page.
    let image = identityImage(digits.images[n], darkOnLight: true)
    let bytes = palettePNG(image, inkAsAlpha: inkAsAlpha, bitDepth: rng.chance(0.5) ? 4 : 8, interlaced: rng.chance(0.2))
    return Sample(bytes: bytes, fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

/// 16-bit gray, gray+alpha or RGB, either polarity, sometimes interlaced; a fifth hold 8-bit or
/// 12-bit values in the low bits of their samples.
func makeIdentitySixteenBit(_ rng: inout BenchRandom, _ digits: TestDigits, item: Int) -> Sample {
    let n = item % digits.count
    let image = identityImage(digits.images[n], darkOnLight: rng.chance(0.6))
    let types: [RawPNG.ColourType] = [.gray, .gray, .grayAlpha, .rgb, .rgba]
    let scale = rng.chance(0.2) ? (rng.chance(0.5) ? 1 : 16) : 257
    let bytes = sixteenBitPNG(image, colourType: types[Int(rng.next() % 5)], interlaced: rng.chance(0.2), scale: scale)
    return Sample(bytes: bytes, fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

/// A drawing app's export: the strokes on a transparent canvas (RGBA or gray+alpha), alpha = ink.
func makeIdentityAlpha(_ rng: inout BenchRandom, _ digits: TestDigits, item: Int) -> Sample {
    let n = item % digits.count
    let inks: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (0, 0, 0), (20, 40, 160), (200, 30, 30)]
    let hiddens: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (255, 255, 255)]
    let bytes = transparentCanvasPNG(ink: digits.images[n], width: 28, height: 28, ink: inks[Int(rng.next() % 4)],
                                     hidden: hiddens[Int(rng.next() % 2)], gray: rng.chance(0.3))
    return Sample(bytes: bytes, fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

// MARK: - Small and low-resolution digits

/// A digit whose ink box is 8…40 px tall (log-uniform), in an image 1.2–3× that size: a crop from
/// a screenshot or a small form field. Light noise; PNG or JPEG.
func makeSmall(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    try handwrittenSample(&rng, digits, heights: 8...40, widths: 1.3...3, tallness: 1.2...3, jpegChance: 0.35,
                          quality: 75...95) { page, _, rng in
        page.blur(sigma: rng.uniform(0, 0.7))
        page.addNoise(sigma: rng.uniform(0, 0.03), &rng)
    }
}

/// The digit reduced to 8×8, 12×12 or 16×16 (area average; the whole 28×28 frame, or the ink box
/// made square like scikit-learn's 8×8 digits, sometimes quantised to 17 levels), then enlarged
/// 4–24× to 64–320 px, blocky (nearest neighbour) or smooth (bilinear). Mostly dark on light.
func makeLowResolution(_ rng: inout BenchRandom, _ digits: TestDigits, smooth: Bool) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    var source = digits.images[n].map { Double($0) / 255 }
    var side = 28
    if rng.chance(0.5) {  // crop to the ink box, made square with a small margin
        var minX = 28, maxX = -1, minY = 28, maxY = -1
        for y in 0..<28 { for x in 0..<28 where source[y * 28 + x] > 0.1 {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        } }
        let box = max(maxX - minX, maxY - minY) + 1 + Int(rng.uniform(0, 3))
        let left = (minX + maxX + 1 - box) / 2, top = (minY + maxY + 1 - box) / 2
        var crop = [Double](repeating: 0, count: box * box)
        for y in 0..<box { for x in 0..<box {
            let sx = left + x, sy = top + y
            if sx >= 0 && sy >= 0 && sx < 28 && sy < 28 { crop[y * box + x] = source[sy * 28 + sx] }
        } }
        source = crop
        side = box
    }
    let small = [8, 8, 12, 16, 16][Int(rng.next() % 5)]
    var reduced = areaResample(source, side, side, to: small, small)
    if rng.chance(0.3) { reduced = reduced.map { ($0 * 16).rounded() / 16 } }
    let factor = max(4, Int((rng.uniform(64, 320) / Double(small)).rounded()))
    let big = enlarge(reduced, small, small, factor: factor, smooth: smooth)
    let darkOnLight = rng.chance(0.75)
    let side2 = small * factor
    let luma = big.map { UInt8(min(255, max(0, ((darkOnLight ? 1 - $0 : $0) * 255).rounded()))) }
    let image = GrayImage(width: side2, height: side2, luma: luma)
    let jpeg = smooth && rng.chance(0.25)
    let bytes = jpeg ? try encodeJPEG(image, quality: Int(rng.uniform(75, 96))) : try encodePNG(image)
    return Sample(bytes: bytes, fileExtension: jpeg ? "jpg" : "png", label: digits.labels[n], mnistIndex: n)
}

/// The digit cut out to its ink box (a margin of 0–2 px on each side, sometimes widened to a
/// square) and area-averaged to 8–48 px on its longer side (log-uniform), without enlarging: a
/// digit cut from a form by another program, a thumbnail, a data set's crop. The digit fills its
/// frame, so its strokes run from edge to edge. Either polarity, paper and ink levels varied,
/// light noise sometimes; PNG or (a quarter) JPEG.
///
/// `bold`: drawn with a felt tip first (the digit enlarged 4× bilinearly and its strokes widened
/// by 2–5 px each side there, 4–10% of the frame: ink may cover more of the frame than paper), and
/// 24–96 px on its longer side: a marker digit cut to its box, where ink is no longer the minority.
func makeCropped(_ rng: inout BenchRandom, _ digits: TestDigits, bold: Bool = false) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    var source = digits.images[n].map { Double($0) / 255 }
    var side = 28
    if bold {
        let big = enlarge(source, 28, 28, factor: 4, smooth: true)
        source = widened(big, side: 112, by: 2 + Int(rng.next() % 4))
        side = 112
    }
    var minX = side, maxX = -1, minY = side, maxY = -1
    for y in 0..<side { for x in 0..<side where source[y * side + x] > (bold ? 0.5 : 0.1) {
        minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
    } }
    let unit = side / 28
    minX -= unit * Int(rng.next() % 3); maxX += unit * Int(rng.next() % 3)
    minY -= unit * Int(rng.next() % 3); maxY += unit * Int(rng.next() % 3)
    if rng.chance(0.5) {  // made square about the ink box's centre
        let side = max(maxX - minX, maxY - minY) + 1
        minX = (minX + maxX + 1 - side) / 2; maxX = minX + side - 1
        minY = (minY + maxY + 1 - side) / 2; maxY = minY + side - 1
    }
    let cropWidth = maxX - minX + 1, cropHeight = maxY - minY + 1
    var crop = [Double](repeating: 0, count: cropWidth * cropHeight)
    for y in 0..<cropHeight { for x in 0..<cropWidth {
        let sx = minX + x, sy = minY + y
        if sx >= 0 && sy >= 0 && sx < side && sy < side { crop[y * cropWidth + x] = source[sy * side + sx] }
    } }
    let long = bold ? exp(rng.uniform(log(24), log(96))) : exp(rng.uniform(log(8), log(48)))
    let scale = long / Double(max(cropWidth, cropHeight))
    let width = max(1, Int((Double(cropWidth) * scale).rounded())), height = max(1, Int((Double(cropHeight) * scale).rounded()))
    let reduced = areaResample(crop, cropWidth, cropHeight, to: width, height)
    let darkOnLight = rng.chance(0.7)
    let paper = rng.uniform(0.8, 1), inkLevel = rng.uniform(0, 0.3)
    let (background, foreground) = darkOnLight ? (paper, inkLevel) : (1 - paper, 1 - inkLevel)
    let noise = rng.chance(0.3) ? rng.uniform(0, 0.03) : 0
    let luma = reduced.map { v -> UInt8 in
        let value = background + (foreground - background) * v + noise * rng.gaussian()
        return UInt8(min(255, max(0, (value * 255).rounded())))
    }
    let image = GrayImage(width: width, height: height, luma: luma)
    let jpeg = rng.chance(0.25)
    let bytes = jpeg ? try encodeJPEG(image, quality: Int(rng.uniform(80, 96))) : try encodePNG(image)
    return Sample(bytes: bytes, fileExtension: jpeg ? "jpg" : "png", label: digits.labels[n], mnistIndex: n)
}

/// `source` (`side × side`, 0…1) with each pixel the maximum over a `(2r+1)×(2r+1)` square around
/// it: strokes widened by `r` px each side.
func widened(_ source: [Double], side: Int, by r: Int) -> [Double] {
    var rows = source, out = source
    for y in 0..<side { for x in 0..<side {
        var m = 0.0
        for dx in max(0, x - r)...min(side - 1, x + r) { m = max(m, source[y * side + dx]) }
        rows[y * side + x] = m
    } }
    for y in 0..<side { for x in 0..<side {
        var m = 0.0
        for dy in max(0, y - r)...min(side - 1, y + r) { m = max(m, rows[dy * side + x]) }
        out[y * side + x] = m
    } }
    return out
}

// MARK: - Thick, blurred and noisy digits

/// A handwritten-digit sample: a random test digit `heights` px tall (log-uniform) on a page
/// `widths`/`tallness` times that, inked by `ink` and shaped by `shapeInk`, finished by `finish`
/// (blur, noise) and saved as JPEG with probability `jpegChance`, else PNG.
func handwrittenSample(_ rng: inout BenchRandom, _ digits: TestDigits, heights: ClosedRange<Double>,
                       widths: ClosedRange<Double>, tallness: ClosedRange<Double>, jpegChance: Double,
                       quality: ClosedRange<Double> = 70...95,
                       ink: (colour: Colour, opacity: Double, name: String)? = nil,
                       shapeInk: (_ layer: InkLayer, _ height: Double) -> InkLayer = { layer, _ in layer },
                       finish: (inout Page, _ height: Double, inout BenchRandom) -> Void) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    let height = exp(rng.uniform(log(heights.lowerBound), log(heights.upperBound)))
    var page = pageWithDigit(digits.images[n], digitHeight: height, widthFactor: rng.uniform(widths.lowerBound, widths.upperBound),
                             heightFactor: rng.uniform(tallness.lowerBound, tallness.upperBound), &rng, ink: ink) {
        shapeInk($0, height)
    }
    finish(&page, height, &rng)
    let encoded = try encode(page, &rng, jpegChance: jpegChance, quality: quality)
    return Sample(bytes: encoded.bytes, fileExtension: encoded.fileExtension, label: digits.labels[n], mnistIndex: n)
}

/// Felt-tip: strokes dilated by 2.5–8% of the digit's height (a thick 0 nearly closes), digit
/// 40–250 px tall, black (60%), else any ink; sometimes slightly blurred. PNG or JPEG.
func makeThick(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    let widening = rng.uniform(0.025, 0.08)
    let ink: (colour: Colour, opacity: Double, name: String) = rng.chance(0.6)
        ? (Colour(gray: rng.uniform(0.02, 0.12)), 1, "black felt") : randomInk(&rng)
    return try handwrittenSample(&rng, digits, heights: 40...250, widths: 1.2...2.5, tallness: 1.2...2.2, jpegChance: 0.5,
                                 ink: ink, shapeInk: { layer, height in layer.dilated(radius: height * widening) }) { page, _, rng in
        page.blur(sigma: rng.chance(0.3) ? rng.uniform(0.5, 2) : 0)
        page.addNoise(sigma: rng.uniform(0, 0.025), &rng)
    }
}

/// Out of focus or motion-smeared: Gaussian blur of σ 3–10% of the digit's height (30–250 px),
/// after a lighting gradient; then sensor noise. Mostly JPEG.
func makeBlurred(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    try handwrittenSample(&rng, digits, heights: 30...250, widths: 1.3...3, tallness: 1.3...2.5, jpegChance: 0.7) { page, height, rng in
        page.light(strength: rng.uniform(0, 0.3), angle: rng.uniform(0, 2 * .pi))
        page.blur(sigma: height * rng.uniform(0.03, 0.1))
        page.addNoise(sigma: rng.uniform(0.005, 0.03), &rng)
    }
}

/// Noisy: salt-and-pepper (0.5–5% of pixels) or strong Gaussian noise (σ 0.05–0.2) over a digit
/// 40–200 px tall. Mostly PNG (JPEG would smear the specks).
func makeNoisy(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    try handwrittenSample(&rng, digits, heights: 40...200, widths: 1.3...3, tallness: 1.3...2.5, jpegChance: 0.2,
                          quality: 85...95) { page, _, rng in
        if rng.chance(0.5) {
            page.addSaltAndPepper(density: rng.uniform(0.005, 0.05), &rng)
        } else {
            page.addNoise(sigma: rng.uniform(0.05, 0.2), &rng)
        }
    }
}

/// Drawn in a web or tablet canvas with a round brush: 140–400 px square, the digit 40–70% of
/// it, strokes widened by 2–7% of the digit's height; black on white, white on black, or black on a
/// transparent background (RGBA). PNG, no noise.
func makeCanvas(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    let side = Int(rng.uniform(140, 400))
    let height = Double(side) * rng.uniform(0.4, 0.7)
    let placement = DigitPlacement(centreX: Double(side) / 2 + rng.uniform(-0.06, 0.06) * Double(side),
                                   centreY: Double(side) / 2 + rng.uniform(-0.06, 0.06) * Double(side),
                                   scale: height / 20, rotation: rng.uniform(-6, 6) * .pi / 180,
                                   slant: rng.uniform(-0.15, 0.15), aspect: rng.uniform(0.85, 1.2))
    let layer = inkLayer(of: digits.images[n], placement).dilated(radius: height * rng.uniform(0.02, 0.07))
    var coverage = [UInt8](repeating: 0, count: side * side)
    for ly in 0..<layer.height {
        for lx in 0..<layer.width {
            let x = lx + layer.originX, y = ly + layer.originY
            if x >= 0 && y >= 0 && x < side && y < side {
                coverage[y * side + x] = UInt8((min(1, layer.values[ly * layer.width + lx]) * 255).rounded())
            }
        }
    }
    let bytes: [UInt8]
    switch rng.uniform() {
    case ..<0.5: bytes = try encodePNG(GrayImage(width: side, height: side, luma: coverage.map { 255 - $0 }))
    case ..<0.75: bytes = try encodePNG(GrayImage(width: side, height: side, luma: coverage))
    default: bytes = transparentCanvasPNG(ink: coverage, width: side, height: side, ink: (0, 0, 0), hidden: (0, 0, 0), gray: false)
    }
    return Sample(bytes: bytes, fileExtension: "png", label: digits.labels[n], mnistIndex: n)
}

// MARK: - Photos

/// A phone photo as in bench/fidelity (`PhotoRecipe`: 8–25× upscale, 15–60% of the frame, ±12°,
/// lighting gradient, ruled lines on a third, blur, noise), in colour under a warm or cool cast
/// half the time; JPEG at the recipe's quality (sometimes progressive).
func makePhoto(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    let recipe = PhotoRecipe.random(&rng)
    let photo = renderPhoto(digits.images[n], recipe, &rng)
    let gray = GrayImage(width: photo.width, height: photo.height, luma: photo.luma)
    let progressive = rng.chance(0.15)
    let bytes: [UInt8]
    if rng.chance(0.5) {
        let cast = rng.chance(0.5) ? (1.0, 0.95, rng.uniform(0.75, 0.9)) : (rng.uniform(0.85, 0.95), 0.97, 1.0)
        var rgb = [UInt8](repeating: 0, count: photo.luma.count * 3)
        for (i, v) in photo.luma.enumerated() {
            rgb[3 * i] = UInt8(min(255, Double(v) * cast.0))
            rgb[3 * i + 1] = UInt8(min(255, Double(v) * cast.1))
            rgb[3 * i + 2] = UInt8(min(255, Double(v) * cast.2))
        }
        bytes = try encodeJPEG(RGBImage(width: photo.width, height: photo.height, bytes: rgb),
                               quality: recipe.jpegQuality, progressive: progressive)
    } else {
        bytes = try encodeJPEG(gray, quality: recipe.jpegQuality, progressive: progressive)
    }
    return Sample(bytes: bytes, fileExtension: "jpg", label: digits.labels[n], mnistIndex: n)
}

/// A phone photo stored sideways, upside down or mirrored, with the EXIF Orientation tag (mostly
/// 6 and 8, as phones held upright write; some 3 and the mirrored 2, 4, 5, 7) that turns it upright.
func makeExifPhoto(_ rng: inout BenchRandom, _ digits: TestDigits) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    let recipe = PhotoRecipe.random(&rng, maxHeight: 800)
    let photo = renderPhoto(digits.images[n], recipe, &rng)
    let orientation = [6, 6, 6, 8, 8, 3, 3, 2, 4, 5, 7][Int(rng.next() % 11)]
    let stored = storedForExifOrientation(photo.luma, width: photo.width, height: photo.height, channels: 1,
                                          orientation: orientation)
    let jpeg = try encodeJPEG(GrayImage(width: stored.width, height: stored.height, luma: stored.bytes),
                              quality: recipe.jpegQuality)
    return Sample(bytes: withExifOrientation(jpeg, orientation: orientation), fileExtension: "jpg",
                  label: digits.labels[n], mnistIndex: n)
}
