@testable import DigitCore

/// The number of holes in the ink of `image`: 4-connected regions of background (`< level`)
/// that do not touch the image's edge (ink is 8-connected, so a diagonal gap does not open a loop).
func countHoles(_ image: FloatImage, level: Float = 0.5) -> Int {
    let w = image.width, h = image.height
    guard w > 0, h > 0 else { return 0 }
    var seen = [Bool](repeating: false, count: w * h)
    var stack: [Int] = []
    var holes = 0
    for start in 0..<(w * h) where !seen[start] && image.pixels[start] < level {
        seen[start] = true
        stack.append(start)
        var touchesEdge = false
        while let i = stack.popLast() {
            let x = i % w, y = i / w
            if x == 0 || y == 0 || x == w - 1 || y == h - 1 { touchesEdge = true }
            for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
            where nx >= 0 && ny >= 0 && nx < w && ny < h {
                let j = ny * w + nx
                if !seen[j] && image.pixels[j] < level { seen[j] = true; stack.append(j) }
            }
        }
        if !touchesEdge { holes += 1 }
    }
    return holes
}
