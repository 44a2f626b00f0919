import Foundation

/// The smallest rectangle, at any whole-degree angle, around the pixels of `mask` (w×h, each a
/// unit square): its area and sides in pixels; `nil` when the mask is empty.
func smallestEnclosingRectangle(_ mask: [Bool], width: Int, height: Int)
    -> (area: Float, shorterSide: Float, longerSide: Float)? {
    // Only the pixels on the mask's outline can bound it.
    var outline: [(Float, Float)] = []
    for y in 0..<height {
        for x in 0..<width where mask[y * width + x] {
            let isOutline = x == 0 || y == 0 || x == width - 1 || y == height - 1
                || !mask[y * width + x - 1] || !mask[y * width + x + 1]
                || !mask[(y - 1) * width + x] || !mask[(y + 1) * width + x]
            if isOutline { outline.append((Float(x), Float(y))) }
        }
    }
    guard !outline.isEmpty else { return nil }
    var best: (area: Float, shorterSide: Float, longerSide: Float)?
    for degrees in stride(from: -45, to: 45, by: 1) {
        let angle = Float(degrees) * .pi / 180
        let (c, s) = (cos(angle), sin(angle))
        var minU = Float.infinity, maxU = -Float.infinity, minV = Float.infinity, maxV = -Float.infinity
        for (x, y) in outline {
            let u = c * x + s * y, v = c * y - s * x
            minU = min(minU, u); maxU = max(maxU, u); minV = min(minV, v); maxV = max(maxV, v)
        }
        // Pixel centres span one pixel less than the squares they stand for.
        let (a, b) = (maxU - minU + 1, maxV - minV + 1)
        if best == nil || a * b < best!.area { best = (a * b, min(a, b), max(a, b)) }
    }
    return best
}
