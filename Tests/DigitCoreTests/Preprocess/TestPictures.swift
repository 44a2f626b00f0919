import Foundation
@testable import DigitCore

/// Small deterministic pictures for the preprocessing tests, drawn in code.
/// Coordinates are pixels; `ink` shapes are anti-aliased (coverage of a 1 px edge).
struct Canvas {
    var image: FloatImage

    /// A `width × height` canvas of `paper` (0 = black … 1 = white).
    init(width: Int, height: Int, paper: Float) {
        image = FloatImage(width: width, height: height, filledWith: paper)
    }

    /// Paper whose brightness goes linearly from `left` to `right` (a lighting gradient).
    init(width: Int, height: Int, left: Float, right: Float) {
        image = FloatImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { image[x, y] = left + (right - left) * Float(x) / Float(max(1, width - 1)) }
        }
    }

    /// Paints pixels at distance `d` from the shape with coverage `clamp(halfWidth − d + 0.5)`,
    /// blending toward `ink` multiplicatively for dark ink (`ink < paper`) or additively for bright.
    mutating func paint(ink: Float, halfWidth: Float, distance: (Float, Float) -> Float) {
        for y in 0..<image.height {
            for x in 0..<image.width {
                let coverage = min(1, max(0, halfWidth - distance(Float(x), Float(y)) + 0.5))
                if coverage > 0 { image[x, y] = image[x, y] * (1 - coverage) + ink * coverage }
            }
        }
    }

    /// A straight stroke from (x0, y0) to (x1, y1), `width` px thick.
    mutating func stroke(_ x0: Float, _ y0: Float, _ x1: Float, _ y1: Float, width: Float, ink: Float) {
        paint(ink: ink, halfWidth: width / 2) { x, y in
            let dx = x1 - x0, dy = y1 - y0
            let t = max(0, min(1, ((x - x0) * dx + (y - y0) * dy) / max(1e-6, dx * dx + dy * dy)))
            return hypotf(x - (x0 + t * dx), y - (y0 + t * dy))
        }
    }

    /// A ring (a "0") centred at (cx, cy) with the given radii and stroke width.
    mutating func ring(cx: Float, cy: Float, rx: Float, ry: Float, width: Float, ink: Float) {
        paint(ink: ink, halfWidth: width / 2) { x, y in
            let dx = (x - cx) / rx, dy = (y - cy) / ry
            let r = (dx * dx + dy * dy).squareRoot()
            return abs(r - 1) * min(rx, ry)
        }
    }

    /// Full-width horizontal lines every `spacing` px starting at `first`, `width` px thick.
    mutating func ruledLines(first: Int, spacing: Int, width: Int, ink: Float) {
        var y = first
        while y < image.height {
            for yy in y..<min(image.height, y + width) {
                for x in 0..<image.width { image[x, yy] = min(image[x, yy], ink) }
            }
            y += spacing
        }
    }

    /// Adds Gaussian noise of standard deviation `sigma`, deterministic for `seed`.
    mutating func addNoise(sigma: Float, seed: UInt64) {
        var rng = TestRandom(seed: seed)
        for i in 0..<image.count { image.pixels[i] += sigma * rng.gaussian() }
    }

    /// As decoded from a file: 8-bit luma.
    var gray: GrayImage {
        GrayImage(width: image.width, height: image.height,
                  luma: image.pixels.map { UInt8((min(1, max(0, $0)) * 255).rounded()) })
    }
}

/// Repeatable test noise, drawn from the library's SplitMix64.
struct TestRandom {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }
    /// Uniform in [0, 1).
    mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }
    /// Standard normal (Box–Muller).
    mutating func gaussian() -> Float {
        let u = max(1e-7, uniform()), v = uniform()
        return (-2 * logf(u)).squareRoot() * cosf(2 * .pi * v)
    }
}

/// Centre of mass of a 28×28 digit in pixel-index coordinates.
func centreOfMass(_ digit: DigitImage) -> (x: Float, y: Float) {
    let m = inkMoments(FloatImage(digit))
    return (m.centreX, m.centreY)
}

/// Inclusive extent (columns, rows) of the pixels above `level`.
func inkExtent(_ image: FloatImage, above level: Float = 0) -> (width: Int, height: Int) {
    var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
    for y in 0..<image.height {
        for x in 0..<image.width where image[x, y] > level {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    return maxX < 0 ? (0, 0) : (maxX - minX + 1, maxY - minY + 1)
}

/// Pearson correlation of two equally long vectors.
func correlation(_ a: [Float], _ b: [Float]) -> Float {
    let n = Float(a.count)
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var sab: Float = 0, saa: Float = 0, sbb: Float = 0
    for i in a.indices {
        sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb)
    }
    return sab / max(1e-12, (saa * sbb).squareRoot())
}

/// A form field cut out with its printed box: `side`×`side` paper (0.85), the box's sides 2 px wide
/// 3 px inside the frame (ink 0.2), with or without a pencil 1 (ink 0.5, `side`/16 wide, from
/// (0.56, 0.26) to (0.42, 0.74) of the side), blurred by three passes of a 3×3 box (σ ≈ 1 px) and
/// noise σ 0.01.
func boxedField(side: Int, withOne: Bool) -> Canvas {
    var canvas = Canvas(width: side, height: side, paper: 0.85)
    let (near, far) = (Float(3), Float(side - 4))
    let corners: [(Float, Float, Float, Float)] = [(near, near, far, near), (far, near, far, far),
                                                   (far, far, near, far), (near, far, near, near)]
    for (x0, y0, x1, y1) in corners { canvas.stroke(x0, y0, x1, y1, width: 2, ink: 0.2) }
    let s = Float(side)
    if withOne { canvas.stroke(0.56 * s, 0.26 * s, 0.42 * s, 0.74 * s, width: s / 16, ink: 0.5) }
    canvas.image = boxBlur(boxBlur(boxBlur(canvas.image, radius: 1), radius: 1), radius: 1)
    canvas.addNoise(sigma: 0.01, seed: 5)
    return canvas
}
