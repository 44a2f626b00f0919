/// A shard of sparse images turned pixel-major (compressed sparse columns): for each pixel
/// 0…783, the images (by position in the shard) that ink it and the values, in image order.
/// `MLPKernel.addFirstLayerGradient(gradient:lanes:columns:hiddenGradients:)` reads it.
/// Owns its buffers, sized for `capacity` images; `clear()` and `append` refill it per batch.
public final class PixelColumns {
    /// 785 offsets into `images` / `values`: pixel i's entries are `starts[i] ..< starts[i + 1]`
    /// (valid after `finish()`).
    public let starts: UnsafeMutablePointer<Int>
    public let images: UnsafeMutablePointer<UInt32>
    public let values: UnsafeMutablePointer<Float>
    /// Image-major entries collected by `append`, sorted into the columns by `finish()`.
    private let pendingPixels: UnsafeMutablePointer<UInt16>
    private let pendingImages: UnsafeMutablePointer<UInt32>
    private let pendingValues: UnsafeMutablePointer<Float>
    private var pendingCount = 0
    private var imageCount = 0
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
        let entries = capacity * MLPModel.inputCount
        starts = .allocate(capacity: MLPModel.inputCount + 1)
        starts.initialize(repeating: 0, count: MLPModel.inputCount + 1)
        images = .allocate(capacity: entries)
        values = .allocate(capacity: entries)
        pendingPixels = .allocate(capacity: entries)
        pendingImages = .allocate(capacity: entries)
        pendingValues = .allocate(capacity: entries)
    }

    deinit {
        starts.deallocate()
        images.deallocate()
        values.deallocate()
        pendingPixels.deallocate()
        pendingImages.deallocate()
        pendingValues.deallocate()
    }

    public func clear() {
        pendingCount = 0
        imageCount = 0
    }

    /// Adds the next image (its non-zero pixels); it gets the next position 0, 1, ….
    public func append(indices: UnsafePointer<UInt16>, values source: UnsafePointer<Float>, count: Int) {
        precondition(imageCount < capacity, "more images than the capacity")
        for j in 0..<count {
            pendingPixels[pendingCount + j] = indices[j]
            pendingImages[pendingCount + j] = UInt32(imageCount)
            pendingValues[pendingCount + j] = source[j]
        }
        pendingCount += count
        imageCount += 1
    }

    /// Sorts the appended entries into pixel columns (a stable counting sort: image order kept).
    public func finish() {
        let pixels = MLPModel.inputCount
        starts.update(repeating: 0, count: pixels + 1)
        for e in 0..<pendingCount { starts[Int(pendingPixels[e]) + 1] += 1 }
        for i in 0..<pixels { starts[i + 1] += starts[i] }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: pixels) { next in
            for i in 0..<pixels { next[i] = starts[i] }
            for e in 0..<pendingCount {
                let i = Int(pendingPixels[e])
                images[next[i]] = pendingImages[e]
                values[next[i]] = pendingValues[e]
                next[i] += 1
            }
        }
    }
}
