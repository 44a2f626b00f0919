import Foundation

/// Which way a printed line runs: along x (`horizontal`, within ±5°) or along y (`vertical`).
/// `along` is the coordinate that runs with the line, `across` the one that crosses it.
enum LineAxis: Sendable {
    case horizontal, vertical

    /// Pixel index of (along, across) in a row-major image `width` wide.
    @inline(__always) func index(along a: Int, across c: Int, width: Int) -> Int {
        self == .horizontal ? c * width + a : a * width + c
    }

    func alongCount(width: Int, height: Int) -> Int { self == .horizontal ? width : height }
    func acrossCount(width: Int, height: Int) -> Int { self == .horizontal ? height : width }
}

/// A straight, thin piece of ink at an axis angle (±5°): a printed rule, a box's side, a comb's
/// tick. In the axis's own coordinates (`along`, `across`), px.
struct LineSegment: Equatable, Sendable {
    var axis: LineAxis
    /// The along-range it covers (inclusive) and the line's across position at each end.
    var start: Int, end: Int
    var acrossAtStart: Float, acrossAtEnd: Float
    /// Mean thickness across the line (px, in the low mask).
    var thickness: Float
    /// Pixel indices (row-major, in the image) on the line.
    var pixels: [Int]

    var length: Int { end - start + 1 }
    /// Length over thickness: a printed line is many times longer than it is thick.
    var elongation: Float { Float(length) / max(1, thickness) }
    /// Slope of across over along.
    var slope: Float { (acrossAtEnd - acrossAtStart) / Float(max(1, end - start)) }
    /// (x, y) of its ends.
    var endpoints: [(x: Float, y: Float)] {
        axis == .horizontal ? [(Float(start), acrossAtStart), (Float(end), acrossAtEnd)]
                            : [(acrossAtStart, Float(start)), (acrossAtEnd, Float(end))]
    }
    /// Its across position at along position `a` (extrapolated beyond its ends).
    func across(at a: Float) -> Float { acrossAtStart + slope * (a - Float(start)) }
}

/// What makes a run of ink a printed line.
struct LineSegmentRules: Sendable {
    /// Printed rules are 0.1–0.5 mm: 1–6 px at 100–300 dpi, up to about 12 once blurred into the
    /// low mask. A pen stroke at the resolution where a digit is drawn is thicker than this
    /// except on small images, where the elongation rules below keep it.
    var maximumThickness = 12
    /// The shortest run taken for a line at all (px), and the least elongation (length over
    /// thickness) of a candidate: a comb's tick may be as short as 4 thicknesses.
    var minimumLength = 12
    var candidateElongation: Float = 4
    /// The least elongation of a line in an arrangement of joined lines (`printedLineSegments`):
    /// a digit's strokes (MNIST's are about a tenth of the digit's height thick) are shorter
    /// than 8 thicknesses, except a long thin 1, which has no such joins.
    var arrangementElongation: Float = 8
    /// A line this many times longer than thick, and at least `printedLength` px long, is
    /// printed wherever it is (an underline, a ruled line, a box's side on its own): no digit
    /// stroke is 18 thicknesses long, except a 1 drawn 1 px wide (a 1-bit MNIST digit), which is
    /// at most MNIST's 20-px box long.
    var printedElongation: Float = 18
    var printedLength = 24
    /// A line this many times longer than thick may stray from its fitted line at lone positions
    /// and still be straight (`isStraight`): twice `printedElongation`. A 7's bar in a thin
    /// handwriting font is `printedElongation` thicknesses long, and only its slight bend keeps it
    /// from being taken for print (allowed lone strays at 18, four 7s of `bench/numbers` were
    /// read as 1s, their bars painted out).
    var strayingElongation: Float = 36
    /// Slopes tried: −5°…5° in half degrees (forms and scans are skewed up to ±5°).
    var slopes: [Float] = stride(from: -5.0, through: 5.0, by: 0.5).map { Float(tan($0 * .pi / 180)) }
    /// Whether the slope search skips thin pixels in chain groups too short to hold a run
    /// (`keepingLongChainGroups`). It changes nothing found, only the cost; off only to check that.
    var skipsShortChainGroups = true
}

/// Per pixel of `mask`: the length of the run of ink across `axis` (the column for a
/// horizontal line) that holds it, when that run is at most `maximumThickness` long; 0 for
/// background and for pixels in longer runs (a stroke crossing or lying along the line, a blob).
/// Also the indices of those thin pixels, ascending across position within each along position
/// (row by row for a vertical line, run by run down each column for a horizontal one).
func thinRunLengths(_ mask: InkMask, axis: LineAxis, maximumThickness: Int) -> (lengths: [UInt8], pixels: [Int]) {
    let width = mask.width, height = mask.height
    var lengths = [UInt8](repeating: 0, count: width * height)
    var pixels: [Int] = []
    // Row by row (memory order) in both cases: across runs of a horizontal line are columns,
    // followed with one open run per column. Eight bytes of background at a time are skipped
    // (a page is mostly background).
    mask.bits.withUnsafeBufferPointer { bits in
        let bytes = UnsafeRawBufferPointer(bits)
        @inline(__always) func isEmpty8(_ i: Int) -> Bool { bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) == 0 }
        lengths.withUnsafeMutableBufferPointer { lengths in
            func closeRun(from first: Int, to last: Int, step: Int) {
                let length = (last - first) / step + 1
                guard length <= maximumThickness else { return }
                var i = first
                while i <= last { lengths[i] = UInt8(length); pixels.append(i); i += step }
            }
            if axis == .vertical {
                for y in 0..<height {
                    let row = y * width
                    var runStart = -1
                    var x = 0
                    while x < width {
                        if runStart < 0 && x + 8 <= width && isEmpty8(row + x) { x += 8; continue }
                        if bits[row + x] { if runStart < 0 { runStart = x } } else if runStart >= 0 {
                            closeRun(from: row + runStart, to: row + x - 1, step: 1); runStart = -1
                        }
                        x += 1
                    }
                    if runStart >= 0 { closeRun(from: row + runStart, to: row + width - 1, step: 1) }
                }
            } else {
                var runStarts = [Int](repeating: -1, count: width)
                runStarts.withUnsafeMutableBufferPointer { runStart in
                    for y in 0...height {
                        let row = y * width
                        var x = 0
                        while x < width {
                            // Eight columns without ink here and in the row before: no run open or ending.
                            if x + 8 <= width && (y == height || isEmpty8(row + x)) && (y == 0 || isEmpty8(row - width + x)) {
                                x += 8; continue
                            }
                            let ink = y < height && bits[row + x]
                            if ink { if runStart[x] < 0 { runStart[x] = y } } else if runStart[x] >= 0 {
                                closeRun(from: runStart[x] * width + x, to: (y - 1) * width + x, step: width); runStart[x] = -1
                            }
                            x += 1
                        }
                    }
                }
            }
        }
    }
    return (lengths, pixels)
}

/// The straight thin lines along `axis` in `mask`: runs of thin pixels (`thinRunLengths`) that
/// stay in one band of a sheared row at one of the rules' slopes for at least `minimumLength`
/// and `candidateElongation` thicknesses, at least 80% filled (a gap of up to two pixels is
/// bridged). The pixels of all such runs are grouped into 8-connected segments.
func findLineSegments(_ mask: InkMask, axis: LineAxis, rules: LineSegmentRules = LineSegmentRules()) -> [LineSegment] {
    let width = mask.width, height = mask.height
    let alongCount = axis.alongCount(width: width, height: height)
    let acrossCount = axis.acrossCount(width: width, height: height)
    guard alongCount >= rules.minimumLength, acrossCount >= 1 else { return [] }
    let (thin, thinPixels) = thinRunLengths(mask, axis: axis, maximumThickness: rules.maximumThickness)
    // Thin pixels in along order (a counting sort by along position).
    var perAlong = [Int](repeating: 0, count: alongCount + 1)
    for i in thinPixels {
        let a = axis == .horizontal ? i % width : i / width
        perAlong[a + 1] += 1
    }
    for a in 0..<alongCount { perAlong[a + 1] += perAlong[a] }
    guard perAlong[alongCount] >= rules.minimumLength else { return [] }
    var order = [Int32](repeating: 0, count: perAlong[alongCount])   // across position, grouped by along
    var fill = perAlong
    for i in thinPixels {
        let a = axis == .horizontal ? i % width : i / width, c = axis == .horizontal ? i / width : i % width
        order[fill[a]] = Int32(c); fill[a] += 1
    }
    // Only pixels whose chain group is long enough can be on a run (`keepingLongChainGroups`).
    let gap = 2
    let largestSlope = rules.slopes.map { abs($0) }.max() ?? 0
    if rules.skipsShortChainGroups {
        (order, perAlong) = keepingLongChainGroups(order, perAlong: perAlong, alongReach: gap + 1,
                                                   acrossReach: Int(largestSlope * Float(gap + 1)) + 1, rules: rules)
    }
    guard perAlong[alongCount] > 0 else { return [] }
    // Sheared rows: bin = across + shift(along), shift = round(−slope · (along − centre)) + pad.
    let centre = Float(alongCount) / 2
    let pad = Int((0.09 * Float(alongCount)).rounded(.up)) + 1   // tan 5° ≈ 0.0875
    let binCount = acrossCount + 2 * pad
    // Per sheared row (bin): the open run's first along position (−1: none), its last along
    // position, its pixel count and its thickness sum, four Ints per bin.
    var bins = [Int](repeating: 0, count: 4 * binCount)
    var onLine = [Bool](repeating: false, count: width * height)
    var marked: [Int] = []   // the onLine pixels, in the order marked
    thin.withUnsafeBufferPointer { thin in
    order.withUnsafeBufferPointer { order in
    perAlong.withUnsafeBufferPointer { perAlong in
    bins.withUnsafeMutableBufferPointer { bins in
    onLine.withUnsafeMutableBufferPointer { onLine in
        for slope in rules.slopes {
            for bin in 0..<binCount { bins[4 * bin] = -1 }
            func close(_ bin: Int) {
                let start = bins[4 * bin], end = bins[4 * bin + 1], filled = bins[4 * bin + 2]
                bins[4 * bin] = -1
                guard start >= 0 else { return }
                let length = end - start + 1
                let meanThickness = Float(bins[4 * bin + 3]) / Float(filled)
                guard length >= rules.minimumLength, Float(length) >= rules.candidateElongation * meanThickness,
                      filled * 5 >= length * 4 else { return }
                // Mark the run's pixels.
                for a in start...end {
                    let c = bin - (roundedHalfAway(-slope * (Float(a) - centre)) + pad)
                    guard c >= 0, c < acrossCount else { continue }
                    let i = axis.index(along: a, across: c, width: width)
                    if thin[i] > 0 && !onLine[i] { onLine[i] = true; marked.append(i) }
                }
            }
            for a in 0..<alongCount where perAlong[a] < perAlong[a + 1] {
                let shift = roundedHalfAway(-slope * (Float(a) - centre)) + pad
                for k in perAlong[a]..<perAlong[a + 1] {
                    let c = Int(order[k]), bin = c + shift
                    let thickness = Int(thin[axis.index(along: a, across: c, width: width)])
                    if bins[4 * bin] >= 0 && bins[4 * bin + 1] >= a - 1 - gap {
                        bins[4 * bin + 1] = a; bins[4 * bin + 2] += 1; bins[4 * bin + 3] += thickness
                    } else {
                        close(bin)
                        bins[4 * bin] = a; bins[4 * bin + 1] = a; bins[4 * bin + 2] = 1; bins[4 * bin + 3] = thickness
                    }
                }
            }
            for bin in 0..<binCount where bins[4 * bin] >= 0 { close(bin) }
        }
    }}}}}
    guard !marked.isEmpty else { return [] }
    marked.sort()
    return joinCollinear(lineSegments(onLine, seeds: marked, thin: thin, axis: axis, width: width, height: height), mask: mask)
        .compactMap { segment in
            isStraight(segment, width: width, acrossCount: acrossCount, rules: rules) ? segment
                : withoutStrayingStretches(segment, width: width, acrossCount: acrossCount, rules: rules)
        }
}

/// A segment that is not straight (`isStraight`) without the stretches where it strays (each
/// straying position and two on either side), when the rest is still a printed line: the segment
/// at least twice `printedLength` long, every stretch kept at least `minimumLength`, and what they
/// make together printed by length alone (`printedElongation` thicknesses, `printedLength` px) and
/// straight; `nil` otherwise. Its pixels are the kept stretches' (nothing is painted where it
/// strayed), its ends the outermost stretches'.
///
/// Why: a digit written on an answer line joins it where its foot rests on it or its tail crosses
/// it at a shallow angle, and the line's centre follows the stroke over that stretch. The whole
/// line was dropped as not straight: it stayed under the digit, joined to it (a 9 was read with
/// the line, or refused), and the digit was judged without the line it stands on.
func withoutStrayingStretches(_ segment: LineSegment, width: Int, acrossCount: Int,
                              rules: LineSegmentRules = LineSegmentRules()) -> LineSegment? {
    let count = segment.length
    guard count >= 2 * rules.printedLength else { return nil }
    let strays = strayPositions(segment, width: width, acrossCount: acrossCount)
    var kept = [Bool](repeating: true, count: count)
    for k in strays.indices where strays[k] != 0 {
        for j in max(0, k - 2)...min(count - 1, k + 2) { kept[j] = false }
    }
    // Stretches shorter than `minimumLength` between straying ones are dropped too.
    var k = 0
    while k < count {
        guard kept[k] else { k += 1; continue }
        var end = k
        while end + 1 < count && kept[end + 1] { end += 1 }
        if end - k + 1 < rules.minimumLength { for j in k...end { kept[j] = false } }
        k = end + 1
    }
    let along = { (i: Int) in segment.axis == .horizontal ? i % width : i / width }
    let pixels = segment.pixels.filter { kept[along($0) - segment.start] }
    guard !pixels.isEmpty else { return nil }
    let line = centreLine(pixels, axis: segment.axis, width: width)
    let positions = kept.filter { $0 }.count
    let rest = LineSegment(axis: segment.axis, start: line.start, end: line.end, acrossAtStart: line.acrossAtStart,
                           acrossAtEnd: line.acrossAtEnd, thickness: Float(pixels.count) / Float(positions),
                           pixels: pixels)
    guard Float(positions) >= rules.printedElongation * rest.thickness, positions >= rules.printedLength,
          isStraight(rest, width: width, acrossCount: acrossCount, rules: rules) else { return nil }
    return rest
}

/// The thin pixels (`order`: across positions, grouped by along position as `perAlong` delimits,
/// ascending within a group) that lie in a chain group long enough to hold a run: the search
/// chains pixels of one sheared row that are 1…`alongReach` along positions apart, and at the
/// slopes tried two such pixels are at most `acrossReach` across positions apart (1 for 3
/// positions at tan 5°: the shear's rounded shifts differ by at most 1); so every run lies inside
/// one connected group of thin pixels linked that way, and a group spanning fewer than `minimumLength` along positions, or with fewer pixels than
/// the run's 80% fill needs, holds none. Dropping those groups (noise specks, texture, most of
/// a photo's thin pixels) leaves every other group's runs, and so the result, unchanged.
/// Returns the kept pixels in the same layout.
func keepingLongChainGroups(_ order: [Int32], perAlong: [Int], alongReach: Int, acrossReach: Int,
                            rules: LineSegmentRules) -> (order: [Int32], perAlong: [Int]) {
    let count = order.count, alongCount = perAlong.count - 1
    guard count > 0 else { return (order, perAlong) }
    var parent = [Int32](repeating: 0, count: count)
    order.withUnsafeBufferPointer { order in
        parent.withUnsafeMutableBufferPointer { parent in
            for k in 0..<count { parent[k] = Int32(k) }
            func root(_ k: Int) -> Int {
                var k = k
                while Int(parent[k]) != k { let p = Int(parent[k]); parent[k] = parent[p]; k = p }
                return k
            }
            func union(_ i: Int, _ j: Int) {
                let ri = root(i), rj = root(j)
                if ri != rj { parent[max(ri, rj)] = Int32(min(ri, rj)) }
            }
            for a in 0..<alongCount where perAlong[a] < perAlong[a + 1] {
                let first = perAlong[a], last = perAlong[a + 1]
                // Groups 1…alongReach along positions back: both lists ascending, walked together
                // (pixels at one along position are never consecutive in a chain).
                for back in 1...max(1, alongReach) where a - back >= 0 {
                    var p = perAlong[a - back]
                    let pEnd = perAlong[a - back + 1]
                    guard p < pEnd else { continue }
                    for k in first..<last {
                        let c = order[k]
                        while p < pEnd && Int(order[p]) < Int(c) - acrossReach { p += 1 }
                        var q = p
                        while q < pEnd && Int(order[q]) <= Int(c) + acrossReach { union(k, q); q += 1 }
                        if p == pEnd { break }
                    }
                }
            }
        }
    }
    // Along extent and size of each group (at its root).
    var lowest = [Int32](repeating: Int32.max, count: count), highest = [Int32](repeating: -1, count: count)
    var size = [Int32](repeating: 0, count: count)
    var groupOf = [Int32](repeating: 0, count: count)
    for a in 0..<alongCount {
        for k in perAlong[a]..<perAlong[a + 1] {
            var r = Int(parent[k])
            while Int(parent[r]) != r { r = Int(parent[r]) }
            groupOf[k] = Int32(r)
            lowest[r] = min(lowest[r], Int32(a)); highest[r] = max(highest[r], Int32(a)); size[r] += 1
        }
    }
    let minimumFill = (4 * rules.minimumLength + 4) / 5   // ⌈80% of the shortest run⌉
    var keptOrder: [Int32] = []
    keptOrder.reserveCapacity(count)
    var keptPerAlong = [Int](repeating: 0, count: alongCount + 1)
    for a in 0..<alongCount {
        for k in perAlong[a]..<perAlong[a + 1] {
            let r = Int(groupOf[k])
            if Int(highest[r] - lowest[r]) + 1 >= rules.minimumLength && Int(size[r]) >= minimumFill {
                keptOrder.append(order[k])
            }
        }
        keptPerAlong[a + 1] = keptOrder.count
    }
    return (keptOrder, keptPerAlong)
}

/// `Int(x.rounded())` (halves away from zero) without the library call, for |x| < 2²³ (a shear's
/// shift): below that the truncation and the fraction left are both exact in Float.
@inline(__always) func roundedHalfAway(_ x: Float) -> Int {
    let whole = Int(x), fraction = x - Float(whole)
    return fraction >= 0.5 ? whole + 1 : (fraction <= -0.5 ? whole - 1 : whole)
}

/// Whether a segment is as straight as print: the centre of its pixels at each along position but
/// the outermost at either end (where it meets a corner or a crossing) stays within a third of its
/// thickness (at least 1 px) of its least-squares line (`centreLine`): ⅔ of the half thickness
/// once allowed from the chord, since a curve strays ⅔ as far from its fitted line as from its
/// chord. A digit's curve (the side of a 0) or a wobbling handwritten stroke runs inside a band as
/// thick as its stroke for a while, but bends away from its line by more than that. Along positions
/// where the line touches the image's edge across it (`acrossCount`: the image's height for a
/// horizontal line) are not judged: a skewed line leaving the frame through that edge is cut there,
/// and the centre of what is left of it moves away from the edge. (The ends are judged beyond
/// their outermost position: where a curve leaves the line's band, only a sliver of it stays in
/// the band, as at a box's corner, and the sliver's offset is what tells the curve.)
///
/// A line twice as long for its thickness as a printed line must be (`rules`' `strayingElongation`
/// and `printedLength`) may stray at lone positions (`isolatedStrays`): a faint
/// underline breaks up in the low mask, and a stroke crossing it adds a pixel to a column or two.
/// A curve strays over a stretch, so two neighbouring positions straying the same way, or a stray
/// within two positions of an end, still make the segment not straight.
func isStraight(_ segment: LineSegment, width: Int, acrossCount: Int, rules: LineSegmentRules = LineSegmentRules()) -> Bool {
    let count = segment.length
    let strays = strayPositions(segment, width: width, acrossCount: acrossCount)
    let mayStray = segment.elongation >= rules.strayingElongation && segment.length >= rules.printedLength
    guard mayStray else { return !strays.contains { $0 != 0 } }
    return isolatedStrays(strays).map { $0 * 20 <= count } ?? false
}

/// Per along position of `segment` (0…length − 1): −1 or 1 where the centre of its pixels there
/// strays from its line by more than `isStraight`'s tolerance to that side, else 0 (and 0 at the
/// outermost positions, where there are none, and where it touches the image's edge across it).
func strayPositions(_ segment: LineSegment, width: Int, acrossCount: Int) -> [Int] {
    let count = segment.length
    var sums = [Float](repeating: 0, count: count), counts = [Int](repeating: 0, count: count)
    var clipped = [Bool](repeating: false, count: count)
    for i in segment.pixels {
        let along = segment.axis == .horizontal ? i % width : i / width
        let across = segment.axis == .horizontal ? i / width : i % width
        sums[along - segment.start] += Float(across); counts[along - segment.start] += 1
        if across == 0 || across == acrossCount - 1 { clipped[along - segment.start] = true }
    }
    let tolerance = max(1.5, 0.5 * segment.thickness) * 2 / 3
    var strays = [Int](repeating: 0, count: count)
    for k in 1..<max(1, count - 1) where counts[k] > 0 && !clipped[k] {
        let offset = sums[k] / Float(counts[k]) - segment.across(at: Float(segment.start + k))
        if abs(offset) > tolerance { strays[k] = offset > 0 ? 1 : -1 }
    }
    return strays
}

/// How many positions of `strays` (per along position: −1, 0 or 1, as `isStraight` marks them)
/// stray alone: not within two positions of either end, and with neither neighbour straying the
/// same way; `nil` when any stray is not alone.
func isolatedStrays(_ strays: [Int]) -> Int? {
    let count = strays.count
    var isolated = 0
    for k in strays.indices where strays[k] != 0 {
        guard k > 2, k < count - 3, strays[k - 1] != strays[k], strays[k + 1] != strays[k] else { return nil }
        isolated += 1
    }
    return isolated
}

/// `segments` (on one axis) with collinear pieces joined: a line is cut wherever something
/// crosses it (a comb's tick, a box's wall, a digit's stroke: the ink across the line is thick
/// there) and a dotted line is all gaps. Two pieces are one line when each, extended, meets the
/// other's end within half a thickness and 1.5 px, and the gap between them is at most three
/// thicknesses of the thinner piece and 2 px or is ink all the way along the line (a crossing
/// stroke, however wide). The thinner piece's: a line cut by a crossing stroke is as thick on both
/// sides, while a short thick piece in line with a thin line (a label's letter above a box's side)
/// bridged a gap as wide as three of its own thicknesses, and the joined line, crooked, was dropped:
/// the box's side stayed and was read as a 1 on empty forms.
func joinCollinear(_ segments: [LineSegment], mask: InkMask) -> [LineSegment] {
    // In order of their starts, each piece extends the latest line it continues (one pass).
    var lines: [LineSegment] = []
    for b in segments.sorted(by: { $0.start < $1.start }) {
        let k = lines.lastIndex { a in
            let thickness = max(a.thickness, b.thickness)
            let gap = b.start - a.end
            guard gap >= 1 else { return false }
            let reach = thickness / 2 + 1.5
            guard abs(a.across(at: Float(b.start)) - b.acrossAtStart) <= reach,
                  abs(b.across(at: Float(a.end)) - a.acrossAtEnd) <= reach else { return false }
            return Float(gap) <= 3 * min(a.thickness, b.thickness) + 2
                || inkAlong(a, from: a.end + 1, to: b.start - 1, mask: mask)
        }
        guard let k else { lines.append(b); continue }
        let a = lines[k]
        let lengths = Float(a.length + b.length)
        let pixels = a.pixels + b.pixels
        let line = centreLine(pixels, axis: a.axis, width: mask.width)
        lines[k] = LineSegment(axis: a.axis, start: line.start, end: line.end,
                               acrossAtStart: line.acrossAtStart, acrossAtEnd: line.acrossAtEnd,
                               thickness: (a.thickness * Float(a.length) + b.thickness * Float(b.length)) / lengths,
                               pixels: pixels)
    }
    return lines
}

/// The 8-connected groups of `onLine` pixels (`seeds`: all of them, ascending) as segments, in the
/// order of their first pixels: along extent, across position at each end (`centreLine`), mean
/// thin-run length.
private func lineSegments(_ onLine: [Bool], seeds: [Int], thin: [UInt8], axis: LineAxis, width: Int, height: Int) -> [LineSegment] {
    var seen = [Bool](repeating: false, count: onLine.count)
    var segments: [LineSegment] = []
    var queue: [Int] = []
    for seedIndex in seeds where !seen[seedIndex] {
        seen[seedIndex] = true
        queue.removeAll(keepingCapacity: true)
        queue.append(seedIndex)
        var head = 0
        while head < queue.count {
            let i = queue[head]; head += 1
            let x = i % width, y = i / width
            for ny in max(0, y - 1)...min(height - 1, y + 1) {
                for nx in max(0, x - 1)...min(width - 1, x + 1) {
                    let j = ny * width + nx
                    if onLine[j] && !seen[j] { seen[j] = true; queue.append(j) }
                }
            }
        }
        var thicknessSum = 0
        for i in queue { thicknessSum += Int(thin[i]) }
        let line = centreLine(queue, axis: axis, width: width)
        segments.append(LineSegment(axis: axis, start: line.start, end: line.end,
                                    acrossAtStart: line.acrossAtStart, acrossAtEnd: line.acrossAtEnd,
                                    thickness: Float(thicknessSum) / Float(queue.count), pixels: queue))
    }
    return segments
}

/// The straight line through the centres of `pixels` (row-major indices in an image `width` wide)
/// across `axis`: the along-range they cover and the least-squares line through the centre of the
/// pixels at each along position (every position weighs the same), given at the range's ends. A
/// line's ends are where it meets other ink (a box's corner, a crossing stroke), so the centre of
/// its end positions alone drifts by a pixel or two; on a short line that tilts the chord
/// by degrees.
func centreLine(_ pixels: [Int], axis: LineAxis, width: Int) -> (start: Int, end: Int, acrossAtStart: Float, acrossAtEnd: Float) {
    func along(_ i: Int) -> Int { axis == .horizontal ? i % width : i / width }
    func across(_ i: Int) -> Int { axis == .horizontal ? i / width : i % width }
    var start = Int.max, end = Int.min
    for i in pixels { start = min(start, along(i)); end = max(end, along(i)) }
    guard start <= end else { return (0, -1, 0, 0) }
    var sums = [Float](repeating: 0, count: end - start + 1), counts = sums
    for i in pixels { sums[along(i) - start] += Float(across(i)); counts[along(i) - start] += 1 }
    var n: Float = 0, sumT: Float = 0, sumC: Float = 0
    for k in sums.indices where counts[k] > 0 { n += 1; sumT += Float(k); sumC += sums[k] / counts[k] }
    let meanT = sumT / n, meanC = sumC / n
    var covariance: Float = 0, variance: Float = 0
    for k in sums.indices where counts[k] > 0 {
        let t = Float(k) - meanT
        covariance += t * (sums[k] / counts[k] - meanC); variance += t * t
    }
    let slope = variance > 0 ? covariance / variance : 0
    return (start, end, meanC - slope * meanT, meanC + slope * (Float(end - start) - meanT))
}

/// Whether `mask` has ink on `segment`'s line (extended) at every along position in `from…to`.
func inkAlong(_ segment: LineSegment, from: Int, to: Int, mask: InkMask) -> Bool {
    guard from <= to else { return true }
    let acrossCount = segment.axis.acrossCount(width: mask.width, height: mask.height)
    for a in from...to {
        let c = Int(segment.across(at: Float(a)).rounded())
        guard c >= 0, c < acrossCount, mask.bits[segment.axis.index(along: a, across: c, width: mask.width)] else { return false }
    }
    return true
}
