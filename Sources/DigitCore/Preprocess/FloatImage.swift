/// A working image for preprocessing.
///
/// Shape: `height` rows of `width` `Float`, row-major. Units depend on the stage; after
/// polarity normalisation ink is bright: 0 = background … 1 = full ink.
struct FloatImage: Equatable, Sendable {
    var width: Int
    var height: Int
    var pixels: [Float]

    init(width: Int, height: Int, pixels: [Float]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height,
                     "FloatImage: pixels must hold width × height values")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width × height` image of one value.
    init(width: Int, height: Int, filledWith value: Float = 0) {
        self.init(width: width, height: height, pixels: [Float](repeating: value, count: width * height))
    }

    var count: Int { width * height }

    subscript(x: Int, y: Int) -> Float {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// The pixels inside `box` (which lies within the image).
    func cropped(to box: PixelBox) -> FloatImage {
        guard box.x != 0 || box.y != 0 || box.width != width || box.height != height else { return self }
        var inside = [Float]()
        inside.reserveCapacity(box.width * box.height)
        for y in box.y..<(box.y + box.height) {
            let row = y * width + box.x
            inside.append(contentsOf: pixels[row..<(row + box.width)])
        }
        return FloatImage(width: box.width, height: box.height, pixels: inside)
    }

    /// The image as 8-bit gray for step pictures: 0 → black, 1 → white (values clamped).
    func grayImage() -> GrayImage {
        GrayImage(width: width, height: height,
                  luma: pixels.map { UInt8((min(1, max(0, $0)) * 255).rounded()) })
    }
}
