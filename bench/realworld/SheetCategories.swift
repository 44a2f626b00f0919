import BenchSupport
import DigitCore
import Foundation

// MARK: - A sheet on a desk

/// A phone photo of a sheet of paper, a sticky note or an index card lying on a desk, the desk
/// showing around it: 800×600 to 2000×1500 (either way up). The desk is wood (grain), a dark
/// desk top, or cloth of any colour, and the sheet casts a soft shadow on it. The sheet covers
/// 30–85% of the frame's height (a note 35–70% of its shorter side), turned up to ±15°, its
/// corners moved up to 4% (perspective); white, cream or gray paper (a third ruled in blue), or a
/// yellow, pink or green note. The digit (absent when `blank`) is 15–50% of the sheet's height,
/// anywhere in the middle half of the sheet, turned with it (±6°), in any ink. Lighting gradient
/// up to 30%, sometimes a soft hand shadow, blur σ 0.4–1.5 px, sensor noise; JPEG, colour half
/// the time.
func makeSheetPhoto(_ rng: inout BenchRandom, _ digits: TestDigits, blank: Bool) throws -> Sample {
    let sizes = [(1600, 1200), (1200, 1600), (1024, 768), (768, 1024), (2000, 1500), (800, 600)]
    let (width, height) = sizes[Int(rng.next() % UInt64(sizes.count))]
    var page = desk(width: width, height: height, &rng)
    // The sheet: its size, paper and place.
    let note = rng.chance(0.4)
    let paper: Colour
    let sheetWidth: Double, sheetHeight: Double
    if note {
        let side = Double(min(width, height)) * rng.uniform(0.35, 0.7)
        (sheetWidth, sheetHeight) = (side, side * rng.uniform(0.95, 1.05))
        paper = [Colour(rng.uniform(0.93, 1), rng.uniform(0.85, 0.95), rng.uniform(0.35, 0.6)),
                 Colour(rng.uniform(0.93, 1), rng.uniform(0.75, 0.85), rng.uniform(0.8, 0.9)),
                 Colour(rng.uniform(0.75, 0.85), rng.uniform(0.93, 1), rng.uniform(0.7, 0.8)),
                 Colour(gray: rng.uniform(0.9, 1))][Int(rng.next() % 4)]
    } else {
        sheetHeight = Double(height) * rng.uniform(0.3, 0.85)
        sheetWidth = min(Double(width) * 0.9, sheetHeight * rng.uniform(0.7, 1.4))
        paper = randomPaper(&rng)
    }
    let angle = rng.uniform(-15, 15) * .pi / 180
    let centre = (Double(width) / 2 + rng.uniform(-0.1, 0.1) * Double(width),
                  Double(height) / 2 + rng.uniform(-0.1, 0.1) * Double(height))
    let corners = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map { sx, sy in
        rotate((sx * sheetWidth / 2 * (1 + rng.uniform(-0.04, 0.04)), sy * sheetHeight / 2 * (1 + rng.uniform(-0.04, 0.04))),
               by: angle, about: centre)
    }
    let sheet = quadrilateralCoverage(corners, width: width, height: height)
    // Its shadow on the desk, then the sheet itself.
    let shadowOffset = Int(rng.uniform(2, 10))
    let shadow = gaussianBlur(sheet, width: width, height: height, sigma: Double(min(width, height)) * 0.01)
    let shadowDepth = rng.uniform(0.2, 0.5)
    for y in 0..<height {
        for x in 0..<width {
            let i = y * width + x
            let s = shadow[max(0, y - shadowOffset) * width + max(0, x - shadowOffset)]
            let k = (1 - shadowDepth * s) * (1 - sheet[i])
            page.r[i] = page.r[i] * k + paper.r * sheet[i]
            page.g[i] = page.g[i] * k + paper.g * sheet[i]
            page.b[i] = page.b[i] * k + paper.b * sheet[i]
        }
    }
    if !note && rng.chance(0.33) { ruleSheet(&page, sheet: sheet, centre: centre, angle: angle, spacing: sheetHeight * rng.uniform(0.04, 0.07)) }
    var label: Int?, index: Int?
    if !blank {
        let n = randomDigitIndex(&rng, digits)
        let digitHeight = min(sheetWidth, sheetHeight) * rng.uniform(0.15, 0.5)
        let offset = (rng.uniform(-0.25, 0.25) * sheetWidth, rng.uniform(-0.25, 0.25) * sheetHeight)
        let at = rotate(offset, by: angle, about: centre)
        let placement = DigitPlacement(centreX: at.0, centreY: at.1, scale: digitHeight / 20,
                                       rotation: angle + rng.uniform(-6, 6) * .pi / 180,
                                       slant: rng.uniform(-0.2, 0.2), aspect: rng.uniform(0.8, 1.15))
        var layer = inkLayer(of: digits.images[n], placement)
        // A pen's stroke is 1–3% of the digit's height wider than MNIST's.
        layer = layer.dilated(radius: digitHeight * rng.uniform(0, 0.03))
        let ink = randomInk(&rng)
        page.apply(layer, colour: ink.colour, opacity: ink.opacity)
        (label, index) = (digits.labels[n], n)
    }
    page.light(strength: rng.uniform(0, 0.3), angle: rng.uniform(0, 2 * .pi), brightness: rng.uniform(0.85, 1.05))
    if rng.chance(0.3) { handShadow(&page, &rng) }
    page.blur(sigma: rng.uniform(0.4, 1.5))
    page.addNoise(sigma: rng.uniform(0.004, 0.02), &rng)
    let encoded = try encode(page, &rng, jpegChance: 1, quality: 70...92)
    return Sample(bytes: encoded.bytes, fileExtension: encoded.fileExtension, label: label, mnistIndex: index)
}

/// A desk top filling a `width × height` photo: wood (bands of grain, 3–9 px apart, wavering),
/// a dark desk (gray 0.08–0.3, fine noise) or cloth (any colour 0.25–0.7, coarse texture).
private func desk(width: Int, height: Int, _ rng: inout BenchRandom) -> Page {
    switch rng.next() % 3 {
    case 0:
        let base = Colour(rng.uniform(0.35, 0.65), rng.uniform(0.22, 0.4), rng.uniform(0.1, 0.24))
        var page = Page(width: width, height: height, paper: base)
        let (pitch, waviness, wave, depth) = (rng.uniform(3, 9), rng.uniform(40, 120), rng.uniform(1, 4), rng.uniform(0.06, 0.2))
        for y in 0..<height {
            for x in 0..<width {
                let k = 1 + depth * sin(Double(y) / pitch + wave * sin(Double(x) / waviness))
                let i = y * width + x
                page.r[i] *= k; page.g[i] *= k; page.b[i] *= k
            }
        }
        return page
    case 1:
        var page = Page(width: width, height: height, paper: Colour(gray: rng.uniform(0.08, 0.3)))
        page.addNoise(sigma: 0.015, &rng)
        return page
    default:
        var page = Page(width: width, height: height,
                        paper: Colour(rng.uniform(0.25, 0.7), rng.uniform(0.25, 0.7), rng.uniform(0.25, 0.7)))
        addPaperTexture(&page, amplitude: rng.uniform(0.03, 0.08), &rng)
        return page
    }
}

/// Coverage 0…1 of the convex quadrilateral `corners` (in order) over a `width × height` frame,
/// anti-aliased over 1 px.
private func quadrilateralCoverage(_ corners: [(Double, Double)], width: Int, height: Int) -> [Double] {
    // The signed distance inside each edge (positive inside), for corners in either order.
    let area = zip(corners, corners.dropFirst() + [corners[0]]).map { a, b in a.0 * b.1 - b.0 * a.1 }.reduce(0, +)
    let sign: Double = area > 0 ? 1 : -1
    var coverage = [Double](repeating: 0, count: width * height)
    for y in 0..<height {
        for x in 0..<width {
            let (px, py) = (Double(x) + 0.5, Double(y) + 0.5)
            var inside = Double.infinity
            for k in 0..<4 {
                let a = corners[k], b = corners[(k + 1) % 4]
                let (ex, ey) = (b.0 - a.0, b.1 - a.1)
                let length = max(1e-9, (ex * ex + ey * ey).squareRoot())
                inside = min(inside, sign * (ex * (py - a.1) - ey * (px - a.0)) / length)
            }
            coverage[y * width + x] = min(1, max(0, inside + 0.5))
        }
    }
    return coverage
}

/// Blue ruled lines across the sheet (`sheet`: its coverage), `spacing` px apart, turned with it.
private func ruleSheet(_ page: inout Page, sheet: [Double], centre: (Double, Double), angle: Double, spacing: Double) {
    var lines = InkLayer(covering: page)
    let reach = Double(max(page.width, page.height))
    let thickness = max(1, Double(page.height) / 700)
    for k in -80...80 {
        let a = rotate((-reach, Double(k) * spacing), by: angle, about: centre)
        let b = rotate((reach, Double(k) * spacing), by: angle, about: centre)
        lines.stroke(a.0, a.1, b.0, b.1, thickness: thickness)
    }
    for i in lines.values.indices { lines.values[i] *= sheet[i] }
    page.apply(lines, colour: Colour(0.55, 0.7, 0.9), opacity: 0.8)
}

/// The soft shadow of a hand or a phone: a disc 30–80% of the longer side across, darkening by
/// 15–35% toward its middle, its edge spread over a tenth of its radius.
private func handShadow(_ page: inout Page, _ rng: inout BenchRandom) {
    let (cx, cy) = (rng.uniform(0, Double(page.width)), rng.uniform(0, Double(page.height)))
    let radius = rng.uniform(0.3, 0.8) * Double(max(page.width, page.height)) / 2
    let depth = rng.uniform(0.15, 0.35)
    for y in 0..<page.height {
        for x in 0..<page.width {
            let d = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot()
            let s = min(1, max(0, (radius - d) / (0.1 * radius)))
            let k = 1 - depth * s
            let i = y * page.width + x
            page.r[i] *= k; page.g[i] *= k; page.b[i] *= k
        }
    }
}
