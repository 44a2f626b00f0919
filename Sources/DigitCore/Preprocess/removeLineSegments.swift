/// Finds the printed line segments in `mask` (`findLineSegments` on both axes, the vertical search
/// without the horizontal lines' pixels; `printedLineSegments` decides) and paints them out of
/// `image`. Where a digit's stroke crosses or lies along a line, the ink across the line is
/// thicker than a printed line, so those pixels are not on the line and stay: the stroke stays
/// whole. Returns the cleaned image, the segments removed (their geometry only: `pixels` empty),
/// and the insides of the boxes they drew (`printedRectangles` among them, a ruled line a possible
/// side).
func removeLineSegments(_ image: FloatImage, mask: InkMask, ruledLines: [LineSegment] = [],
                        rules: LineSegmentRules = LineSegmentRules())
    -> (image: FloatImage, segments: [LineSegment], boxes: [PixelBox]) {
    let horizontal = findLineSegments(mask, axis: .horizontal, rules: rules)
    var withoutHorizontal = mask
    for segment in horizontal { for i in segment.pixels { withoutHorizontal.bits[i] = false } }
    let vertical = findLineSegments(withoutHorizontal, axis: .vertical, rules: rules)
    let printed = printedLineSegments(horizontal + vertical, printedContext: ruledLines, mask: mask, rules: rules)
    guard !printed.isEmpty else { return (image, [], []) }
    var cleaned = image
    for segment in printed where segment.axis == .horizontal { inpaintAcross(&cleaned, segment, mask: mask) }
    for segment in printed where segment.axis == .vertical { inpaintAcross(&cleaned, segment, mask: withoutHorizontal) }
    let boxes = printedRectangles(printed, printedContext: ruledLines, rules: rules).map(\.inside)
    return (cleaned, printed.map { var line = $0; line.pixels = []; return line }, boxes)
}

/// Paints `segment` out of `image`: at each along position, the run of `mask` ink across the line
/// that holds the segment's pixels, widened by one pixel each side (the anti-aliased edge), is
/// replaced by the straight interpolation between the pixels just beyond it.
func inpaintAcross(_ image: inout FloatImage, _ segment: LineSegment, mask: InkMask) {
    let width = image.width, axis = segment.axis
    let acrossCount = axis.acrossCount(width: width, height: image.height)
    var done = Set<Int>()   // along positions · acrossCount + run start, painted already
    for i in segment.pixels {
        let along = axis == .horizontal ? i % width : i / width
        var first = axis == .horizontal ? i / width : i % width
        var last = first
        while first > 0 && mask.bits[axis.index(along: along, across: first - 1, width: width)] { first -= 1 }
        while last < acrossCount - 1 && mask.bits[axis.index(along: along, across: last + 1, width: width)] { last += 1 }
        guard done.insert(along * acrossCount + first).inserted else { continue }
        let before = first - 2, after = last + 2
        let hasBefore = before >= 0, hasAfter = after < acrossCount
        let valueBefore = hasBefore ? image.pixels[axis.index(along: along, across: before, width: width)]
                                    : (hasAfter ? image.pixels[axis.index(along: along, across: after, width: width)] : 0)
        let valueAfter = hasAfter ? image.pixels[axis.index(along: along, across: after, width: width)] : valueBefore
        for c in max(0, first - 1)...min(acrossCount - 1, last + 1) {
            let t = Float(c - before) / Float(after - before)
            image.pixels[axis.index(along: along, across: c, width: width)] = valueBefore + (valueAfter - valueBefore) * t
        }
    }
}
