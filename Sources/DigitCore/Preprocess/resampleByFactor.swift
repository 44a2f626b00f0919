/// Box-average `image` by `factor` in both directions (the last block of a row or column may be
/// partial; it is averaged over the pixels it has). Output `ceil(w / f) × ceil(h / f)`.
func downsample(_ image: FloatImage, by factor: Int) -> FloatImage {
    guard factor > 1 else { return image }
    let width = (image.width + factor - 1) / factor, height = (image.height + factor - 1) / factor
    let sourceWidth = image.width, sourceHeight = image.height
    let whole = sourceWidth / factor   // blocks of full width in a row; a last, partial one follows
    // Rows streamed into per-block sums: each block's pixels are still added row by row, left to
    // right, from 0 (the order of `downsampleReference`, so the sums are bit-identical), with the
    // common factors 2 and 4 unrolled and no per-pixel divisions or bounds checks.
    var pixels = [Float](repeating: 0, count: width * height)
    pixels.withUnsafeMutableBufferPointer { dst in
        image.pixels.withUnsafeBufferPointer { src in
            guard let source = src.baseAddress, let target = dst.baseAddress else { return }
            for by in 0..<height {
                let y0 = by * factor, y1 = min(sourceHeight, y0 + factor)
                let out = target + by * width
                for y in y0..<y1 {
                    let row = source + y * sourceWidth
                    switch factor {
                    case 2:
                        for bx in 0..<whole {
                            var sum = out[bx]
                            sum += row[2 * bx]; sum += row[2 * bx + 1]
                            out[bx] = sum
                        }
                    case 4:
                        for bx in 0..<whole {
                            var sum = out[bx]
                            sum += row[4 * bx]; sum += row[4 * bx + 1]; sum += row[4 * bx + 2]; sum += row[4 * bx + 3]
                            out[bx] = sum
                        }
                    default:
                        for bx in 0..<whole {
                            var sum = out[bx]
                            for x in (bx * factor)..<(bx * factor + factor) { sum += row[x] }
                            out[bx] = sum
                        }
                    }
                    if whole < width {
                        var sum = out[whole]
                        for x in (whole * factor)..<sourceWidth { sum += row[x] }
                        out[whole] = sum
                    }
                }
                for bx in 0..<width {
                    let x0 = bx * factor, x1 = min(sourceWidth, x0 + factor)
                    out[bx] = out[bx] / Float((y1 - y0) * (x1 - x0))
                }
            }
        }
    }
    return FloatImage(width: width, height: height, pixels: pixels)
}

/// Plain reference for `downsample` (tests only): per-pixel accumulation into block sums.
func downsampleReference(_ image: FloatImage, by factor: Int) -> FloatImage {
    guard factor > 1 else { return image }
    let width = (image.width + factor - 1) / factor, height = (image.height + factor - 1) / factor
    var sums = [Float](repeating: 0, count: width * height)
    var counts = [Float](repeating: 0, count: width * height)
    for y in 0..<image.height {
        for x in 0..<image.width {
            sums[(y / factor) * width + x / factor] += image.pixels[y * image.width + x]
            counts[(y / factor) * width + x / factor] += 1
        }
    }
    for i in 0..<sums.count { sums[i] /= counts[i] }
    return FloatImage(width: width, height: height, pixels: sums)
}

/// The inverse of `downsample`: bilinear interpolation of `small` back to `width × height`,
/// small pixel `j` being centred on full-resolution coordinate `j·f + (f − 1) / 2`.
func upsample(_ small: FloatImage, by factor: Int, width: Int, height: Int) -> FloatImage {
    guard factor > 1 else { return small }
    var out = FloatImage(width: width, height: height)
    let offset = Float(factor - 1) / 2, inverse = 1 / Float(factor)
    // Per column: left neighbour and weight (same for every row).
    var left = [Int](repeating: 0, count: width), weight = [Float](repeating: 0, count: width)
    for x in 0..<width {
        let sx = min(Float(small.width - 1), max(0, (Float(x) - offset) * inverse))
        left[x] = min(small.width - 2, Int(sx)); weight[x] = sx - Float(max(0, left[x]))
        if small.width == 1 { left[x] = 0; weight[x] = 0 }
    }
    small.pixels.withUnsafeBufferPointer { src in
        out.pixels.withUnsafeMutableBufferPointer { dst in
            for y in 0..<height {
                let sy = min(Float(small.height - 1), max(0, (Float(y) - offset) * inverse))
                let top = small.height == 1 ? 0 : min(small.height - 2, Int(sy))
                let fy = small.height == 1 ? 0 : sy - Float(top)
                let bottom = small.height == 1 ? 0 : top + 1
                for x in 0..<width {
                    let l = left[x], r = small.width == 1 ? 0 : l + 1, fx = weight[x]
                    let a = src[top * small.width + l] * (1 - fx) + src[top * small.width + r] * fx
                    let b = src[bottom * small.width + l] * (1 - fx) + src[bottom * small.width + r] * fx
                    dst[y * width + x] = a * (1 - fy) + b * fy
                }
            }
        }
    }
    return out
}

/// The factor by which large-scale estimates (background, local mean) are computed on a
/// smaller copy: the smallest that brings the longer side to at most 128 px (64–128 px).
func coarseFactor(width: Int, height: Int) -> Int {
    max(1, (max(width, height) + 127) / 128)
}

/// `image` box-averaged by `coarseFactor`: the copy large-scale judgements (polarity) are made on.
func coarseCopy(_ image: FloatImage) -> FloatImage {
    downsample(image, by: coarseFactor(width: image.width, height: image.height))
}
