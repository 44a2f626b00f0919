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
