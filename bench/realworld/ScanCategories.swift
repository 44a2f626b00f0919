import BenchSupport
import DigitCore
import Foundation

/// Millimetres to pixels at `dpi`.
func mm(_ millimetres: Double, _ dpi: Double) -> Double { millimetres / 25.4 * dpi }

/// What a scan layout printed and where the handwritten digit goes.
struct ScanLayout {
    var width: Int, height: Int
    /// Printed marks (boxes, lines), drawn in `printColour`.
    var print: InkLayer
    var printColour: Colour
    /// The digit slot: centre and ink-box height in px, extra rotation (the sheet's skew).
    var digitX: Double, digitY: Double, digitHeight: Double, skew: Double
}

/// A printed line colour: black, dark or mid gray, or (forms) a light blue/red drop-out colour.
func printColour(_ rng: inout BenchRandom, allowDropOut: Bool = true) -> Colour {
    switch rng.uniform() {
    case ..<0.4: return Colour(gray: rng.uniform(0, 0.15))
    case ..<0.8: return Colour(gray: rng.uniform(0.3, 0.65))
    default: return allowDropOut ? (rng.chance(0.5) ? Colour(0.55, 0.7, 0.9) : Colour(0.95, 0.55, 0.5))
                                 : Colour(gray: rng.uniform(0.2, 0.5))
    }
}

/// One form box (line width 1–4 px, skewed ±5°), the digit inside, sometimes large or off-centre
/// enough to touch the box; the crop keeps 2–100% of the box's size around it.
func boxLayout(_ rng: inout BenchRandom, digitHeight h: Double) -> ScanLayout {
    singleBoxLayout(&rng, digitHeight: h, BoxShape(heightRatio: 1.2...1.8, widthRatio: 0.75...1.3,
                                                   margin: { $0.chance(0.3) ? $0.uniform(0.02, 0.1) : $0.uniform(0.1, 1) },
                                                   skewDegrees: 5, thickness: 1...4, offset: 0.08, touchChance: 0.25,
                                                   touchHeight: 0.95...1.1, push: 1...1.3, allowDropOut: true))
}

/// A form box cropped to the box itself (a field cut out of a form by hand or by a form reader):
/// the frame 0–8% of the box's height beyond each side, so the box's sides and their fringe cover
/// a large part of the frame; line 1–5 px, gray or black, skewed ±3°; sometimes (15%) the digit
/// as tall as the box or pushed against a side.
func fieldCropLayout(_ rng: inout BenchRandom, digitHeight h: Double) -> ScanLayout {
    singleBoxLayout(&rng, digitHeight: h, BoxShape(heightRatio: 1.15...1.6, widthRatio: 0.75...1.2,
                                                   margin: { $0.uniform(0, 0.08) }, skewDegrees: 3, thickness: 1...5,
                                                   offset: 0.06, touchChance: 0.15, touchHeight: 0.95...1.05, push: 1...1.2,
                                                   allowDropOut: false))
}

/// How `singleBoxLayout` draws its box: its height over the digit's and width over its height,
/// the crop's margin beyond each side (a fraction of the box's height), skew (±degrees), line
/// width (px), the digit's random offset (fraction of the box), and how often and how far a digit
/// touches the box (as tall as it, or pushed against a side).
struct BoxShape {
    var heightRatio: ClosedRange<Double>, widthRatio: ClosedRange<Double>
    var margin: (inout BenchRandom) -> Double
    var skewDegrees: Double, thickness: ClosedRange<Double>, offset: Double
    var touchChance: Double, touchHeight: ClosedRange<Double>, push: ClosedRange<Double>
    var allowDropOut: Bool
}

/// One printed box with the digit's slot inside it, drawn as `shape` says.
func singleBoxLayout(_ rng: inout BenchRandom, digitHeight h: Double, _ shape: BoxShape) -> ScanLayout {
    let boxH = h * rng.uniform(shape.heightRatio.lowerBound, shape.heightRatio.upperBound)
    let boxW = boxH * rng.uniform(shape.widthRatio.lowerBound, shape.widthRatio.upperBound)
    let margins = (0..<4).map { _ in boxH * shape.margin(&rng) }
    let width = Int(boxW + margins[0] + margins[1]), height = Int(boxH + margins[2] + margins[3])
    let cx = margins[0] + boxW / 2, cy = margins[2] + boxH / 2
    let skew = rng.uniform(-shape.skewDegrees, shape.skewDegrees) * .pi / 180
    var print = InkLayer(originX: 0, originY: 0, width: width, height: height)
    print.rectangle(cx: cx, cy: cy, w: boxW, h: boxH, angle: skew,
                    thickness: rng.uniform(shape.thickness.lowerBound, shape.thickness.upperBound))
    var digitHeight = h
    var dx = rng.uniform(-shape.offset, shape.offset) * boxW, dy = rng.uniform(-shape.offset, shape.offset) * boxH
    if rng.chance(shape.touchChance) {  // touching: as tall as the box, or pushed against a side
        if rng.chance(0.5) {
            digitHeight = boxH * rng.uniform(shape.touchHeight.lowerBound, shape.touchHeight.upperBound)
        } else {
            dy = (rng.chance(0.5) ? 1 : -1) * (boxH - h) / 2 * rng.uniform(shape.push.lowerBound, shape.push.upperBound)
        }
    }
    let slot = rotate((dx, dy), by: skew, about: (cx, cy))
    return ScanLayout(width: width, height: height, print: print, printColour: printColour(&rng, allowDropOut: shape.allowDropOut),
                      digitX: slot.0, digitY: slot.1, digitHeight: digitHeight, skew: skew)
}

/// A row of 3–10 boxes sharing walls, or a comb field (baseline and ticks 30–60% as tall), the
/// digit in one of them; the crop is the whole row, or 1.5–3 boxes around the digit's.
func combLayout(_ rng: inout BenchRandom, digitHeight h: Double) -> ScanLayout {
    let boxH = h * rng.uniform(1.2, 1.6), boxW = boxH * rng.uniform(0.7, 1.1)
    let count = Int(rng.uniform(3, 11)), chosen = Int(rng.next() % UInt64(count))
    let comb = rng.chance(0.4)
    let thickness = rng.uniform(1, 3.5), skew = rng.uniform(-4, 4) * .pi / 180
    let margin = boxH * rng.uniform(0.1, 0.6)
    let rowWidth = boxW * Double(count)
    var left = -margin, right = rowWidth + margin
    if rng.chance(0.4) {  // a window around the chosen box
        let span = boxW * rng.uniform(1.5, 3)
        let centre = (Double(chosen) + 0.5) * boxW + rng.uniform(-0.3, 0.3) * boxW
        left = centre - span / 2; right = centre + span / 2
    }
    let width = Int(right - left), height = Int(boxH + 2 * margin)
    let origin = (-left, margin)  // page position of the row's top-left corner, before the skew
    let pivot = (Double(width) / 2, Double(height) / 2)
    func place(_ x: Double, _ y: Double) -> (Double, Double) {
        rotate((x + origin.0 - pivot.0, y + origin.1 - pivot.1), by: skew, about: pivot)
    }
    var print = InkLayer(originX: 0, originY: 0, width: width, height: height)
    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        let a = place(x0, y0), b = place(x1, y1)
        print.stroke(a.0, a.1, b.0, b.1, thickness: thickness)
    }
    line(0, boxH, rowWidth, boxH)
    let tick = comb ? boxH * rng.uniform(0.3, 0.6) : boxH
    if !comb { line(0, 0, rowWidth, 0) }
    for k in 0...count { line(Double(k) * boxW, boxH - tick, Double(k) * boxW, boxH) }
    let slot = place((Double(chosen) + 0.5) * boxW + rng.uniform(-0.08, 0.08) * boxW, boxH / 2 + rng.uniform(-0.08, 0.08) * boxH)
    return ScanLayout(width: width, height: height, print: print, printColour: printColour(&rng),
                      digitX: slot.0, digitY: slot.1, digitHeight: h, skew: skew)
}

/// An answer line 2–6 digit-heights long (solid or dotted) under the digit, which sits on it,
/// just above it, or crosses it.
func underlineLayout(_ rng: inout BenchRandom, digitHeight h: Double) -> ScanLayout {
    let length = h * rng.uniform(2, 6)
    let width = Int(length + h * rng.uniform(0.2, 1.5)), height = Int(h * rng.uniform(1.6, 3))
    let skew = rng.uniform(-4, 4) * .pi / 180
    let lineY = Double(height) * rng.uniform(0.6, 0.8)
    let x0 = (Double(width) - length) / 2
    var print = InkLayer(originX: 0, originY: 0, width: width, height: height)
    let thickness = rng.uniform(1, 3.5), centre = (Double(width) / 2, lineY)
    let dotted = rng.chance(0.15)
    var x = x0
    while x < x0 + length {
        let step = dotted ? thickness * 3 : length
        let a = rotate((x - centre.0, 0), by: skew, about: centre), b = rotate((min(x0 + length, x + (dotted ? thickness : step)) - centre.0, 0), by: skew, about: centre)
        print.stroke(a.0, a.1, b.0, b.1, thickness: thickness)
        x += step
    }
    // The ink box's bottom: a little above the line, on it, or below it (crossing).
    let bottom = lineY + h * rng.uniform(-0.15, 0.12)
    let dx = rng.uniform(-0.3, 0.3) * length
    let slot = rotate((dx, bottom - h / 2 - lineY), by: skew, about: centre)
    return ScanLayout(width: width, height: height, print: print, printColour: printColour(&rng),
                      digitX: slot.0, digitY: slot.1, digitHeight: h, skew: skew)
}

/// Lined paper (7–9 mm, light blue or gray, sometimes a margin line) or squared paper (4–6 mm;
/// `dots`: only the crossings, as on dotted paper), a crop 3–6 spacings tall (`spacings` more for
/// a page), skewed ±3°; the digit 0.6–1.3 spacings tall, standing on a line.
func ruledLayout(_ rng: inout BenchRandom, dpi: Double, grid: Bool, dots: Bool = false,
                 spacings: ClosedRange<Double> = 3...6) -> ScanLayout {
    let spacing = mm(grid ? rng.uniform(4, 6) : rng.uniform(7, 9), dpi)
    let rows = rng.uniform(spacings.lowerBound, spacings.upperBound)
    let width = Int(spacing * rows * rng.uniform(0.8, 1.4)), height = Int(spacing * rows)
    let skew = rng.uniform(-3, 3) * .pi / 180
    let colour = rng.chance(0.6) ? Colour(rng.uniform(0.45, 0.7), rng.uniform(0.6, 0.8), rng.uniform(0.85, 0.95))
                                 : Colour(gray: rng.uniform(0.4, 0.75))
    let thickness = rng.uniform(1, 2.5)
    var print = InkLayer(originX: 0, originY: 0, width: width, height: height)
    let centre = (Double(width) / 2, Double(height) / 2), reach = Double(width + height)
    let phase = rng.uniform(0, spacing), phaseX = rng.uniform(0, spacing)
    var k = -reach
    while k < reach {
        if dots {
            var j = -reach
            while j < reach {
                let p = rotate((j + phaseX, k + phase), by: skew, about: centre)
                if p.0 > -3 && p.1 > -3 && p.0 < Double(width) + 3 && p.1 < Double(height) + 3 { print.disc(p.0, p.1, radius: thickness * 0.7) }
                j += spacing
            }
            k += spacing
            continue
        }
        let a = rotate((-reach, k + phase), by: skew, about: centre), b = rotate((reach, k + phase), by: skew, about: centre)
        print.stroke(a.0, a.1, b.0, b.1, thickness: thickness)
        if grid {
            let c = rotate((k + phaseX, -reach), by: skew, about: centre), d = rotate((k + phaseX, reach), by: skew, about: centre)
            print.stroke(c.0, c.1, d.0, d.1, thickness: thickness * 0.8)
        }
        k += spacing
    }
    var page = print
    if !grid && rng.chance(0.3) {  // a vertical margin line
        let x = Double(width) * rng.uniform(0.05, 0.3)
        page.stroke(x, 0, x, Double(height), thickness: thickness * 1.5)
    }
    let h = spacing * rng.uniform(0.6, 1.3)
    // Stand on the line nearest below the centre.
    let lineBelow = (((centre.1 - phase + reach) / spacing).rounded(.up)) * spacing + phase - reach
    return ScanLayout(width: width, height: height, print: page, printColour: colour,
                      digitX: centre.0 + rng.uniform(-0.2, 0.2) * Double(width), digitY: lineBelow - h / 2 - rng.uniform(0, 0.1) * h,
                      digitHeight: h, skew: skew)
}

/// Plain paper around the digit (it fills `fraction` of the crop's height).
func plainLayout(_ rng: inout BenchRandom, digitHeight h: Double, fraction: ClosedRange<Double> = 0.25...0.55) -> ScanLayout {
    let height = Int(h / rng.uniform(fraction.lowerBound, fraction.upperBound))
    let width = Int(Double(height) * rng.uniform(0.8, 1.4))
    return ScanLayout(width: width, height: height, print: InkLayer(originX: 0, originY: 0, width: 1, height: 1),
                      printColour: Colour(gray: 0), digitX: Double(width) / 2 + rng.uniform(-0.1, 0.1) * Double(width),
                      digitY: Double(height) / 2 + rng.uniform(-0.1, 0.1) * Double(height), digitHeight: h,
                      skew: rng.uniform(-3, 3) * .pi / 180)
}

/// Dust on the glass: 2–12 specks (radius 0.4–2.5 px) and 0–3 short hairs (8–40 px) within about
/// a digit-height of (cx, cy), so some touch the digit.
func addDust(_ page: inout Page, near cx: Double, _ cy: Double, spread: Double, _ rng: inout BenchRandom) {
    var dust = InkLayer(covering: page)
    for _ in 0..<Int(rng.uniform(2, 13)) {
        dust.disc(cx + rng.uniform(-1, 1) * spread, cy + rng.uniform(-1, 1) * spread, radius: rng.uniform(0.4, 2.5),
                  strength: rng.uniform(0.5, 1))
    }
    for _ in 0..<Int(rng.uniform(0, 4)) {
        var x = cx + rng.uniform(-1, 1) * spread, y = cy + rng.uniform(-1, 1) * spread
        var angle = rng.uniform(0, 2 * .pi)
        let segments = Int(rng.uniform(3, 7)), step = rng.uniform(8, 40) / Double(segments)
        let thickness = rng.uniform(0.7, 1.5)
        for _ in 0..<segments {
            let nx = x + step * cos(angle), ny = y + step * sin(angle)
            dust.stroke(x, y, nx, ny, thickness: thickness, strength: 0.9)
            x = nx; y = ny
            angle += rng.uniform(-0.6, 0.6)
        }
    }
    page.apply(dust, colour: Colour(gray: rng.uniform(0.05, 0.3)))
}

/// The scanner's edges: a dark band (3–40 px, soft inner edge) along one or two sides, and/or
/// 1–2 punched holes (radius 2.5–3 mm) near one side, showing the dark lid or a gray backing.
func addScannerEdges(_ page: inout Page, dpi: Double, _ rng: inout BenchRandom, strips: Bool, holes: Bool) {
    let w = Double(page.width), h = Double(page.height)
    if strips {
        var band = InkLayer(covering: page)
        let sides = rng.chance(0.3) ? 2 : 1
        for s in 0..<sides {
            let side = (Int(rng.next() % 4) + s) % 4
            let thickness = min(rng.uniform(3, 40), 0.15 * min(w, h)), soft = rng.uniform(1, 6)
            for y in 0..<page.height {
                for x in 0..<page.width {
                    let d: Double
                    switch side {
                    case 0: d = Double(x)
                    case 1: d = w - 1 - Double(x)
                    case 2: d = Double(y)
                    default: d = h - 1 - Double(y)
                    }
                    if d < thickness { band.mark(x, y, min(1, max(0, (thickness - d) / soft))) }
                }
            }
        }
        page.paint(band, colour: Colour(gray: rng.uniform(0.02, 0.3)))
    }
    if holes {
        var hole = InkLayer(covering: page)
        let radius = mm(rng.uniform(2.5, 3), dpi)
        let vertical = rng.chance(0.7)
        let offset = radius * rng.uniform(0.3, 1.5)  // the hole's centre from the page edge
        let along = vertical ? h : w
        let count = rng.chance(0.5) ? 1 : 2
        for k in 0..<count {
            let t = count == 1 ? rng.uniform(0.2, 0.8) : (Double(k) + 0.5) / 2
            let centre = vertical ? (rng.chance(0.5) ? offset : w - offset, t * along) : (t * along, rng.chance(0.5) ? offset : h - offset)
            hole.disc(centre.0, centre.1, radius: radius)
        }
        page.paint(hole, colour: Colour(gray: rng.chance(0.6) ? rng.uniform(0.02, 0.25) : rng.uniform(0.6, 0.8)))
    }
}

/// Finishes a scan: slight blur and noise, then gray PNG (45%), JPEG (30%) or 1-bit PNG (25%),
/// whose threshold a scanner would set between the paper and the ink (`inkLuma`, 0…1; nil for a
/// blank page: 50–75% of the paper's brightness).
/// `paperFromMedian`: the 1-bit threshold's paper level is the page's median luma rather than its
/// mean (a field crop's box, a large part of its frame, would pull the mean down to the ink's level).
/// `digitSlot` (centre and ink height, px): the ink's level is measured there (the darkest 5% of
/// the pixels in the slot's square) when lighter than `inkLuma`: a thin stroke of a digit 12 px
/// tall, blurred, never reaches its ink's full darkness, and a threshold set from that darkness
/// would leave the image without its digit (a scanner's automatic threshold follows the ink it sees).
func scanFile(_ page: inout Page, _ rng: inout BenchRandom, inkLuma: Double? = nil,
              paperFromMedian: Bool = false,
              digitSlot: (x: Double, y: Double, height: Double)? = nil) throws -> (bytes: [UInt8], fileExtension: String) {
    page.blur(sigma: rng.uniform(0.3, 0.9))
    page.addNoise(sigma: rng.uniform(0.003, 0.02), &rng)
    switch rng.uniform() {
    case ..<0.45: return (try encodePNG(page.gray), "png")
    case ..<0.75: return try encode(page, &rng, jpegChance: 1, quality: 70...95, colourChance: 0.3)
    default:
        let gray = page.gray
        let paper = paperFromMedian ? Double(gray.luma.sorted()[gray.luma.count / 2]) / 255
            : Double(gray.luma.reduce(0) { $0 + Int($1) }) / Double(gray.luma.count) / 255
        let inkLevel = inkLuma.map { luma in max(paper * luma, digitSlot.map { darkestInk(gray, in: $0) } ?? 0) }
        let threshold = inkLevel.map { (paper + $0) / 2 * rng.uniform(0.9, 1.1) } ?? paper * rng.uniform(0.5, 0.75)
        return (oneBitPNG(gray, threshold: Int(threshold * 255)), "png")
    }
}

/// The luma (0…1) below which the darkest 5% of `image`'s pixels lie in the square of side
/// `slot.height` centred on the slot.
func darkestInk(_ image: GrayImage, in slot: (x: Double, y: Double, height: Double)) -> Double {
    let half = slot.height / 2
    let x0 = max(0, Int(slot.x - half)), x1 = min(image.width - 1, Int(slot.x + half))
    let y0 = max(0, Int(slot.y - half)), y1 = min(image.height - 1, Int(slot.y + half))
    guard x0 <= x1, y0 <= y1 else { return 0 }
    var values: [UInt8] = []
    for y in y0...y1 { for x in x0...x1 { values.append(image.luma[y * image.width + x]) } }
    values.sort()
    return Double(values[values.count / 20]) / 255
}

/// Scanner paper (gray 0.88–1, unless `paper` is given) with the layout's printed marks.
func printedPage(_ layout: ScanLayout, _ rng: inout BenchRandom, paper: Colour? = nil) -> Page {
    var page = Page(width: layout.width, height: layout.height, paper: paper ?? Colour(gray: rng.uniform(0.88, 1)))
    page.apply(layout.print, colour: layout.printColour)
    return page
}

enum ScanKind: String { case box, comb, underline, ruled, dust, edge, photographedForm, fieldCrop }

/// A scanned handwritten digit at 150–300 dpi, 5–12 mm tall, in the layout of `kind`; for
/// `photographedForm`, a phone photo of a form field instead: a box, comb field, answer line or
/// ruled paper at 100–250 px per inch, on tinted paper under a lighting gradient, blurred, noisy, JPEG.
func makeScan(_ rng: inout BenchRandom, _ digits: TestDigits, kind: ScanKind) throws -> Sample {
    let n = randomDigitIndex(&rng, digits)
    let photographed = kind == .photographedForm || (kind == .fieldCrop && rng.chance(0.5))
    let dpi = kind == .fieldCrop ? rng.uniform(60, 150) : photographed ? rng.uniform(100, 250) : rng.uniform(150, 300)
    let h = mm(rng.uniform(5, 12), dpi)
    let layout: ScanLayout
    let layoutKind = kind == .photographedForm ? [ScanKind.box, .comb, .underline, .ruled][Int(rng.next() % 4)] : kind
    switch layoutKind {
    case .box: layout = boxLayout(&rng, digitHeight: h)
    case .fieldCrop: layout = fieldCropLayout(&rng, digitHeight: h)
    case .comb: layout = combLayout(&rng, digitHeight: h)
    case .underline: layout = underlineLayout(&rng, digitHeight: h)
    case .ruled: layout = ruledLayout(&rng, dpi: dpi, grid: rng.chance(0.3))
    case .dust, .photographedForm: layout = plainLayout(&rng, digitHeight: h)
    case .edge: layout = plainLayout(&rng, digitHeight: h, fraction: 0.2...0.4)
    }
    var page = printedPage(layout, &rng, paper: photographed ? randomPaper(&rng) : nil)
    let placement = DigitPlacement(centreX: layout.digitX, centreY: layout.digitY, scale: layout.digitHeight / 20,
                                   rotation: layout.skew + rng.uniform(-6, 6) * .pi / 180, slant: rng.uniform(-0.15, 0.15),
                                   aspect: rng.uniform(0.85, 1.15))
    let ink = rng.chance(0.6) ? (colour: Colour(gray: rng.uniform(0.03, 0.15)), opacity: 1.0, name: "black") : randomInk(&rng)
    page.apply(inkLayer(of: digits.images[n], placement), colour: ink.colour, opacity: ink.opacity)
    if kind == .dust { addDust(&page, near: layout.digitX, layout.digitY, spread: layout.digitHeight * 0.9, &rng) }
    if kind == .edge { addScannerEdges(&page, dpi: dpi, &rng, strips: rng.chance(0.75), holes: rng.chance(0.5)) }
    let file: (bytes: [UInt8], fileExtension: String)
    if photographed {
        page.light(strength: rng.uniform(0.1, 0.5), angle: rng.uniform(0, 2 * .pi), brightness: rng.uniform(0.7, 1))
        page.blur(sigma: kind == .fieldCrop ? rng.uniform(0.5, 2) : rng.uniform(0.5, 1.5))
        page.addNoise(sigma: rng.uniform(0.01, 0.03), &rng)
        file = try encode(page, &rng, jpegChance: 0.9, quality: 70...95, colourChance: 0.7)
    } else {
        file = try scanFile(&page, &rng, inkLuma: 1 - ink.opacity * (1 - ink.colour.luma), paperFromMedian: kind == .fieldCrop,
                            digitSlot: (layout.digitX, layout.digitY, layout.digitHeight))
    }
    return Sample(bytes: file.bytes, fileExtension: file.fileExtension, label: digits.labels[n], mnistIndex: n)
}
