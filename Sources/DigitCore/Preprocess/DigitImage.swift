/// What the classifier sees: a 28×28 image in the MNIST convention.
///
/// Shape: 28 rows of 28 `Float`, row-major. Units: ink = 1.0 (white), background = 0.0 (black).
public struct DigitImage: Equatable, Sendable {
    public static let side = 28
    public static let pixelCount = side * side

    /// 784 values in 0…1.
    public var pixels: [Float]

    public init(pixels: [Float]) {
        precondition(pixels.count == DigitImage.pixelCount, "DigitImage holds 28×28 = 784 values")
        self.pixels = pixels
    }

    /// An all-background image.
    public static var blank: DigitImage { DigitImage(pixels: [Float](repeating: 0, count: pixelCount)) }

    public subscript(x: Int, y: Int) -> Float {
        get { pixels[y * DigitImage.side + x] }
        set { pixels[y * DigitImage.side + x] = newValue }
    }
}
