import DigitCore
import Foundation

/// SplitMix64: a small deterministic generator; one stream per digit so results do not
/// depend on the thread count.
public struct BenchRandom {
    public var generator: SplitMix64
    public init(seed: UInt64, stream: UInt64) {
        generator = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 1) &* 0xD1B5_4A32_D192_ED03)
    }
    public mutating func next() -> UInt64 { generator.next() }
    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Double = 0, _ hi: Double = 1) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
    /// Approximately standard normal: Irwin–Hall sum of four uniforms (cheap; for sensor noise).
    public mutating func gaussian() -> Double {
        let a = next(), b = next()
        let sum = Double(a >> 32) + Double(a & 0xFFFF_FFFF) + Double(b >> 32) + Double(b & 0xFFFF_FFFF)
        return (sum / 4_294_967_296 - 2) * 1.7320508
    }
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }
}

/// How one MNIST digit is turned into a photo (all drawn from the digit's own random stream).
public struct PhotoRecipe: CustomStringConvertible {
    public var width: Int, height: Int
    /// Digit box (MNIST's 20 px) height as a fraction of the frame height: 0.15…0.60.
    public var heightFraction: Double
    /// Frame pixels per MNIST pixel: 8…25.
    public var upscale: Double
    /// Rotation in degrees: −12…12.
    public var rotation: Double
    /// Digit centre in frame pixels.
    public var centreX: Double, centreY: Double
    /// Paper reflectance, ink darkness (fraction of light absorbed at full ink).
    public var paper: Double, inkDarkness: Double
    /// Lighting: brightness falls linearly by `gradient` across the frame along `gradientAngle`.
    public var gradient: Double, gradientAngle: Double
    /// Ruled lines: spacing in px (0 = none), thickness px, darkness.
    public var lineSpacing: Double, lineThickness: Double, lineDarkness: Double
    /// Gaussian blur σ (px) and sensor noise σ (0…1 units).
    public var blur: Double, noise: Double
    public var jpegQuality: Int

    public var description: String {
        String(format: "%dx%d h=%.2f k=%.1f rot=%.1f° grad=%.2f lines=%@ blur=%.1f noise=%.3f q=%d",
               width, height, heightFraction, upscale, rotation, gradient,
               lineSpacing > 0 ? String(format: "%.0fpx", lineSpacing) : "none", blur, noise, jpegQuality)
    }

    /// Draws a recipe. The frame size follows from the digit's size: 20·upscale / heightFraction,
    /// with upscale drawn in 8…25 but limited so the frame stays at most `maxHeight` px tall.
    public static func random(_ rng: inout BenchRandom, maxHeight: Double = 1000) -> PhotoRecipe {
        let fraction = rng.uniform(0.15, 0.60)
        let upscaleHigh = max(8, min(25, maxHeight * fraction / 20))
        let upscale = rng.uniform(8, upscaleHigh)
        let height = Int((20 * upscale / fraction).rounded())
        let aspect = rng.chance(0.5) ? 4.0 / 3 : 3.0 / 4
        let width = Int((Double(height) * aspect).rounded())
        let rotation = rng.uniform(-12, 12)
        // Keep the 28×28 frame (rotated) inside the photo.
        let half = 14 * upscale * 1.2
        let cx = rng.uniform(min(half, Double(width) / 2), max(Double(width) - half, Double(width) / 2))
        let cy = rng.uniform(min(half, Double(height) / 2), max(Double(height) - half, Double(height) / 2))
        let ruled = rng.chance(0.35)
        let scale = Double(height) / 400
        return PhotoRecipe(
            width: width, height: height, heightFraction: fraction, upscale: upscale, rotation: rotation,
            centreX: cx, centreY: cy, paper: rng.uniform(0.72, 0.95), inkDarkness: rng.uniform(0.6, 0.92),
            gradient: rng.uniform(0, 0.45), gradientAngle: rng.uniform(0, 2 * .pi),
            lineSpacing: ruled ? rng.uniform(0.06, 0.11) * Double(height) : 0,
            lineThickness: max(1, rng.uniform(1, 2.5) * scale), lineDarkness: rng.uniform(0.15, 0.4),
            blur: rng.uniform(0.4, 1.5) * scale, noise: rng.uniform(0.005, 0.035),
            jpegQuality: Int(rng.uniform(70, 96)))
    }
}

/// Catmull–Rom cubic weight for distance `t` (smooth upscaling, so strokes look drawn).
@inline(__always) public func cubicWeight(_ t: Double) -> Double {
    let a = abs(t)
    if a < 1 { return 1.5 * a * a * a - 2.5 * a * a + 1 }
    if a < 2 { return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2 }
    return 0
}

/// The MNIST digit (28×28 bytes, ink 255) sampled at continuous pixel coordinates, bicubic, 0…1.
public func sampleDigit(_ digit: [UInt8], _ x: Double, _ y: Double) -> Double {
    let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
    if x0 < -2 || y0 < -2 || x0 > 28 || y0 > 28 { return 0 }
    var sum = 0.0
    for j in (y0 - 1)...(y0 + 2) where j >= 0 && j < 28 {
        let wy = cubicWeight(y - Double(j))
        for i in (x0 - 1)...(x0 + 2) where i >= 0 && i < 28 {
            sum += wy * cubicWeight(x - Double(i)) * Double(digit[j * 28 + i])
        }
    }
    return min(1, max(0, sum / 255))
}

/// Renders `digit` (28×28 bytes) as an 8-bit gray photo following `recipe`.
public func renderPhoto(_ digit: [UInt8], _ recipe: PhotoRecipe, _ rng: inout BenchRandom) -> (width: Int, height: Int, luma: [UInt8]) {
    let w = recipe.width, h = recipe.height
    let cosR = cos(recipe.rotation * .pi / 180), sinR = sin(recipe.rotation * .pi / 180)
    let gx = cos(recipe.gradientAngle), gy = sin(recipe.gradientAngle)
    let diagonal = Double(abs(gx) * Double(w) + abs(gy) * Double(h))
    var image = [Double](repeating: 0, count: w * h)
    let reach = 16 * recipe.upscale
    for y in 0..<h {
        for x in 0..<w {
            // Lighting across the frame.
            let along = (Double(x) - Double(w) / 2) * gx + (Double(y) - Double(h) / 2) * gy
            let light = 1 - recipe.gradient * (0.5 + along / diagonal)
            var reflectance = recipe.paper
            // Rotated page coordinates relative to the digit centre.
            let dx = Double(x) - recipe.centreX, dy = Double(y) - recipe.centreY
            let u = cosR * dx + sinR * dy, v = -sinR * dx + cosR * dy
            if recipe.lineSpacing > 0 {
                let phase = (v + 10_000 * recipe.lineSpacing).truncatingRemainder(dividingBy: recipe.lineSpacing)
                let distance = min(phase, recipe.lineSpacing - phase)
                let coverage = min(1, max(0, recipe.lineThickness / 2 - distance + 0.5))
                reflectance *= 1 - recipe.lineDarkness * coverage
            }
            if abs(u) < reach && abs(v) < reach {
                let ink = sampleDigit(digit, 14 + u / recipe.upscale, 14 + v / recipe.upscale)
                reflectance *= 1 - recipe.inkDarkness * ink
            }
            image[y * w + x] = light * reflectance
        }
    }
    image = gaussianBlur(image, width: w, height: h, sigma: recipe.blur)
    var luma = [UInt8](repeating: 0, count: w * h)
    for i in 0..<(w * h) {
        let value = image[i] + recipe.noise * rng.gaussian()
        luma[i] = UInt8(min(255, max(0, (value * 255).rounded())))
    }
    return (w, h, luma)
}

/// Approximate Gaussian blur: three box blurs per axis (radius from σ).
public func gaussianBlur(_ pixels: [Double], width: Int, height: Int, sigma: Double) -> [Double] {
    // Three passes of a (2r+1) box have variance r(r+1); at least r = 1 (σ ≈ 1.4).
    guard sigma > 0 else { return pixels }
    let radius = max(1, Int(((sigma * sigma + 0.25).squareRoot() - 0.5).rounded()))
    var out = pixels
    for _ in 0..<3 {
        out = boxPass(out, width: width, height: height, radius: radius, horizontal: true)
        out = boxPass(out, width: width, height: height, radius: radius, horizontal: false)
    }
    return out
}

private func boxPass(_ pixels: [Double], width: Int, height: Int, radius: Int, horizontal: Bool) -> [Double] {
    var out = pixels
    let lines = horizontal ? height : width, length = horizontal ? width : height
    for line in 0..<lines {
        func index(_ i: Int) -> Int { horizontal ? line * width + i : i * width + line }
        var sum = 0.0, lo = 0, hi = -1
        for i in 0..<length {
            let wantHi = min(length - 1, i + radius), wantLo = max(0, i - radius)
            while hi < wantHi { hi += 1; sum += pixels[index(hi)] }
            while lo < wantLo { sum -= pixels[index(lo)]; lo += 1 }
            out[index(i)] = sum / Double(hi - lo + 1)
        }
    }
    return out
}
