/// An 8-bit grayscale image as decoded from a file.
///
/// Shape: `height` rows of `width` pixels, row-major, no padding.
/// `luma`: 0 = black … 255 = white (sRGB-encoded, as in the file).
/// `alpha`: `nil` when the file had no alpha channel; otherwise one byte per pixel,
/// 0 = fully transparent … 255 = opaque, *not* premultiplied into `luma`.
public struct GrayImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var luma: [UInt8]
    public var alpha: [UInt8]?

    public init(width: Int, height: Int, luma: [UInt8], alpha: [UInt8]? = nil) {
        precondition(width >= 0 && height >= 0 && luma.count == width * height,
                     "GrayImage: luma must hold width × height bytes")
        precondition(alpha == nil || alpha!.count == width * height,
                     "GrayImage: alpha must hold width × height bytes")
        self.width = width
        self.height = height
        self.luma = luma
        self.alpha = alpha
    }

    /// A `width × height` image filled with one luma value and no alpha.
    public init(width: Int, height: Int, filledWith value: UInt8) {
        self.init(width: width, height: height, luma: [UInt8](repeating: value, count: width * height))
    }

    /// The luma at column `x`, row `y` (0-based, origin top left).
    public subscript(x: Int, y: Int) -> UInt8 {
        get { luma[y * width + x] }
        set { luma[y * width + x] = newValue }
    }
}
