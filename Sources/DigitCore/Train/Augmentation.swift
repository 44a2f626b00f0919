import Foundation

/// One random distortion of a normalised 28×28 digit, as `--augment` applies to training
/// images: what is left over after preprocessing a real photo (a digit a little off-centre,
/// tilted, bigger or smaller, drawn with a thicker or thinner pen).
public struct Augmentation: Sendable, Equatable {
    /// Shift in pixels (x right, y down).
    public var shiftX: Float, shiftY: Float
    /// Rotation in radians (positive: clockwise on screen).
    public var rotation: Float
    /// Scale factor about the centre of mass position (14, 14).
    public var scale: Float
    /// > 0 thickens strokes, < 0 thins them, in −1…1 (strength of a soft 3×3 dilation / erosion).
    public var stroke: Float

    public static let identity = Augmentation(shiftX: 0, shiftY: 0, rotation: 0, scale: 1, stroke: 0)

    public init(shiftX: Float, shiftY: Float, rotation: Float, scale: Float, stroke: Float) {
        self.shiftX = shiftX
        self.shiftY = shiftY
        self.rotation = rotation
        self.scale = scale
        self.stroke = stroke
    }

    /// Ranges: shift ±1.5 px, rotation ±10°, scale 0.9…1.1; a third of the time thicker,
    /// a third thinner (strength 0.3…0.8), a third unchanged.
    public static func random(using rng: inout SplitMix64) -> Augmentation {
        let shiftX = rng.uniform(-1.5...1.5), shiftY = rng.uniform(-1.5...1.5)
        let rotation = rng.uniform(-10...10) * .pi / 180
        let scale = rng.uniform(0.9...1.1)
        let choice = rng.next() % 3
        let strength = rng.uniform(0.3...0.8)
        let stroke: Float = choice == 0 ? strength : (choice == 1 ? -strength : 0)
        return Augmentation(shiftX: shiftX, shiftY: shiftY, rotation: rotation, scale: scale, stroke: stroke)
    }

    /// Writes the distorted `source` (784 values, ink = 1.0) into `output` (784 values).
    /// Geometry by inverse mapping with bilinear sampling (outside = background), then the stroke change.
    public func apply(to source: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let side = DigitImage.side
        let centre: Float = 14  // MNIST's centre of mass (pixel-index coordinates)
        // Output pixel p comes from source point R⁻¹(p − centre − shift) / scale + centre.
        let c = Foundation.cos(rotation) / scale, s = Foundation.sin(rotation) / scale
        withUnsafeTemporaryAllocation(of: Float.self, capacity: DigitImage.pixelCount) { warped in
            for y in 0..<side {
                for x in 0..<side {
                    let dx = Float(x) - centre - shiftX, dy = Float(y) - centre - shiftY
                    let sx = c * dx + s * dy + centre, sy = -s * dx + c * dy + centre
                    warped[y * side + x] = Self.bilinear(source, sx, sy)
                }
            }
            Self.changeStroke(warped.baseAddress!, by: stroke, into: output)
        }
    }

    /// Bilinear sample at (x, y); pixels outside the image are 0.
    @inline(__always)
    static func bilinear(_ image: UnsafePointer<Float>, _ x: Float, _ y: Float) -> Float {
        let side = DigitImage.side
        let x0f = x.rounded(.down), y0f = y.rounded(.down)
        guard x0f >= -1, y0f >= -1, x0f < Float(side), y0f < Float(side) else { return 0 }
        let x0 = Int(x0f), y0 = Int(y0f)
        let fx = x - x0f, fy = y - y0f
        @inline(__always) func at(_ px: Int, _ py: Int) -> Float {
            (px >= 0 && py >= 0 && px < side && py < side) ? image[py * side + px] : 0
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }

    /// Soft dilation (`amount` > 0: v + a·(max of v and its 4 neighbours − v)) or erosion
    /// (`amount` < 0: v − |a|·(v − min of v and its 4 neighbours)), clamped to 0…1.
    static func changeStroke(_ image: UnsafePointer<Float>, by amount: Float, into output: UnsafeMutablePointer<Float>) {
        let side = DigitImage.side
        guard amount != 0 else {
            output.update(from: image, count: DigitImage.pixelCount)
            return
        }
        for y in 0..<side {
            for x in 0..<side {
                let v = image[y * side + x]
                let left = x > 0 ? image[y * side + x - 1] : 0, right = x < side - 1 ? image[y * side + x + 1] : 0
                let up = y > 0 ? image[(y - 1) * side + x] : 0, down = y < side - 1 ? image[(y + 1) * side + x] : 0
                let result: Float
                if amount > 0 {
                    result = v + amount * (max(v, left, right, up, down) - v)
                } else {
                    result = v + amount * (v - min(v, left, right, up, down))
                }
                output[y * side + x] = min(1, max(0, result))
            }
        }
    }
}
