/// An 8-bit RGB image for pictures `digit` draws (weight maps, heat maps).
///
/// Shape: `height` rows of `width` pixels, each 3 bytes R, G, B; row-major, no padding.
public struct RGBImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var bytes: [UInt8]

    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(width >= 0 && height >= 0 && bytes.count == width * height * 3,
                     "RGBImage: bytes must hold width × height × 3 values")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// A `width × height` image of one colour.
    public init(width: Int, height: Int, filledWith colour: (UInt8, UInt8, UInt8)) {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            bytes[3 * i] = colour.0
            bytes[3 * i + 1] = colour.1
            bytes[3 * i + 2] = colour.2
        }
        self.init(width: width, height: height, bytes: bytes)
    }

    public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        get {
            let i = 3 * (y * width + x)
            return (bytes[i], bytes[i + 1], bytes[i + 2])
        }
        set {
            let i = 3 * (y * width + x)
            bytes[i] = newValue.0
            bytes[i + 1] = newValue.1
            bytes[i + 2] = newValue.2
        }
    }
}
