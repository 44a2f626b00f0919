/// Which of the line segments found (`findLineSegments`, both axes) are printed structure rather
/// than a digit's strokes; `printedContext` are lines known to be printed (the ruled lines painted
/// out before), used only for the joins. A segment is printed when
/// - it is longer than `printedElongation` thicknesses and `printedLength` px (an underline, a
///   stretch of ruled line, a box's side: no digit stroke is that long for its width); or
/// - it is longer than `arrangementElongation` thicknesses and belongs to an arrangement of at
///   least three such segments joined end to line at right angles (a box's corners, the cells
///   of a row of boxes); a 7 (bar and stem) or a 4 gives at most two such joins among strokes
///   that are both thin and within 5° of the axes; or
/// - it is a side of a rectangle (`rectangleSides`): a box whose sides the digit touching them,
///   or blur thickening them, cut into pieces too short for the rules above; or
/// - it has a parallel twin (slopes within 1°, lengths within 15%, thicknesses within 30% or 1 px,
///   covering the same range along their own direction) and an end on a printed line: a comb's ticks on its baseline,
///   the walls of a row of boxes between its top and bottom lines. Printing repeats a shape
///   exactly; two handwritten strokes are rarely that alike. When that line is a ruled line
///   (`printedContext`), two twins are needed (three alike): the two sides of a tall 0 on ruled
///   paper are mirror twins that may end near a line the 0 crosses; or one twin, when the segment
///   runs from one ruled line to another (`spansBetweenLines`: a comb's walls between its top and
///   bottom lines, once those were taken for ruled lines). Three alike may differ in slope by
///   as much as one pixel over their length (`1 / length`, more than 1° under 57 px): a short
///   tick's measured slope moves by that much where it joins its baseline, while two strokes of
///   one number (a 1 and a 4's stem on one comb) can be within that of each other, but not three.
func printedLineSegments(_ segments: [LineSegment], printedContext: [LineSegment] = [],
                         mask: InkMask? = nil, rules: LineSegmentRules = LineSegmentRules()) -> [LineSegment] {
    let count = segments.count
    guard count > 0 else { return [] }
    var parent = Array(0..<count)
    func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    var printed = segments.map { $0.elongation >= rules.printedElongation && $0.length >= rules.printedLength }
    let arranged = segments.map { $0.elongation >= rules.arrangementElongation }
    var twins = [Int](repeating: 0, count: count), looseTwins = [Int](repeating: 0, count: count)
    for i in 0..<count {
        for j in (i + 1)..<max(i + 1, count) {
            let a = segments[i], b = segments[j]
            if a.axis != b.axis {
                if arranged[i] && arranged[j] && (endMeetsLine(a, b, mask: mask) || endMeetsLine(b, a, mask: mask)) { parent[root(i)] = root(j) }
            } else if areTwins(a, b, slopeTolerance: alikeSlopeTolerance(a, b)) {
                looseTwins[i] += 1; looseTwins[j] += 1
                if abs(a.slope - b.slope) <= twinSlopeTolerance { twins[i] += 1; twins[j] += 1 }
            }
        }
    }
    var groupSize = [Int](repeating: 0, count: count)
    for i in 0..<count where arranged[i] { groupSize[root(i)] += 1 }
    for i in 0..<count where arranged[i] && groupSize[root(i)] >= 3 { printed[i] = true }
    for i in rectangleSides(segments, printedContext: printedContext) { printed[i] = true }
    let printedLines = segments.indices.filter { printed[$0] }.map { segments[$0] }
    for i in 0..<count where !printed[i] && (twins[i] > 0 || looseTwins[i] >= 2) {
        func meets(_ line: LineSegment) -> Bool { line.axis != segments[i].axis && endMeetsLine(segments[i], line) }
        let threeAlike = looseTwins[i] >= 2
        if printedLines.contains(where: meets) || (threeAlike && printedContext.contains(where: meets))
            || (twins[i] > 0 && spansBetweenLines(segments[i], printedContext)) {
            printed[i] = true
        }
    }
    return segments.indices.filter { printed[$0] }.map { segments[$0] }
}

/// Whether `segment` runs from one of `lines` to another: each of its ends touches a different
/// perpendicular line (within half of both thicknesses and 2 px of its centre, and within its
/// along-range), as a comb's wall or a table's rule runs from the ruled line above to the one
/// below. Touches, not only comes near (`endMeetsLine`): the straight sides of a 0 in a box
/// stop short of the box where they curve into its top and bottom.
func spansBetweenLines(_ segment: LineSegment, _ lines: [LineSegment]) -> Bool {
    let perpendicular = lines.filter { $0.axis != segment.axis }
    guard perpendicular.count >= 2 else { return false }
    func touched(at end: (x: Float, y: Float)) -> [Int] {
        perpendicular.indices.filter { k in
            let line = perpendicular[k]
            return acrossOffset(of: end, from: line, within: (segment.thickness + line.thickness) / 2 + 2) != nil
        }
    }
    let ends = segment.endpoints
    let atStart = touched(at: ends[0]), atEnd = touched(at: ends[1])
    return atStart.contains { s in atEnd.contains { $0 != s } }
}

/// Whether an end of `a` lies on `b` (perpendicular): within both thicknesses and 2 px
/// of `b`'s line, and of `b`'s along-range; and, given the `mask` they were found in, joined to
/// it by ink all the way along `a`'s line from that end to `b`'s (`inkAlong`). Printed lines that
/// meet touch; a digit's stroke that stops short of a box, a 1 a few pixels under its top side, is
/// near it only, however thick the blur has made both.
func endMeetsLine(_ a: LineSegment, _ b: LineSegment, mask: InkMask? = nil) -> Bool {
    for (k, end) in a.endpoints.enumerated() {
        guard let offset = acrossOffset(of: end, from: b, within: a.thickness + b.thickness + 2) else { continue }
        guard let mask else { return true }
        let endAlong = k == 0 ? a.start : a.end
        let alongCount = a.axis.alongCount(width: mask.width, height: mask.height)
        let lineAlong = min(alongCount - 1, max(0, Int((Float(endAlong) - offset).rounded())))
        if inkAlong(a, from: min(endAlong, lineAlong), to: max(endAlong, lineAlong), mask: mask) { return true }
    }
    return false
}

/// How far `end` (x, y) lies from `line`'s centre line, across it (signed: from the line to the
/// point), when it is within `reach` of the line and of its along-range; `nil` otherwise.
func acrossOffset(of end: (x: Float, y: Float), from line: LineSegment, within reach: Float) -> Float? {
    let (along, across) = line.axis == .horizontal ? (end.x, end.y) : (end.y, end.x)
    guard along >= Float(line.start) - reach, along <= Float(line.end) + reach else { return nil }
    let offset = across - line.across(at: along)
    return abs(offset) <= reach ? offset : nil
}

/// How far the slopes of twins may differ (tan 1°).
let twinSlopeTolerance: Float = 0.0175

/// How far the slopes of three segments alike may differ (`printedLineSegments`): one pixel over
/// the shorter's length, at least `twinSlopeTolerance`.
func alikeSlopeTolerance(_ a: LineSegment, _ b: LineSegment) -> Float {
    max(twinSlopeTolerance, 1 / Float(min(a.length, b.length)))
}

/// Whether two segments on one axis are printed copies of each other (see `printedLineSegments`).
func areTwins(_ a: LineSegment, _ b: LineSegment, slopeTolerance: Float = twinSlopeTolerance) -> Bool {
    guard abs(a.slope - b.slope) <= slopeTolerance else { return false }
    let shorter = Float(min(a.length, b.length)), longer = Float(max(a.length, b.length))
    guard shorter >= 0.85 * longer else { return false }
    guard abs(a.thickness - b.thickness) <= max(1, 0.3 * max(a.thickness, b.thickness)) else { return false }
    // Compared along the lines' own direction, not the image axis: on a comb skewed by θ the
    // ticks' ends shift by tan θ per pixel across the comb, so far ticks cover different rows.
    let slope = (a.slope + b.slope) / 2
    let rangeA = alongRange(a, slope: slope), rangeB = alongRange(b, slope: slope)
    let overlap = min(rangeA.upperBound, rangeB.upperBound) - max(rangeA.lowerBound, rangeB.lowerBound) + 1
    return overlap >= 0.85 * shorter
}

/// The range (px) that `segment` covers along the direction of `slope` (across over along): its
/// ends projected on that unit vector, so copies of one printed line rotated together cover the
/// same range wherever they are in the image.
func alongRange(_ segment: LineSegment, slope: Float) -> ClosedRange<Float> {
    let scale = 1 / (1 + slope * slope).squareRoot()
    let ends = segment.endpoints.map { end -> Float in
        let (along, across) = segment.axis == .horizontal ? (end.x, end.y) : (end.y, end.x)
        return (along + slope * across) * scale
    }
    return min(ends[0], ends[1])...max(ends[0], ends[1])
}

/// The indices of `segments` that are sides of a rectangle (`printedRectangles`).
func rectangleSides(_ segments: [LineSegment], printedContext: [LineSegment] = [],
                    rules: LineSegmentRules = LineSegmentRules()) -> [Int] {
    Set(printedRectangles(segments, printedContext: printedContext, rules: rules).flatMap(\.sides)).sorted()
}

/// A rectangle drawn with printed lines (`printedRectangles`): a form's box.
struct PrintedRectangle: Equatable, Sendable {
    /// The indices of its sides in the segments searched (a context line is not among them).
    var sides: [Int]
    /// Between its sides' centre lines, taken halfway along each pair (px, in the image).
    var inside: PixelBox
}

/// The rectangles among `segments`: two parallel horizontal segments and two
/// parallel vertical ones (slopes within `rectangleSlopeTolerance`, the pairs at right angles within
/// it too), at least `minimumLength` px apart each way, each lying on its side of the rectangle
/// (within its extent, give or take the sides' thickness and 2 px) and covering
/// `rectangleSideCover` of it, with at least three of the four corners closed (both sides meeting
/// there reach it). One side may be a line of `printedContext` (a ruled line the box's side was
/// found as, spanning the frame), which covers its side and closes its corners. A box drawn on a
/// page is such a figure even where the digit inside touches a side, cutting it short, or blur
/// thickens its lines past `arrangementElongation`; a digit's strokes are not: no digit has four
/// straight sides at right angles. Searched only among at most `rectangleSearchLimit` segments
/// each way (more is texture, or a grid whose lines were found as ruled lines).
func printedRectangles(_ segments: [LineSegment], printedContext: [LineSegment] = [],
                       rules: LineSegmentRules = LineSegmentRules()) -> [PrintedRectangle] {
    // (index in `segments`, or nil for a context line; the line)
    var horizontal: [(index: Int?, line: LineSegment)] = [], vertical: [(index: Int?, line: LineSegment)] = []
    for (i, segment) in segments.enumerated() {
        if segment.axis == .horizontal { horizontal.append((i, segment)) } else { vertical.append((i, segment)) }
    }
    guard horizontal.count >= 1, vertical.count >= 1,
          horizontal.count <= rectangleSearchLimit, vertical.count <= rectangleSearchLimit else { return [] }
    for line in printedContext { if line.axis == .horizontal { horizontal.append((nil, line)) } else { vertical.append((nil, line)) } }
    /// Pairs of parallel lines, the first above (left of) the second.
    func parallelPairs(_ lines: [(index: Int?, line: LineSegment)]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for a in lines.indices {
            for b in lines.indices where b != a && lines[a].line.middleAcross < lines[b].line.middleAcross
                && abs(lines[a].line.slope - lines[b].line.slope) <= rectangleSlopeTolerance
                && (lines[a].index != nil || lines[b].index != nil) {
                pairs.append((a, b))
            }
        }
        return pairs
    }
    let horizontalPairs = parallelPairs(horizontal), verticalPairs = parallelPairs(vertical)
    var rectangles: [PrintedRectangle] = []
    for (t, b) in horizontalPairs {
        let top = horizontal[t], bottom = horizontal[b]
        for (l, r) in verticalPairs {
            let left = vertical[l], right = vertical[r]
            let four = [top, bottom, left, right]
            guard four.filter({ $0.index == nil }).count <= 1,
                  abs(left.line.slope + top.line.slope) <= rectangleSlopeTolerance else { continue }
            // The rectangle's extent, each way halfway along the other pair.
            let middleX = (left.line.middleAcross + right.line.middleAcross) / 2
            let yTop = top.line.across(at: middleX), yBottom = bottom.line.across(at: middleX)
            let middleY = (yTop + yBottom) / 2
            let xLeft = left.line.across(at: middleY), xRight = right.line.across(at: middleY)
            guard xRight - xLeft >= Float(rules.minimumLength), yBottom - yTop >= Float(rules.minimumLength) else { continue }
            let reach = four.map { $0.line.thickness }.max()! + 2
            func liesOnSide(_ side: (index: Int?, line: LineSegment), from low: Float, to high: Float) -> Bool {
                side.index == nil || (Float(side.line.start) >= low - reach && Float(side.line.end) <= high + reach
                                      && Float(side.line.length) >= rectangleSideCover * (high - low))
            }
            guard liesOnSide(top, from: xLeft, to: xRight), liesOnSide(bottom, from: xLeft, to: xRight),
                  liesOnSide(left, from: yTop, to: yBottom), liesOnSide(right, from: yTop, to: yBottom) else { continue }
            func reaches(_ side: (index: Int?, line: LineSegment), start: Bool, _ corner: Float) -> Bool {
                side.index == nil || abs(Float(start ? side.line.start : side.line.end) - corner) <= reach
            }
            let closedCorners = [reaches(top, start: true, xLeft) && reaches(left, start: true, yTop),
                                 reaches(top, start: false, xRight) && reaches(right, start: true, yTop),
                                 reaches(bottom, start: true, xLeft) && reaches(left, start: false, yBottom),
                                 reaches(bottom, start: false, xRight) && reaches(right, start: false, yBottom)]
            guard closedCorners.filter({ $0 }).count >= 3 else { continue }
            let (minX, minY) = (Int(xLeft.rounded(.up)), Int(yTop.rounded(.up)))
            rectangles.append(PrintedRectangle(sides: four.compactMap(\.index),
                                               inside: PixelBox(x: minX, y: minY, width: Int(xRight) - minX + 1,
                                                                height: Int(yBottom) - minY + 1)))
        }
    }
    return rectangles
}

/// How far the slopes of a rectangle's parallel sides, and of its two pairs from a right angle,
/// may differ (tan 2°: a photographed box is drawn in perspective).
let rectangleSlopeTolerance: Float = 0.035

/// The share of its side of the rectangle a side must cover (`rectangleSides`).
let rectangleSideCover: Float = 0.6

/// The most segments each way among which `rectangleSides` looks for a rectangle.
let rectangleSearchLimit = 40

extension LineSegment {
    /// Its across position halfway along it.
    var middleAcross: Float { across(at: Float(start + end) / 2) }
}
