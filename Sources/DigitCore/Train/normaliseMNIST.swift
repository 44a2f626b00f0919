import Foundation

/// Runs `normaliseMNISTDigit` on every image of `dataset` (images `range`, all by default),
/// spread over `threads` threads in fixed chunks joined in order, so the result does not
/// depend on the thread count. Output: ink = 1.0, stored sparsely, with the labels.
public func normaliseMNIST(_ dataset: MNISTDataset, range: Range<Int>? = nil, threads: Int = 1) -> SparseDigits {
    let range = range ?? 0..<dataset.count
    let chunkCount = max(1, min(64, range.count))
    var chunks = [SparseDigits](repeating: SparseDigits(), count: chunkCount)
    chunks.withUnsafeMutableBufferPointer { chunks in
        runInParallel(tasks: chunkCount, threads: threads) { chunk in
            let lo = range.lowerBound + range.count * chunk / chunkCount
            let hi = range.lowerBound + range.count * (chunk + 1) / chunkCount
            var part = SparseDigits()
            part.reserveCapacity(images: hi - lo, nonZeroPixels: (hi - lo) * 250)
            for n in lo..<hi {
                part.append(normaliseMNISTDigit(dataset.image(n)).pixels, label: dataset.labels[n])
            }
            chunks[chunk] = part
        }
    }
    var all = SparseDigits()
    all.reserveCapacity(images: range.count, nonZeroPixels: chunks.reduce(0) { $0 + $1.values.count })
    for chunk in chunks { all.append(contentsOf: chunk) }
    return all
}
