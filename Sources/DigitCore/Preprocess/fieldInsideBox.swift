import Foundation

/// The printed box that encloses the whole picture (a form field cut out with its box, by hand or
/// by a form reader): its inside and its four lines (top, bottom, left, right), or `nil` when
/// there is none.
///
/// `image` (w×h, 0 = black … 1 = white, before polarity). Why: a field cut to its box leaves the
/// box's sides a few pixels from every edge, and they and their blurred fringe cover a third of a
/// small frame or more. The page's measures assume paper around a digit: the polarity judged by the
/// frame's edge took the dark box for paper and the paper inside for ink, and the noise estimate
/// (from the upper quartile) came out above the digit ("no digit found" on a clear 8). Read inside
/// the box (`fieldInsideBox`), the digit has paper around it again.
///
/// A box is four thin, straight dark lines, one along each side (`boxSideLine`), that meet at the
/// corners (`hasInkAtCorner`: a digit cut to its ink box leaves its frame's corners empty) and end
/// there (`sideRunsPastCorner`: ruled and grid lines run on to the frame's edge), with paper
/// inside: lighter than every line by `minimumLineContrast`, and paper in three of the inside's
/// four corners, all four on a frame under `smallFieldSide` px (`hasPaperInCorners`: white ink on
/// black has dark "lines" of paper all round a light, bold digit, whose frame's corners are dark
/// paper again), and lines at least four times as dark as the paper inside varies from pixel to
/// pixel (in noise, the first dark pixel from every edge lines up too). `inside`: `boxInteriorMargin` px inside the lines' inner edges where
/// they lie deepest (a skewed box's corners), at least half of the frame each way. Frames from
/// `minimumFieldSide` px: a field cut out of a form scanned at 60–100 dpi is 15–25 px.
///
/// A box found only by the `lenient` judgement (`BoxTolerance`: a photographed field's blurred,
/// faint lines, a line the crop cuts off, a stroke across a line) counts when the picture is dark
/// ink on light paper (`inkIsDark`); a light digit on black, cut close, has dark paper all round
/// that passes for a thick box by those measures, and its box must pass the `strict` judgement;
/// unless `acceptingLightInk` is false: then such a picture has no box at all.
func enclosingBox(_ image: FloatImage, acceptingLightInk: Bool = true) -> (inside: PixelBox, lines: [BoxSideLine])? {
    guard let box = enclosingBox(image, tolerance: .lenient) else { return nil }
    if inkIsDark(image) { return box }
    return acceptingLightInk ? enclosingBox(image, tolerance: .strict) : nil
}

/// `enclosingBox` under one `tolerance`.
func enclosingBox(_ image: FloatImage, tolerance: BoxTolerance) -> (inside: PixelBox, lines: [BoxSideLine])? {
    let (width, height) = (image.width, image.height)
    guard width >= minimumFieldSide, height >= minimumFieldSide else { return nil }
    var lines: [BoxSideLine] = []
    for side in BoxSide.allCases {
        guard let line = boxSideLine(image, side: side, tolerance: tolerance) else { return nil }
        lines.append(line)
    }
    let (top, bottom, left, right) = (lines[0], lines[1], lines[2], lines[3])
    let inside = PixelBox(x: left.deepest + boxInteriorMargin, y: top.deepest + boxInteriorMargin,
                          width: width - left.deepest - right.deepest - 2 * boxInteriorMargin,
                          height: height - top.deepest - bottom.deepest - 2 * boxInteriorMargin)
    guard inside.width * 2 >= width, inside.height * 2 >= height else { return nil }
    // Paper inside: lighter than every line, and in the inside's corners.
    let insidePixels = image.cropped(to: inside)
    let paperInside = paperLevel(inside: insidePixels)
    guard lines.allSatisfy({ paperInside - $0.darkness >= tolerance.insideContrast }) else { return nil }
    let lineLevel = boxLineLevel(paperInside: paperInside, lines: lines)
    let paperCorners = min(width, height) < smallFieldSide ? 4 : 3
    guard hasPaperInCorners(insidePixels, lighterThan: lineLevel, atLeast: paperCorners) else { return nil }
    // Lines far darker than the paper varies from pixel to pixel.
    let variation = medianNeighbourDifference(insidePixels)
    guard lines.allSatisfy({ $0.contrast >= 4 * variation }) else { return nil }
    // Lines that end at the corners.
    guard !sideRunsPastCorner(image, lines, darkerThan: lineLevel) else { return nil }
    // The lines meet at the corners.
    let corners = [(left, top), (right, top), (left, bottom), (right, bottom)]
    guard corners.allSatisfy({ hasInkAtCorner(image, $0.0, $0.1, darkerThan: paperInside - tolerance.insideContrast) })
    else { return nil }
    return (inside, lines)
}

/// The paper inside a box: the median of `inside` (its picture within the lines, 0…1).
func paperLevel(inside: FloatImage) -> Float {
    quantile(histogram(inside.pixels), 0.5)
}

/// Halfway between the paper inside a box and its lightest line (0…1): what is darker is line or
/// ink (`hasPaperInCorners`, `sideRunsPastCorner`, `linesRunCornerToCorner`).
func boxLineLevel(paperInside: Float, lines: [BoxSideLine]) -> Float {
    (paperInside + (lines.map { $0.darkness }.max() ?? 0)) / 2
}

/// The smallest frame (px, each way) `enclosingBox` looks for a box in.
let minimumFieldSide = 12

/// Frames narrower than this (px) need paper in all four of the inside's corners, not three: a
/// bold white digit cut close on black, 17 px wide, fills three of them with its light strokes.
let smallFieldSide = 24

/// Whether at least `count` of the four corners of `inside` (a square an eighth of its shorter
/// side, 3 px at least) are on average lighter than `level`: paper, as a box's inside is. The
/// median tone of the whole picture was asked before, but on a small field the box and its
/// blurred fringe cover half the frame or more, and the median lands in the fringe.
func hasPaperInCorners(_ inside: FloatImage, lighterThan level: Float, atLeast count: Int) -> Bool {
    let (width, height) = (inside.width, inside.height)
    let k = max(3, min(width, height) / 8)
    guard width >= k, height >= k else { return false }
    let origins = [(0, 0), (width - k, 0), (0, height - k), (width - k, height - k)]
    let light = origins.filter { (x0, y0) in
        var sum: Float = 0
        for y in y0..<(y0 + k) { for x in x0..<(x0 + k) { sum += inside[x, y] } }
        return sum / Float(k * k) > level
    }
    return light.count >= count
}

/// Whether one of `lines` (top, bottom, left, right) runs on past a line that crosses it, out to
/// the frame's edge: darker than `level` at 80% of the positions between the edge and the
/// crossing line's outer side (when at least 3 px lie there). A box's sides end at its corners;
/// ruled and grid lines cross and run on, and four of them near the edges of a page look like a box.
func sideRunsPastCorner(_ image: FloatImage, _ lines: [BoxSideLine], darkerThan level: Float) -> Bool {
    let (width, height) = (image.width, image.height)
    /// The pixel on `line` at `along` (x for top and bottom, y for left and right).
    func pixel(on line: BoxSideLine, at along: Int) -> Float {
        let depth = line.depth(at: Float(along)).rounded()
        let across = Int(line.side.coordinate(ofDepth: depth, width: width, height: height))
        return line.side.isHorizontal ? image[along, min(height - 1, max(0, across))]
                                      : image[min(width - 1, max(0, across)), along]
    }
    for line in lines {
        let alongCount = line.side.isHorizontal ? width : height
        // Where `line` lies, in the crossing lines' along coordinate (y for a horizontal line).
        let across = line.side.coordinate(ofDepth: line.depth(at: Float(alongCount - 1) / 2), width: width, height: height)
        for crossing in lines where crossing.side.isHorizontal != line.side.isHorizontal {
            let outerSide = Int((crossing.depth(at: across) - crossing.reach - 2).rounded(.down))
            guard outerSide >= 3 else { continue }
            let nearStart = crossing.side == .left || crossing.side == .top
            let positions = nearStart ? 0..<outerSide : (alongCount - outerSide)..<alongCount
            let dark = positions.filter { pixel(on: line, at: $0) <= level }.count
            if dark * 10 >= positions.count * 8 { return true }
        }
    }
    return false
}

/// Whether there is a pixel darker than `level` within 2 px of where `vertical` (a left or right
/// line) and `horizontal` (a top or bottom line) cross.
func hasInkAtCorner(_ image: FloatImage, _ vertical: BoxSideLine, _ horizontal: BoxSideLine, darkerThan level: Float) -> Bool {
    let (width, height) = (image.width, image.height)
    // Depths from their own edges; along = x for horizontal lines, y for vertical ones.
    var y = horizontal.depth(at: 0), x = vertical.depth(at: 0)
    for _ in 0..<2 {
        y = horizontal.depth(at: vertical.side.coordinate(ofDepth: x, width: width, height: height))
        x = vertical.depth(at: horizontal.side.coordinate(ofDepth: y, width: width, height: height))
    }
    guard x.isFinite, y.isFinite else { return false }
    // Clamped into the frame: a corner cut off by the crop lies just outside it.
    let cx = min(width - 1, max(0, Int(vertical.side.coordinate(ofDepth: x, width: width, height: height).rounded())))
    let cy = min(height - 1, max(0, Int(horizontal.side.coordinate(ofDepth: y, width: width, height: height).rounded())))
    for yy in max(0, cy - 2)...min(height - 1, cy + 2) {
        for xx in max(0, cx - 2)...min(width - 1, cx + 2) where image[xx, yy] <= level { return true }
    }
    return false
}

/// The picture inside its enclosing box (`enclosingBox`) and where its top left pixel lies in
/// `image`, or `nil` without one: cut where
/// each line's inner edge lies at the middle of its side, `boxInteriorMargin` px in. Cut where
/// they lie deepest instead, a skewed box's corners cost a digit its top or sides. What is left of
/// a skewed line in the cut's corners (pixels nearer an edge than its line's inner edge and the
/// margin) takes the value of its mirror image across that edge: paper with its own texture
/// (painted with flat paper, the slivers made paper texture on empty fields look like ink).
func fieldInsideBox(_ image: FloatImage, acceptingLightInk: Bool = true) -> (image: FloatImage, origin: (x: Int, y: Int))? {
    enclosingBox(image, acceptingLightInk: acceptingLightInk).flatMap { field(inside: $0, of: image) }
}

/// The picture inside `found` (a box `enclosingBox` found in `image`) and where its top left
/// pixel lies in `image`, cut as `fieldInsideBox` says; `nil` when less than half the frame is left.
func field(inside found: (inside: PixelBox, lines: [BoxSideLine]),
           of image: FloatImage) -> (image: FloatImage, origin: (x: Int, y: Int))? {
    let (width, height) = (image.width, image.height)
    func middleDepth(_ line: BoxSideLine) -> Int {
        let alongCount = line.side.isHorizontal ? width : height
        return max(0, Int((line.innerEdge(at: Float(alongCount - 1) / 2) + Float(boxInteriorMargin)).rounded(.up)))
    }
    let (top, bottom, left, right) = (found.lines[0], found.lines[1], found.lines[2], found.lines[3])
    let x0 = middleDepth(left), y0 = middleDepth(top)
    let x1 = width - middleDepth(right), y1 = height - middleDepth(bottom)
    guard (x1 - x0) * 2 >= width, (y1 - y0) * 2 >= height else { return nil }
    var field = image.cropped(to: PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
    // The slivers: each pixel nearer an edge than its line's inner edge and the margin takes the
    // value of its mirror image across that edge (paper with its own texture).
    let margin = Float(boxInteriorMargin)
    for y in y0..<y1 {
        for x in x0..<x1 {
            let (fx, fy) = (Float(x), Float(y))
            var sx = fx, sy = fy
            func edge(_ line: BoxSideLine, at along: Float) -> Float {
                line.side.coordinate(ofDepth: line.innerEdge(at: along) + margin, width: width, height: height)
            }
            let topEdge = edge(top, at: fx), bottomEdge = edge(bottom, at: fx)
            let leftEdge = edge(left, at: fy), rightEdge = edge(right, at: fy)
            if fy < topEdge { sy = 2 * topEdge - fy } else if fy > bottomEdge { sy = 2 * bottomEdge - fy }
            if fx < leftEdge { sx = 2 * leftEdge - fx } else if fx > rightEdge { sx = 2 * rightEdge - fx }
            guard sx != fx || sy != fy else { continue }
            let mx = min(x1 - 1, max(x0, Int(sx.rounded()))), my = min(y1 - 1, max(y0, Int(sy.rounded())))
            field[x - x0, y - y0] = image[mx, my]
        }
    }
    return (field, (x0, y0))
}

/// Pixels left between a box's line (its inner edge at half its darkness) and the inside read:
/// the rest of a blurred line's fringe.
let boxInteriorMargin = 2

/// The four sides of a picture, as `boxSideLine` walks them.
enum BoxSide: CaseIterable {
    case top, bottom, left, right

    /// Top and bottom: lines along x.
    var isHorizontal: Bool { self == .top || self == .bottom }

    /// The image coordinate (y for top and bottom, x for left and right) of a point `depth` px in
    /// from this side's edge of a `width × height` picture.
    func coordinate(ofDepth depth: Float, width: Int, height: Int) -> Float {
        switch self {
        case .top, .left: return depth
        case .bottom: return Float(height - 1) - depth
        case .right: return Float(width - 1) - depth
        }
    }
}

/// A straight dark line along one side of a picture (`boxSideLine`), in depth from that side's
/// edge (px) against position along it (x for top and bottom, y for left and right).
struct BoxSideLine {
    var side: BoxSide
    /// The line's darkest pixels: `depth = offset + slope · along`.
    var offset: Float, slope: Float
    /// How deep its inner edge lies at its deepest (px from the edge).
    var deepest: Int
    /// How far inward of its darkest pixels its inner edge lies (px).
    var reach: Float
    /// The median of its darkest pixels' values (0 = black … 1 = white).
    var darkness: Float
    /// The median of how much darker than the paper beside it its darkest pixels are.
    var contrast: Float

    func depth(at along: Float) -> Float { offset + slope * along }
    /// Where its inner edge lies (px from the edge) at `along`.
    func innerEdge(at along: Float) -> Float { depth(at: along) + reach }
}

/// The straight dark line along `side` of `image`, or `nil` when there is none. At each position
/// along the middle three fifths of the side, the profile inward from the edge: the first run of
/// pixels at least `tolerance.runContrast` (strict: `minimumLineContrast`) darker than the paper (the brightest pixel within half the
/// frame from the edge: lighting may differ from side to side) must start within the outer quarter
/// (`max(3, depth / 4)` px), at 90% of the positions or more. The run is the line's valley only:
/// it ends where the profile climbs a quarter of the way back from its darkest pixel to the paper,
/// and the line's inner edge is the last pixel darker than halfway between the two on the rising
/// flank after the darkest (a digit touching the line, where the profile falls again, is not the
/// line: taken with it, the darkest pixel moved into the digit). The line through most of the
/// runs' darkest pixels (`straightestLine`, −6°…6°) must hold two thirds of them within 2 px (a
/// printed line is straight; a digit's curve strays from it, and so do the positions where the
/// digit touches the line); refitted to those, it may turn up to 8° (a line the frame cuts through
/// lies at depth 0 along part of its length and so leans more than the box). Its inner edge (the
/// median reach inward over the positions on the line) at its deepest over the side's whole length
/// must lie within the outer quarter. The line must be thin: darker than the halfway level over at
/// most `tolerance.maximumLineThickness` px across it (strict: an eighth of the frame, 4 px at
/// least), as printed lines are, where the dark paper around a light digit (white ink on black)
/// or a felt tip's stroke is thicker.
///
/// `lenient` (`BoxTolerance`) ends a line's valley at its first minimum (where the profile rises
/// by `valleyRise`: a darker stroke beside a blurred line, a straight base of a 2, is not taken for
/// it), and takes two kinds of position that are not a line's absence:
/// - covered: a stroke touching the line covers the whole profile (no pixel of it reaches the
///   side's paper, the median of the positions' brightest pixels, less `minimumLineContrast`, and
///   it is flat): judged against the side's paper instead of its own;
/// - clear: no dark run, and paper at the frame's edge: the crop cut the line off there (a skewed
///   box cut close). Up to a fifth of the positions; each counts as missing unless the line
///   fitted to the others lies at most 1 px from the edge there.
func boxSideLine(_ image: FloatImage, side: BoxSide, tolerance: BoxTolerance = .strict) -> BoxSideLine? {
    let (width, height) = (image.width, image.height)
    let alongCount = side.isHorizontal ? width : height
    let depthCount = side.isHorizontal ? height : width
    let band = max(3, depthCount / 4)
    guard 2 * band <= depthCount else { return nil }
    // Pixel index of (along a, depth d): base(a) + d · step.
    let step: Int
    switch side {
    case .top: step = width
    case .bottom: step = -width
    case .left: step = 1
    case .right: step = -1
    }
    func base(_ a: Int) -> Int {
        switch side {
        case .top: return a
        case .bottom: return (height - 1) * width + a
        case .left: return a * width
        case .right: return a * width + width - 1
        }
    }
    let first = alongCount / 5, last = alongCount - alongCount / 5
    let tried = last - first
    guard tried >= 4 else { return nil }
    /// One position's line: where its darkest pixel lies, how far inward the line stays darker
    /// than halfway to the paper, how dark it is and how much darker than the paper, and how many
    /// of its run's pixels are darker than halfway (its thickness).
    struct Run { var along: Int, darkestDepth: Int, reach: Int, darkest: Float, contrast: Float, thickness: Int }
    var runs: [Run] = []
    runs.reserveCapacity(tried)
    // A side with more positions without a line than 10% of them has none: stop there.
    let allowedMisses = tried - (tried * 9 + 9) / 10
    var misses = 0
    let lenient = tolerance == .lenient
    var clear: [Int] = []
    var profile = [Float](repeating: 0, count: 2 * band)
    image.pixels.withUnsafeBufferPointer { pixels in
        // The side's paper (lenient): the median of the brightest pixel of every fourth position's
        // profile, measured the first time a flat profile needs it.
        var measuredSidePaper: Float?
        func sidePaper() -> Float {
            if let measuredSidePaper { return measuredSidePaper }
            let papers = stride(from: first, to: last, by: 4).map { a in
                (0..<(2 * band)).reduce(Float(0)) { max($0, pixels[base(a) + $1 * step]) }
            }
            let paper = papers.sorted()[papers.count / 2]
            measuredSidePaper = paper
            return paper
        }
        for a in first..<last {
            let origin = base(a)
            var paper: Float = 0, darkestPixel: Float = 1
            for d in 0..<(2 * band) {
                profile[d] = pixels[origin + d * step]
                paper = max(paper, profile[d])
                darkestPixel = min(darkestPixel, profile[d])
            }
            // Covered by a stroke (flat, far darker than the side's paper): judged against the side's paper.
            if lenient && darkestPixel > paper - minimumLineContrast {
                let sideLevel = sidePaper()
                if paper <= sideLevel - minimumLineContrast { paper = sideLevel }
            }
            // The first run from the edge inward that is `tolerance.runContrast` darker than the paper.
            guard let start = (0..<band).first(where: { profile[$0] <= paper - tolerance.runContrast }) else {
                // Clear (lenient): paper at the frame's edge, where the crop cut the line off.
                if lenient && profile[0] > paper - minimumLineContrast / 2 {
                    clear.append(a)
                    if clear.count * 5 > tried { return }
                    continue
                }
                misses += 1
                if misses > allowedMisses { return }
                continue
            }
            // The line's valley: on until the profile climbs a quarter of the way back to the paper.
            // Lenient: only to its first minimum (where the profile rises again by more than
            // `valleyRise`): blurred, a darker stroke touching the line joins its valley.
            var darkest = profile[start], darkestDepth = start, end = start
            while end + 1 < 2 * band && profile[end + 1] <= paper - minimumLineContrast / 2
                    && profile[end + 1] <= darkest + max(0.05, (paper - darkest) / 4)
                    && !(lenient && profile[end + 1] > darkest + valleyRise) {
                end += 1
                if profile[end] < darkest { darkest = profile[end]; darkestDepth = end }
            }
            // Its inner edge: on the rising flank after the darkest pixel, the last one darker
            // than halfway to the paper, before the profile falls again (a digit touching it).
            let half = (paper + darkest) / 2
            var edge = darkestDepth, highest = darkest
            while edge + 1 < 2 * band && profile[edge + 1] <= half && profile[edge + 1] >= highest - 0.05 {
                edge += 1
                highest = max(highest, profile[edge])
            }
            runs.append(Run(along: a, darkestDepth: darkestDepth, reach: edge - darkestDepth, darkest: darkest,
                            contrast: paper - darkest, thickness: (start...edge).filter { profile[$0] <= half }.count))
        }
    }
    // Positions judged: all but the clear ones.
    let judged = tried - clear.count
    guard misses <= allowedMisses, clear.count * 5 <= tried, runs.count + allowedMisses >= judged,
          let line = straightestLine(through: runs.map { (Float($0.along), Float($0.darkestDepth)) }) else { return nil }
    let near = runs.filter { abs(Float($0.darkestDepth) - (line.offset + line.slope * Float($0.along))) <= 2 }
    guard near.count * 3 >= judged * 2,
          let refit = leastSquaresLine(near.map { (Float($0.along), Float($0.darkestDepth)) }),
          abs(refit.slope) <= 0.14 else { return nil }   // tan 8°
    // A clear position where the line lies inside the frame is a missing piece of line after all.
    let clearInside = clear.filter { refit.offset + refit.slope * Float($0) > 1 }.count
    guard misses + clearInside <= allowedMisses else { return nil }
    func median<T: Comparable>(_ values: [T]) -> T { values.sorted()[values.count / 2] }
    let reach = median(near.map { $0.reach })
    let deepest = max(refit.offset, refit.offset + refit.slope * Float(alongCount - 1)) + Float(reach)
    guard deepest < Float(band) else { return nil }
    // Thin: a printed line, not the dark paper around a light digit (white ink on black).
    guard median(near.map { $0.thickness }) <= tolerance.maximumLineThickness(across: depthCount) else { return nil }
    return BoxSideLine(side: side, offset: refit.offset, slope: refit.slope, deepest: max(0, Int(deepest.rounded(.up))),
                       reach: Float(reach), darkness: median(near.map { $0.darkest }), contrast: median(near.map { $0.contrast }))
}

/// How far (0…1 luma) a lenient line's profile may rise past its darkest pixel before its valley
/// ends (`boxSideLine`): JPEG noise on a line's flat bottom, not a gap between it and a stroke.
let valleyRise: Float = 0.02

/// How much darker than the paper beside it (0…1 luma) a box's line must be: a printed line in a
/// drop-out grey, blurred by a phone's lens, still is; paper texture and JPEG noise are not.
let minimumLineContrast: Float = 0.1

/// The median difference between horizontally neighbouring pixels of `image`: how much paper
/// (most of a field's inside) varies from pixel to pixel.
func medianNeighbourDifference(_ image: FloatImage) -> Float {
    var differences: [Float] = []
    differences.reserveCapacity(image.count)
    for y in 0..<image.height {
        for x in 0..<max(0, image.width - 1) { differences.append(abs(image[x + 1, y] - image[x, y])) }
    }
    return differences.isEmpty ? 0 : quantile(histogram(differences), 0.5)
}

/// The line through the most of `points` (within 1.5 px), among slopes of −6°…6° in half degrees:
/// a least-squares fit is pulled off a printed line by the points where a digit touches it.
private func straightestLine(through points: [(along: Float, depth: Float)]) -> (offset: Float, slope: Float)? {
    guard !points.isEmpty else { return nil }
    var best: (count: Int, offset: Float, slope: Float) = (0, 0, 0)
    var offsets = [Float](repeating: 0, count: points.count)
    for step in -12...12 {
        let slope = Float(tan(Double(step) * 0.5 * Double.pi / 180))
        for (i, p) in points.enumerated() { offsets[i] = p.depth - slope * p.along }
        offsets.sort()
        var low = 0
        for high in offsets.indices {
            while offsets[high] - offsets[low] > 3 { low += 1 }
            if high - low + 1 > best.count { best = (high - low + 1, (offsets[low] + offsets[high]) / 2, slope) }
        }
    }
    return (best.offset, best.slope)
}
