/// Longest side the pipeline works at; larger inputs are box-averaged down by an integer factor.
let workingLongSideLimit = 800

/// Gray bytes → `FloatImage` in 0…1 (0 = black, 1 = white), box-averaged by the smallest
/// integer factor `f` that brings the longer side to at most `limit` px. Alpha is ignored
/// (the decoder flattens it into luma).
///
/// Output `max(1, w / f) × max(1, h / f)`; each output pixel averages an `fx × fy` block with
/// `fx = min(f, w)`, `fy = min(f, h)`: a side shorter than the factor (a 100000×1 strip) is
/// averaged over the pixels it has, never read beyond. Leftover columns and rows (`w mod f`)
/// are dropped.
func toWorkingImage(_ gray: GrayImage, limit: Int = workingLongSideLimit) -> FloatImage {
    toWorkingImage(gray, factor: workingImageFactor(width: gray.width, height: gray.height, limit: limit))
}

/// `toWorkingImage` by a given box-averaging `factor` (≥ 1), e.g. a multiple of
/// `workingImageFactor` for a coarser look at the same grid.
func toWorkingImage(_ gray: GrayImage, factor: Int) -> FloatImage {
    let factor = max(1, factor)
    let blockWidth = min(factor, gray.width), blockHeight = min(factor, gray.height)
    let width = max(1, gray.width / factor), height = max(1, gray.height / factor)
    let scale = 1 / (255 * Float(blockWidth * blockHeight))
    if factor == 1 {
        // Same arithmetic as the general loop (`Float(sum) * scale` with one pixel per sum).
        let pixels = [Float](unsafeUninitializedCapacity: gray.luma.count) { dst, initialised in
            gray.luma.withUnsafeBufferPointer { src in
                for i in 0..<src.count { dst[i] = Float(Int(src[i])) * scale }
            }
            initialised = gray.luma.count
        }
        return FloatImage(width: width, height: height, pixels: pixels)
    }
    var out = FloatImage(width: width, height: height)
    gray.luma.withUnsafeBufferPointer { src in
        out.pixels.withUnsafeMutableBufferPointer { dst in
            if factor == 2 && blockWidth == 2 && blockHeight == 2 {
                // The common 2×2 block (a number photo's first look) unrolled; integer sums are exact.
                for y in 0..<height {
                    let top = 2 * y * gray.width, bottom = top + gray.width
                    for x in 0..<width {
                        let sum = Int(src[top + 2 * x]) + Int(src[top + 2 * x + 1])
                            + Int(src[bottom + 2 * x]) + Int(src[bottom + 2 * x + 1])
                        dst[y * width + x] = Float(sum) * scale
                    }
                }
                return
            }
            for y in 0..<height {
                for x in 0..<width {
                    var sum = 0
                    for dy in 0..<blockHeight {
                        let row = (y * factor + dy) * gray.width + x * factor
                        for dx in 0..<blockWidth { sum += Int(src[row + dx]) }
                    }
                    dst[y * width + x] = Float(sum) * scale
                }
            }
        }
    }
    return out
}

/// The box-averaging factor of `toWorkingImage`: the smallest integer that brings the longer
/// side of a `width × height` image to at most `limit` px (1 for an empty image).
func workingImageFactor(width: Int, height: Int, limit: Int = workingLongSideLimit) -> Int {
    max(1, (max(width, height) + limit - 1) / limit)
}
