/// Minimum (erosion) or maximum (dilation) over a `(2r+1)×(2r+1)` square window, clipped
/// to the image. Separable, van Herk / Gil–Werman: O(1) per pixel whatever `radius`.
enum RankExtreme { case minimum, maximum }

func squareFilter(_ image: FloatImage, radius: Int, _ extreme: RankExtreme) -> FloatImage {
    guard radius > 0, image.count > 0 else { return image }
    let rows = extremeRows(image.pixels, width: image.width, height: image.height, radius: radius, extreme)
    let transposed = transpose(rows, width: image.width, height: image.height)
    let columns = extremeRows(transposed, width: image.height, height: image.width, radius: radius, extreme)
    return FloatImage(width: image.width, height: image.height,
                      pixels: transpose(columns, width: image.height, height: image.width))
}

/// van Herk / Gil–Werman along each row: block prefix and suffix extremes, window = 2r+1.
private func extremeRows(_ pixels: [Float], width: Int, height: Int, radius: Int,
                         _ extreme: RankExtreme) -> [Float] {
    extreme == .minimum
        ? extremeRows(pixels, width: width, height: height, radius: radius, pad: .infinity, combine: Swift.min)
        : extremeRows(pixels, width: width, height: height, radius: radius, pad: -.infinity, combine: Swift.max)
}

@inline(__always)
private func extremeRows(_ pixels: [Float], width: Int, height: Int, radius: Int, pad: Float,
                         combine: (Float, Float) -> Float) -> [Float] {
    let window = 2 * radius + 1
    // Padded row: radius pad values on each side, rounded up to whole blocks.
    let padded = ((width + 2 * radius + window - 1) / window) * window
    var line = [Float](repeating: pad, count: padded)
    var prefix = [Float](repeating: pad, count: padded)
    var suffix = [Float](repeating: pad, count: padded)
    var out = [Float](repeating: 0, count: pixels.count)
    pixels.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            line.withUnsafeMutableBufferPointer { line in
                prefix.withUnsafeMutableBufferPointer { prefix in
                    suffix.withUnsafeMutableBufferPointer { suffix in
                        for y in 0..<height {
                            let row = y * width
                            for x in 0..<width { line[x + radius] = src[row + x] }
                            var start = 0
                            while start < padded {
                                let end = start + window
                                prefix[start] = line[start]
                                for i in (start + 1)..<end { prefix[i] = combine(prefix[i - 1], line[i]) }
                                suffix[end - 1] = line[end - 1]
                                var i = end - 2
                                while i >= start { suffix[i] = combine(suffix[i + 1], line[i]); i -= 1 }
                                start = end
                            }
                            // Window in padded coordinates for output x: [x, x + 2r].
                            for x in 0..<width { dst[row + x] = combine(suffix[x], prefix[x + window - 1]) }
                        }
                    }
                }
            }
        }
    }
    return out
}

/// Plain reference for `squareFilter` (O(r²) per pixel; tests only).
func squareFilterReference(_ image: FloatImage, radius: Int, _ extreme: RankExtreme) -> FloatImage {
    var out = image
    for y in 0..<image.height {
        for x in 0..<image.width {
            var value: Float = extreme == .minimum ? .infinity : -.infinity
            for yy in max(0, y - radius)...min(image.height - 1, y + radius) {
                for xx in max(0, x - radius)...min(image.width - 1, x + radius) {
                    value = extreme == .minimum ? min(value, image[xx, yy]) : max(value, image[xx, yy])
                }
            }
            out[x, y] = value
        }
    }
    return out
}
