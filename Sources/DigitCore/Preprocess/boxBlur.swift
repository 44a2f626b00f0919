/// Mean over a `(2r+1)×(2r+1)` window, edges handled by shrinking the window to the image
/// (each output is the mean of the in-image pixels of its window). Separable running sums:
/// O(1) per pixel whatever `radius`.
func boxBlur(_ image: FloatImage, radius: Int) -> FloatImage {
    guard radius > 0, image.count > 0 else { return image }
    let horizontal = boxBlurRows(image.pixels, width: image.width, height: image.height, radius: radius)
    let transposed = transpose(horizontal, width: image.width, height: image.height)
    let vertical = boxBlurRows(transposed, width: image.height, height: image.width, radius: radius)
    return FloatImage(width: image.width, height: image.height,
                      pixels: transpose(vertical, width: image.height, height: image.width))
}

/// Running-sum window mean along each row.
private func boxBlurRows(_ pixels: [Float], width: Int, height: Int, radius: Int) -> [Float] {
    var out = [Float](repeating: 0, count: pixels.count)
    pixels.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for y in 0..<height {
                let row = y * width
                // Sums in Double so long rows do not drift.
                var sum = 0.0
                var lo = 0, hi = -1   // current window [lo, hi]
                for x in 0..<width {
                    let wantHi = min(width - 1, x + radius), wantLo = max(0, x - radius)
                    while hi < wantHi { hi += 1; sum += Double(src[row + hi]) }
                    while lo < wantLo { sum -= Double(src[row + lo]); lo += 1 }
                    dst[row + x] = Float(sum) / Float(hi - lo + 1)
                }
            }
        }
    }
    return out
}

/// Plain reference for `boxBlur`: the window mean computed pixel by pixel (O(r²) per pixel; tests only).
func boxBlurReference(_ image: FloatImage, radius: Int) -> FloatImage {
    var out = image
    for y in 0..<image.height {
        for x in 0..<image.width {
            var sum: Float = 0
            var n = 0
            for yy in max(0, y - radius)...min(image.height - 1, y + radius) {
                for xx in max(0, x - radius)...min(image.width - 1, x + radius) {
                    sum += image[xx, yy]
                    n += 1
                }
            }
            out[x, y] = sum / Float(n)
        }
    }
    return out
}
