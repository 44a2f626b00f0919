/// The picture inside a form field's box when the field was cut with a dark surround, and where
/// its top left pixel lies in `image` (w×h, 0 = black … 1 = white); `nil` otherwise.
///
/// Why: a small field cut with its box's thick, blurred lines and what lay just outside them (the
/// next field's lines, the form's shadow, a dark table) is dark along every edge and in every
/// corner, so its frame is judged light ink on dark paper (`inkIsDark`), and a box found only by
/// the lenient judgement then does not count (`enclosingBox`): a light digit on black cut close has
/// dark margins all round that pass for such a box. Read whole, the frame's dark surround and the
/// digit's fringe set the noise floor above the digit ("no digit found" on a clear 6).
///
/// The box counts here when its inside, judged on its own, is dark ink on light paper (`inkIsDark`)
/// and its four lines run dark from corner to corner (`linesRunCornerToCorner`): a bold digit cut
/// to its box has light paper inside its loops too, and its outer strokes pass for lines along the
/// middle of each side, but they curve away from the frame's edge toward its corners (a quarter of
/// their length or more on a bold 8 or 3 cut close). `preprocess` asks only when the whole frame
/// gave no digit: a light digit on black whose margins and strokes are straight enough to pass for
/// such a box is read whole, as before.
func fieldInDarkSurround(_ image: FloatImage) -> (image: FloatImage, origin: (x: Int, y: Int))? {
    guard let box = enclosingBox(image, tolerance: .lenient), !inkIsDark(image) else { return nil }
    let inside = image.cropped(to: box.inside)
    let lineLevel = boxLineLevel(paperInside: paperLevel(inside: inside), lines: box.lines)
    guard linesRunCornerToCorner(image, box.lines, darkerThan: lineLevel), inkIsDark(inside) else { return nil }
    return field(inside: box, of: image)
}

/// Whether each of `lines` (top, bottom, left, right; `boxSideLine`) is darker than `level`, within
/// 1 px of where it lies, at `cornerToCornerShare` of the positions between the two lines that
/// cross it: a printed box's line runs from corner to corner (a stroke across it only darkens it;
/// JPEG noise or a drop-out grey may leave a few gaps), a bold digit's outer stroke does not.
func linesRunCornerToCorner(_ image: FloatImage, _ lines: [BoxSideLine], darkerThan level: Float) -> Bool {
    let (width, height) = (image.width, image.height)
    return lines.allSatisfy { line in
        let alongCount = line.side.isHorizontal ? width : height
        // Where the crossing lines meet this one, in its along coordinate.
        let across = line.side.coordinate(ofDepth: line.depth(at: Float(alongCount - 1) / 2), width: width, height: height)
        let ends = lines.filter { $0.side.isHorizontal != line.side.isHorizontal }
            .map { $0.side.coordinate(ofDepth: $0.depth(at: across), width: width, height: height) }
        guard let low = ends.min(), let high = ends.max(), low.isFinite, high.isFinite,
              line.offset.isFinite, line.slope.isFinite else { return false }
        let first = max(0, Int(low.rounded())), last = min(alongCount - 1, Int(high.rounded()))
        guard last > first else { return false }
        let dark = (first...last).filter { along in
            (-1...1).contains { offset in
                let depth = line.depth(at: Float(along)) + Float(offset)
                let at = Int(line.side.coordinate(ofDepth: depth, width: width, height: height).rounded())
                let value = line.side.isHorizontal ? image[along, min(height - 1, max(0, at))]
                                                   : image[min(width - 1, max(0, at)), along]
                return value <= level
            }
        }.count
        return Float(dark) >= cornerToCornerShare * Float(last - first + 1)
    }
}

/// The share of a box's line, from corner to corner, that must be dark (`linesRunCornerToCorner`).
let cornerToCornerShare: Float = 0.9
