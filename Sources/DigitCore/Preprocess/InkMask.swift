/// A boolean mask of the same shape as a `FloatImage` (true = ink).
struct InkMask: Equatable, Sendable {
    var width: Int
    var height: Int
    var bits: [Bool]

    init(width: Int, height: Int, bits: [Bool]) {
        precondition(bits.count == width * height, "InkMask: bits must hold width × height values")
        self.width = width
        self.height = height
        self.bits = bits
    }

    subscript(x: Int, y: Int) -> Bool {
        get { bits[y * width + x] }
        set { bits[y * width + x] = newValue }
    }
}

/// The pixels of `image` above `level` (same shape).
func inkMask(_ image: FloatImage, above level: Float) -> InkMask {
    let bits = [Bool](unsafeUninitializedCapacity: image.count) { dst, initialised in
        image.pixels.withUnsafeBufferPointer { src in
            for i in 0..<src.count { dst[i] = src[i] > level }
        }
        initialised = image.count
    }
    return InkMask(width: image.width, height: image.height, bits: bits)
}
