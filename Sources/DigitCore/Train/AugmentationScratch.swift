/// Per-shard scratch space for `--augment`: each shard distorts its images into its own buffers,
/// so shards can run on any threads.
struct AugmentationScratch {
    /// Per shard: dense source (784), dense augmented (784), sparse values (784).
    let floats: UnsafeMutablePointer<Float>
    /// Per shard: sparse indices (784).
    let indices: UnsafeMutablePointer<UInt16>

    init(shardCount: Int) {
        floats = .allocate(capacity: shardCount * 3 * DigitImage.pixelCount)
        floats.initialize(repeating: 0, count: shardCount * 3 * DigitImage.pixelCount)
        indices = .allocate(capacity: shardCount * DigitImage.pixelCount)
        indices.initialize(repeating: 0, count: shardCount * DigitImage.pixelCount)
    }

    func deallocate() {
        floats.deallocate()
        indices.deallocate()
    }

    /// A fresh random distortion of image `n` (seeded by seed, epoch and `n` only), sparse,
    /// in shard `shard`'s buffers (valid until that shard's next call).
    func augmentedImage(_ data: SparseDigitsView, _ n: Int, seed: UInt64, epoch: Int, shard: Int)
        -> (indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int) {
        let pixelCount = DigitImage.pixelCount
        let dense = floats + shard * 3 * pixelCount
        let warped = dense + pixelCount
        let sparseValues = warped + pixelCount
        let sparseIndices = indices + shard * pixelCount
        dense.update(repeating: 0, count: pixelCount)
        let source = data.image(n)
        for j in 0..<source.count { dense[Int(source.indices[j])] = source.values[j] }
        var rng = SplitMix64(seed: seed, stream: UInt64(epoch) << 32 | UInt64(n))
        Augmentation.random(using: &rng).apply(to: dense, into: warped)
        var count = 0
        for i in 0..<pixelCount where warped[i] != 0 {
            sparseIndices[count] = UInt16(i)
            sparseValues[count] = warped[i]
            count += 1
        }
        return (UnsafePointer(sparseIndices), UnsafePointer(sparseValues), count)
    }
}
