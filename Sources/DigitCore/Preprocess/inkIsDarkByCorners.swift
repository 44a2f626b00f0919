/// Whether the ink is dark, judged by the frame's corners, when neither dark nor bright is a small
/// minority; `nil` when that does not decide.
///
/// A bold digit cut to its box (a marker digit, a thumbnail of one) may cover more of the frame
/// than the paper does, and meet the frame's edge along most of it, so the skew and edge votes
/// of `inkIsDark` all take the paper for ink. Its corners are still paper: a digit's strokes are
/// rounded or end inside the frame, and at most one side is a bar (a 7's, a 5's), which leaves
/// two corners at most to the ink. So when Otsu's split of `image` (0…1, 0 = black) has two
/// classes each covering at least `ambiguousShare` of the frame and at least `clearContrast`
/// apart in mean, and at least three of the four corners (squares an eighth of the shorter side)
/// fall in one class, that class is paper.
///
/// A scanner's dark strips along two sides, or a dark surround, darken every corner of a page
/// whose paper is the majority; so the corners must tell the same after the rows and columns at
/// the edge that are 90% one class (strips, surrounds, margins) are trimmed away, where the
/// strips' corners give way to the paper's (`trimmedToMixedEdges`). `nil` when fewer than three
/// corners agree, on the whole frame or the trimmed one, or when they disagree.
func inkIsDarkByCorners(_ image: FloatImage) -> Bool? {
    let threshold = otsuThreshold(histogram(image.pixels))
    var darkCount = 0, darkSum: Float = 0, brightSum: Float = 0
    for v in image.pixels {
        if v < threshold { darkCount += 1; darkSum += v } else { brightSum += v }
    }
    let brightCount = image.count - darkCount
    guard darkCount > 0, brightCount > 0,
          Float(min(darkCount, brightCount)) >= ambiguousShare * Float(image.count),
          brightSum / Float(brightCount) - darkSum / Float(darkCount) >= clearContrast else { return nil }
    guard classChangeRate(image, threshold: threshold) < maximumClassChangeRate else { return nil }
    let whole = PixelBox(x: 0, y: 0, width: image.width, height: image.height)
    guard let paperIsBright = cornersAgree(image, in: whole, threshold: threshold),
          cornersAgree(image, in: trimmedToMixedEdges(image, threshold: threshold), threshold: threshold)
            == paperIsBright else { return nil }
    return paperIsBright
}

/// The smallest share of the frame the minority class must cover for `inkIsDarkByCorners` to
/// judge (MNIST's digits cover a fifth of their frame, their fringe included).
let ambiguousShare: Float = 0.3

/// The least difference between the two classes' means for `inkIsDarkByCorners` (0…1): ink on
/// paper, not the two halves of a lighting gradient or of noise.
let clearContrast: Float = 0.4

/// The largest share of horizontally neighbouring pixels in different classes for
/// `inkIsDarkByCorners`: a digit's rows cross its strokes a few times (an 8's row 24 px wide, 4
/// changes in 23 pairs), random noise whose minority is 30% of the pixels or more changes class in
/// 42% of them.
let maximumClassChangeRate: Float = 0.3

/// The share of horizontally neighbouring pixel pairs of `image` on different sides of `threshold`.
func classChangeRate(_ image: FloatImage, threshold: Float) -> Float {
    var changes = 0
    for y in 0..<image.height {
        for x in 1..<max(1, image.width) where (image[x, y] < threshold) != (image[x - 1, y] < threshold) { changes += 1 }
    }
    return Float(changes) / Float(max(1, image.height * (image.width - 1)))
}

/// Whether at least three of the four corner squares of `box` in `image` (an eighth of its shorter
/// side) are bright (mean at or above `threshold`): `true`; at least three dark: `false`; else `nil`.
func cornersAgree(_ image: FloatImage, in box: PixelBox, threshold: Float) -> Bool? {
    let side = max(1, min(box.width, box.height) / 8)
    let right = box.x + box.width - side, bottom = box.y + box.height - side
    var bright = 0
    for (x0, y0) in [(box.x, box.y), (right, box.y), (box.x, bottom), (right, bottom)] {
        var sum: Float = 0
        for y in y0..<(y0 + side) { for x in x0..<(x0 + side) { sum += image[x, y] } }
        if sum >= threshold * Float(side * side) { bright += 1 }
    }
    return bright >= 3 ? true : bright <= 1 ? false : nil
}

/// `image`'s frame with its outermost rows and columns removed, side by side, while they are 90%
/// or more one class (below or at/above `threshold`): margins, a scanner's strips, a surround.
/// At least 5×5 px is kept.
func trimmedToMixedEdges(_ image: FloatImage, threshold: Float) -> PixelBox {
    var x0 = 0, x1 = image.width - 1, y0 = 0, y1 = image.height - 1
    func isOneClass(_ darkCount: Int, of count: Int) -> Bool { darkCount * 10 >= count * 9 || darkCount * 10 <= count }
    func rowIsOneClass(_ y: Int) -> Bool { isOneClass((x0...x1).filter { image[$0, y] < threshold }.count, of: x1 - x0 + 1) }
    func columnIsOneClass(_ x: Int) -> Bool { isOneClass((y0...y1).filter { image[x, $0] < threshold }.count, of: y1 - y0 + 1) }
    var trimmed = true
    while trimmed && x1 - x0 >= 4 && y1 - y0 >= 4 {
        trimmed = false
        if rowIsOneClass(y0) { y0 += 1; trimmed = true }
        if rowIsOneClass(y1) { y1 -= 1; trimmed = true }
        if columnIsOneClass(x0) { x0 += 1; trimmed = true }
        if columnIsOneClass(x1) { x1 -= 1; trimmed = true }
    }
    return PixelBox(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
}
