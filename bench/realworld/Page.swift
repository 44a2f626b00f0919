import BenchSupport
import DigitCore
import Foundation

/// An RGB colour as reflectance 0…1 per channel (paper, ink, printed lines).
struct Colour {
    var r: Double, g: Double, b: Double
    init(_ r: Double, _ g: Double, _ b: Double) { self.r = r; self.g = g; self.b = b }
    init(gray: Double) { self.init(gray, gray, gray) }
    var luma: Double { 0.299 * r + 0.587 * g + 0.114 * b }
    func scaled(_ k: Double) -> Colour { Colour(r * k, g * k, b * k) }
}

/// A sheet being drawn: reflectance 0…1 per channel (display values, no gamma), row-major,
/// `width × height` px. Ink darkens it multiplicatively, so ink over a printed line is darker still.
struct Page {
    let width: Int, height: Int
    var r: [Double], g: [Double], b: [Double]

    init(width: Int, height: Int, paper: Colour) {
        self.width = width
        self.height = height
        r = [Double](repeating: paper.r, count: width * height)
        g = [Double](repeating: paper.g, count: width * height)
        b = [Double](repeating: paper.b, count: width * height)
    }

    /// Darkens by `layer` (coverage 0…1) in `colour`: reflectance ×= 1 − opacity·coverage·(1 − colour).
    mutating func apply(_ layer: InkLayer, colour: Colour, opacity: Double = 1) {
        forEachCovered(by: layer) { page, i, coverage in
            let c = coverage * opacity
            page.r[i] *= 1 - c * (1 - colour.r)
            page.g[i] *= 1 - c * (1 - colour.g)
            page.b[i] *= 1 - c * (1 - colour.b)
        }
    }

    /// Calls `body` with the page index of every pixel `layer` covers (coverage > 0).
    private mutating func forEachCovered(by layer: InkLayer, _ body: (inout Page, Int, Double) -> Void) {
        for ly in 0..<layer.height {
            let y = ly + layer.originY
            guard y >= 0 && y < height else { continue }
            for lx in 0..<layer.width {
                let x = lx + layer.originX
                let c = layer.values[ly * layer.width + lx]
                guard x >= 0 && x < width, c > 0 else { continue }
                body(&self, y * width + x, c)
            }
        }
    }

    /// Lighting that falls linearly by `strength` (0…1) across the page along `angle` (radians).
    mutating func light(strength: Double, angle: Double, brightness: Double = 1) {
        let gx = cos(angle), gy = sin(angle)
        let span = abs(gx) * Double(width) + abs(gy) * Double(height)
        for y in 0..<height {
            for x in 0..<width {
                let along = (Double(x) - Double(width) / 2) * gx + (Double(y) - Double(height) / 2) * gy
                let k = brightness * (1 - strength * (0.5 + along / max(1, span)))
                let i = y * width + x
                r[i] *= k; g[i] *= k; b[i] *= k
            }
        }
    }

    /// Gaussian blur of σ px (three box passes per axis).
    mutating func blur(sigma: Double) {
        guard sigma > 0.2 else { return }
        r = gaussianBlur(r, width: width, height: height, sigma: sigma)
        g = gaussianBlur(g, width: width, height: height, sigma: sigma)
        b = gaussianBlur(b, width: width, height: height, sigma: sigma)
    }

    /// Sensor noise: σ (reflectance units) shared by the channels, plus a little colour noise.
    mutating func addNoise(sigma: Double, _ rng: inout BenchRandom) {
        guard sigma > 0 else { return }
        for i in 0..<(width * height) {
            let n = sigma * rng.gaussian(), chroma = 0.3 * sigma * rng.gaussian()
            r[i] += n + chroma
            g[i] += n
            b[i] += n - chroma
        }
    }

    /// Salt-and-pepper: a `density` fraction of pixels set to black or white.
    mutating func addSaltAndPepper(density: Double, _ rng: inout BenchRandom) {
        for i in 0..<(width * height) where rng.chance(density) {
            let v: Double = rng.chance(0.5) ? 0 : 1
            r[i] = v; g[i] = v; b[i] = v
        }
    }

    /// Covers the page with `colour` where `layer` says (opaque, e.g. a dark scanner edge strip).
    mutating func paint(_ layer: InkLayer, colour: Colour) {
        forEachCovered(by: layer) { page, i, c in
            page.r[i] += c * (colour.r - page.r[i])
            page.g[i] += c * (colour.g - page.g[i])
            page.b[i] += c * (colour.b - page.b[i])
        }
    }

    private static func byte(_ v: Double) -> UInt8 { UInt8(min(255, max(0, (v * 255).rounded()))) }

    var gray: GrayImage {
        var luma = [UInt8](repeating: 0, count: width * height)
        for i in 0..<(width * height) { luma[i] = Page.byte(0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i]) }
        return GrayImage(width: width, height: height, luma: luma)
    }

    var rgb: RGBImage {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            bytes[3 * i] = Page.byte(r[i]); bytes[3 * i + 1] = Page.byte(g[i]); bytes[3 * i + 2] = Page.byte(b[i])
        }
        return RGBImage(width: width, height: height, bytes: bytes)
    }
}

/// Coverage 0…1 of one kind of mark (a digit's ink, printed lines, dust), over a rectangle of the
/// page whose top-left pixel is (`originX`, `originY`); `width × height` px, row-major.
struct InkLayer {
    var originX: Int, originY: Int
    var width: Int, height: Int
    var values: [Double]

    init(originX: Int, originY: Int, width: Int, height: Int) {
        self.originX = originX
        self.originY = originY
        self.width = max(1, width)
        self.height = max(1, height)
        values = [Double](repeating: 0, count: self.width * self.height)
    }

    /// A layer covering a whole `page`.
    init(covering page: Page) { self.init(originX: 0, originY: 0, width: page.width, height: page.height) }

    /// Adds coverage `c` at page pixel (x, y), keeping the larger of old and new.
    @inline(__always) mutating func mark(_ x: Int, _ y: Int, _ c: Double) {
        let lx = x - originX, ly = y - originY
        guard lx >= 0 && ly >= 0 && lx < width && ly < height, c > 0 else { return }
        let i = ly * width + lx
        if c > values[i] { values[i] = min(1, c) }
    }

    /// A straight stroke from (x0, y0) to (x1, y1), `thickness` px wide, anti-aliased, round caps.
    mutating func stroke(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, thickness: Double, strength: Double = 1) {
        let half = thickness / 2
        let minX = Int((min(x0, x1) - half - 1).rounded(.down)), maxX = Int((max(x0, x1) + half + 1).rounded(.up))
        let minY = Int((min(y0, y1) - half - 1).rounded(.down)), maxY = Int((max(y0, y1) + half + 1).rounded(.up))
        let dx = x1 - x0, dy = y1 - y0
        let length2 = max(1e-9, dx * dx + dy * dy)
        let ys = max(minY, originY), ye = min(maxY, originY + height - 1)
        let xs = max(minX, originX), xe = min(maxX, originX + width - 1)
        guard ys <= ye && xs <= xe else { return }
        for y in ys...ye {
            for x in xs...xe {
                let px = Double(x) + 0.5 - x0, py = Double(y) + 0.5 - y0
                let t = min(1, max(0, (px * dx + py * dy) / length2))
                let ex = px - t * dx, ey = py - t * dy
                let distance = (ex * ex + ey * ey).squareRoot()
                mark(x, y, strength * min(1, max(0, half - distance + 0.5)))
            }
        }
    }

    /// A filled disc of `radius` px centred at (cx, cy), anti-aliased.
    mutating func disc(_ cx: Double, _ cy: Double, radius: Double, strength: Double = 1) {
        stroke(cx, cy, cx, cy, thickness: 2 * radius, strength: strength)
    }

    /// The outline of a rectangle `w × h` centred at (cx, cy), rotated by `angle` radians.
    mutating func rectangle(cx: Double, cy: Double, w: Double, h: Double, angle: Double, thickness: Double, strength: Double = 1) {
        let corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)].map { point in
            rotate(point, by: angle, about: (cx, cy))
        }
        for k in 0..<4 {
            let a = corners[k], b = corners[(k + 1) % 4]
            stroke(a.0, a.1, b.0, b.1, thickness: thickness, strength: strength)
        }
    }

    /// Greyscale dilation by a disc of `radius` px: strokes grow by `radius` on each side (felt tip).
    func dilated(radius: Double) -> InkLayer {
        guard radius >= 0.5 else { return self }
        let reach = Int(radius.rounded(.up))
        var out = InkLayer(originX: originX - reach, originY: originY - reach, width: width + 2 * reach, height: height + 2 * reach)
        var offsets: [(Int, Int, Double)] = []
        for dy in -reach...reach {
            for dx in -reach...reach {
                let d = (Double(dx * dx + dy * dy)).squareRoot()
                let w = min(1, max(0, radius - d + 0.5))
                if w > 0 { offsets.append((dx, dy, w)) }
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                let v = values[y * width + x]
                guard v > 0.02 else { continue }
                for (dx, dy, w) in offsets {
                    let i = (y + reach + dy) * out.width + (x + reach + dx)
                    let c = v * w
                    if c > out.values[i] { out.values[i] = c }
                }
            }
        }
        return out
    }

    /// Gaussian blur of σ px, on a layer grown by 3σ so nothing is cut.
    func blurred(sigma: Double) -> InkLayer {
        guard sigma > 0.2 else { return self }
        let reach = Int((3 * sigma).rounded(.up))
        var out = InkLayer(originX: originX - reach, originY: originY - reach, width: width + 2 * reach, height: height + 2 * reach)
        for y in 0..<height {
            for x in 0..<width { out.values[(y + reach) * out.width + x + reach] = values[y * width + x] }
        }
        out.values = gaussianBlur(out.values, width: out.width, height: out.height, sigma: sigma)
        return out
    }
}

func rotate(_ p: (Double, Double), by angle: Double, about centre: (Double, Double)) -> (Double, Double) {
    let c = cos(angle), s = sin(angle)
    return (centre.0 + c * p.0 - s * p.1, centre.1 + s * p.0 + c * p.1)
}

/// Where and how an MNIST digit (28×28, ink 255) is drawn on a page.
struct DigitPlacement {
    /// Page position of the MNIST frame's centre (13.5, 13.5)… in px.
    var centreX: Double, centreY: Double
    /// Page px per MNIST px (the digit's 20 px box becomes 20·scale px tall).
    var scale: Double
    /// Rotation (radians, clockwise on screen), slant (x shift per unit of y), width ÷ height.
    var rotation = 0.0, slant = 0.0, aspect = 1.0
}

/// The digit's ink as a layer on the page: bicubic where enlarged, averaged over sub-samples where
/// shrunk (so an 8 px digit is anti-aliased, not aliased).
func inkLayer(of digit: [UInt8], _ p: DigitPlacement) -> InkLayer {
    let reach = 15 * p.scale * max(1, p.aspect) * (1 + abs(p.slant)) * 1.05
    let x0 = Int((p.centreX - reach).rounded(.down)), y0 = Int((p.centreY - reach).rounded(.down))
    let side = Int((2 * reach).rounded(.up)) + 2
    var layer = InkLayer(originX: x0, originY: y0, width: side, height: side)
    let cosR = cos(p.rotation), sinR = sin(p.rotation)
    let samples = max(1, min(4, Int((1.5 / p.scale).rounded(.up))))
    let step = 1 / Double(samples)
    for ly in 0..<layer.height {
        for lx in 0..<layer.width {
            var sum = 0.0
            for sy in 0..<samples {
                for sx in 0..<samples {
                    let dx = Double(lx + x0) + (Double(sx) + 0.5) * step - p.centreX
                    let dy = Double(ly + y0) + (Double(sy) + 0.5) * step - p.centreY
                    // Page → upright digit: undo the rotation, then the slant and aspect.
                    let u = cosR * dx + sinR * dy, v = -sinR * dx + cosR * dy
                    let mx = 14 + (u - p.slant * v) / (p.scale * p.aspect), my = 14 + v / p.scale
                    sum += sampleDigit(digit, mx - 0.5, my - 0.5)
                }
            }
            layer.values[ly * layer.width + lx] = sum / Double(samples * samples)
        }
    }
    return layer
}

/// Ink colours as reflectance: black, blue ball-point, pencil grey, and now and then red or green.
func randomInk(_ rng: inout BenchRandom) -> (colour: Colour, opacity: Double, name: String) {
    let pick = rng.uniform()
    switch pick {
    case ..<0.45: return (Colour(gray: rng.uniform(0.04, 0.15)), rng.uniform(0.85, 1), "black")
    case ..<0.75: return (Colour(rng.uniform(0.1, 0.2), rng.uniform(0.15, 0.3), rng.uniform(0.45, 0.7)), rng.uniform(0.75, 1), "blue")
    case ..<0.93: let v = rng.uniform(0.3, 0.5); return (Colour(v, v, v * 1.05), rng.uniform(0.6, 0.9), "pencil")
    case ..<0.97: return (Colour(rng.uniform(0.6, 0.8), rng.uniform(0.05, 0.2), rng.uniform(0.05, 0.2)), 0.95, "red")
    default: return (Colour(rng.uniform(0.05, 0.2), rng.uniform(0.35, 0.5), rng.uniform(0.1, 0.25)), 0.95, "green")
    }
}

/// Paper: white, cream, grey recycled, a bluish cast from the light; brightness 0.78…1.
func randomPaper(_ rng: inout BenchRandom) -> Colour {
    let v = rng.uniform(0.78, 1)
    switch rng.uniform() {
    case ..<0.5: return Colour(gray: v)
    case ..<0.7: return Colour(v, v * rng.uniform(0.95, 0.99), v * rng.uniform(0.82, 0.92))
    case ..<0.85: return Colour(v * rng.uniform(0.92, 0.98), v * rng.uniform(0.95, 0.99), v)
    default: return Colour(gray: v * rng.uniform(0.85, 0.95))
    }
}
