/// Many 28×28 digits (ink = 1.0) stored sparsely, with their labels: for each image only the
/// non-zero pixels, as (pixel index 0…783, value) pairs, in pixel order (compressed sparse rows).
/// MNIST digits are about 80% background, so this saves memory and skips most of the work.
public struct SparseDigits: Sendable {
    /// `count + 1` offsets into `pixelIndices` / `values`: image `n` is `rowStarts[n]..<rowStarts[n+1]`.
    public private(set) var rowStarts: [Int]
    /// Pixel index 0…783 of each stored value.
    public private(set) var pixelIndices: [UInt16]
    /// The non-zero pixel values.
    public private(set) var values: [Float]
    /// One label 0…9 per image.
    public private(set) var labels: [UInt8]

    public var count: Int { labels.count }

    public init() {
        rowStarts = [0]
        pixelIndices = []
        values = []
        labels = []
    }

    /// Stores `images` (784 values each) with their `labels`.
    public init(images: [DigitImage], labels: [UInt8]) {
        precondition(images.count == labels.count, "one label per image")
        self.init()
        reserveCapacity(images: images.count, nonZeroPixels: images.count * 200)
        for (image, label) in zip(images, labels) { append(image.pixels, label: label) }
    }

    public mutating func reserveCapacity(images: Int, nonZeroPixels: Int) {
        rowStarts.reserveCapacity(images + 1)
        labels.reserveCapacity(images)
        pixelIndices.reserveCapacity(nonZeroPixels)
        values.reserveCapacity(nonZeroPixels)
    }

    /// Adds one image (784 values, ink = 1.0) and its label.
    public mutating func append(_ pixels: [Float], label: UInt8) {
        precondition(pixels.count == DigitImage.pixelCount && label < 10)
        for (i, v) in pixels.enumerated() where v != 0 {
            pixelIndices.append(UInt16(i))
            values.append(v)
        }
        rowStarts.append(values.count)
        labels.append(label)
    }

    /// Appends all of `other`'s images, in order.
    public mutating func append(contentsOf other: SparseDigits) {
        let offset = values.count
        pixelIndices.append(contentsOf: other.pixelIndices)
        values.append(contentsOf: other.values)
        rowStarts.append(contentsOf: other.rowStarts.dropFirst().map { $0 + offset })
        labels.append(contentsOf: other.labels)
    }

    /// Images `range`, as a new set.
    public func subset(_ range: Range<Int>) -> SparseDigits {
        var out = SparseDigits()
        let first = rowStarts[range.lowerBound], last = rowStarts[range.upperBound]
        out.pixelIndices = Array(pixelIndices[first..<last])
        out.values = Array(values[first..<last])
        out.rowStarts = rowStarts[range.lowerBound...range.upperBound].map { $0 - first }
        out.labels = Array(labels[range])
        return out
    }

    /// Image `n`, dense.
    public func image(_ n: Int) -> DigitImage {
        var pixels = [Float](repeating: 0, count: DigitImage.pixelCount)
        for j in rowStarts[n]..<rowStarts[n + 1] { pixels[Int(pixelIndices[j])] = values[j] }
        return DigitImage(pixels: pixels)
    }
}
