/// A solid disc joined to a component's strokes: a punched hole or a round blot that the digit
/// touches, labelled with it as one region. Pixel indices (row-major, in the labelled image), or
/// `nil`.
///
/// Found by each pixel's distance to the background (`insideDistances`, in the component's box):
/// the strokes' half width is the median over the ridge (pixels at least as far in as their eight
/// neighbours), the disc's radius the largest distance, at least `discToStroke` times the strokes'
/// and 4 px. The disc is the opening by a disc of half its radius around the deepest pixel
/// (`openedPixels`: the strokes are too thin to hold one), widened by `discMargin` px (its soft
/// edge). It must be round: at most `discToCircle` times the area of the circle of its radius,
/// its box within 1.4:1 and at least 60% filled. A blurred or bold digit's filled loop (a 6's, an
/// 8's) is as wide but oval or uneven, so larger than its inscribed circle. And the strokes left
/// must hold at least `remainingInk` of the component's pixels.
func attachedDisc(_ c: InkComponent, labels: [Int32], width: Int, height: Int) -> [Int]? {
    guard c.reachesHigh, max(c.boxWidth, c.boxHeight) >= 20 else { return nil }
    let inside = insideDistances(c, labels: labels, width: width, height: height)
    let (boxWidth, boxHeight) = (c.boxWidth, c.boxHeight)
    guard let deepestIndex = inside.indices.max(by: { inside[$0] < inside[$1] }) else { return nil }
    let deepest = inside[deepestIndex]   // thirds of a pixel, as `inside`
    guard deepest >= 12 /* 4 px */, let strokeHalfWidth = ridgeMedian(inside, width: boxWidth, height: boxHeight),
          Float(deepest) >= discToStroke * Float(strokeHalfWidth) else { return nil }
    let disc = openedPixels(inside, width: boxWidth, height: boxHeight, radius: deepest / 6, around: deepestIndex)
    guard !disc.isEmpty else { return nil }
    var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
    for i in disc {
        let (x, y) = (i % boxWidth, i / boxWidth)
        minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
    }
    let discWidth = maxX - minX + 1, discHeight = maxY - minY + 1
    let radius = Float(deepest) / 3
    guard Float(disc.count) <= discToCircle * Float.pi * radius * radius,
          Float(max(discWidth, discHeight)) <= 1.4 * Float(min(discWidth, discHeight)),
          Float(disc.count) >= 0.6 * Float(discWidth * discHeight) else { return nil }
    // The disc with its margin, in the image; what is left of the component must be strokes.
    var covered = Set<Int>()
    for i in disc {
        let x = c.minX + i % boxWidth, y = c.minY + i / boxWidth
        for yy in max(0, y - discMargin)...min(height - 1, y + discMargin) {
            for xx in max(0, x - discMargin)...min(width - 1, x + discMargin) where labels[yy * width + xx] == Int32(c.label) {
                covered.insert(yy * width + xx)
            }
        }
    }
    guard Float(c.area - covered.count) >= remainingInk * Float(c.area) else { return nil }
    return covered.sorted()
}

/// The median distance (`insideDistances`) over the ridge of a region: its pixels at least as far
/// in as each of their eight neighbours, the middle of its strokes. `nil` for an empty region.
func ridgeMedian(_ inside: [Int], width: Int, height: Int) -> Int? {
    // On a grid with a border of 0 (nothing beyond is deeper), so every neighbour is at hand.
    let pw = width + 2
    var padded = [Int](repeating: 0, count: pw * (height + 2))
    for y in 0..<height { for x in 0..<width { padded[(y + 1) * pw + x + 1] = inside[y * width + x] } }
    var ridge: [Int] = []
    padded.withUnsafeBufferPointer { p in
        for y in 1...height {
            for i in (y * pw + 1)...(y * pw + width) where p[i] > 0 {
                let d = p[i]
                if p[i - pw - 1] <= d && p[i - pw] <= d && p[i - pw + 1] <= d && p[i - 1] <= d
                    && p[i + 1] <= d && p[i + pw - 1] <= d && p[i + pw] <= d && p[i + pw + 1] <= d {
                    ridge.append(d)
                }
            }
        }
    }
    guard !ridge.isEmpty else { return nil }
    ridge.sort()
    return ridge[ridge.count / 2]
}

/// How many times the strokes' half width a disc's must be (`attachedDisc`).
let discToStroke: Float = 3.5
/// How much larger than the circle of its radius a disc may be (`attachedDisc`): a disc of pixels
/// opened by half its radius is that circle, within the distances' 8% (`insideDistances`).
let discToCircle: Float = 1.15
/// Pixels around a disc taken with it (its anti-aliased or blurred edge).
let discMargin = 2
/// The least share of a component's pixels left once an attached disc is taken away.
let remainingInk: Float = 0.2

/// Per pixel of `c`'s box (row-major, `boxWidth × boxHeight`): its distance to the nearest pixel
/// outside the component, in thirds of a pixel (the 3-4 chamfer distance: 3 a step along an axis, 4
/// a diagonal one, within 8% of the straight-line distance; 3 at the edge of a stroke), 0 outside.
/// Beyond the box is outside, except where the box lies on the image's edge: a hole cut by the
/// frame goes on past it.
func insideDistances(_ c: InkComponent, labels: [Int32], width: Int, height: Int) -> [Int] {
    let (w, h) = (c.boxWidth, c.boxHeight)
    let big = 4 * (w + h)
    // On a grid one pixel larger each side, whose border is what lies beyond the box: 0 (outside),
    // or `big` where the box touches the image's edge.
    let pw = w + 2
    var d = [Int](repeating: 0, count: pw * (h + 2))
    let label = Int32(c.label)
    for y in 0..<h {
        let row = (c.minY + y) * width + c.minX, gridRow = (y + 1) * pw + 1
        for x in 0..<w where labels[row + x] == label { d[gridRow + x] = big }
    }
    for y in 0..<(h + 2) {
        if c.minX == 0 { d[y * pw] = big }
        if c.maxX == width - 1 { d[y * pw + w + 1] = big }
    }
    for x in 0..<pw {
        if c.minY == 0 { d[x] = big }
        if c.maxY == height - 1 { d[(h + 1) * pw + x] = big }
    }
    d.withUnsafeMutableBufferPointer { d in
        for y in 1...h {
            for i in (y * pw + 1)...(y * pw + w) where d[i] > 0 {
                d[i] = min(d[i], 4 + min(d[i - pw - 1], d[i - pw + 1]), 3 + min(d[i - pw], d[i - 1]))
            }
        }
        for y in stride(from: h, through: 1, by: -1) {
            for i in stride(from: y * pw + w, through: y * pw + 1, by: -1) where d[i] > 0 {
                d[i] = min(d[i], 4 + min(d[i + pw + 1], d[i + pw - 1]), 3 + min(d[i + pw], d[i + 1]))
            }
        }
    }
    var inside = [Int](repeating: 0, count: w * h)
    for y in 0..<h { for x in 0..<w { inside[y * w + x] = d[(y + 1) * pw + x + 1] } }
    return inside
}

/// The pixels (box indices) of the opening of the region `inside > 0` (`insideDistances`, thirds
/// of a pixel) by a disc of `radius` px (the union of the discs that fit in it), keeping only the
/// part centred on the centres connected to `seed`: every pixel within `radius` of a centre more
/// than `radius` deep.
func openedPixels(_ inside: [Int], width: Int, height: Int, radius: Int, around seed: Int) -> [Int] {
    let centres = inside.map { $0 > 3 * radius }
    guard centres[seed] else { return [] }
    // The centres connected to the seed (8-neighbours).
    var reached = [Bool](repeating: false, count: inside.count)
    var stack = [seed]
    reached[seed] = true
    while let i = stack.popLast() {
        let x = i % width, y = i / width
        for dy in -1...1 {
            for dx in -1...1 {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                let n = ny * width + nx
                if centres[n] && !reached[n] { reached[n] = true; stack.append(n) }
            }
        }
    }
    var opened = [Bool](repeating: false, count: inside.count)
    for i in reached.indices where reached[i] {
        let x = i % width, y = i / width
        for yy in max(0, y - radius)...min(height - 1, y + radius) {
            for xx in max(0, x - radius)...min(width - 1, x + radius)
            where (xx - x) * (xx - x) + (yy - y) * (yy - y) <= radius * radius {
                opened[yy * width + xx] = true
            }
        }
    }
    return opened.indices.filter { opened[$0] && inside[$0] > 0 }
}

/// `page` with the solid discs attached to the chosen digit's components (`attachedDisc`) painted
/// to the paper's level and its ink labelled again, and the digit chosen again on it; `nil` when
/// the digit has no such disc or nothing digit-like is left.
func withoutAttachedDiscs(_ page: CleanedPage, _ selection: DigitSelection) -> (page: CleanedPage, selection: DigitSelection)? {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    let discs = page.components.filter { selection.labels.contains($0.label) }
        .compactMap { attachedDisc($0, labels: page.labels, width: width, height: height) }
    guard !discs.isEmpty else { return nil }
    var cleaned = page.cleaned
    for disc in discs { for i in disc { cleaned.pixels[i] = page.thresholds.background } }
    var retaken = CleanedPage(labelling: cleaned, thresholds: page.thresholds, ruledLineCount: page.ruledLineCount,
                              flattened: page.flattened)
    retaken.fieldFrame = page.fieldFrame
    retaken.printedRegions = page.printedRegions
    retaken.printedBoxes = page.printedBoxes
    retaken.unflattened = page.unflattened
    guard let chosen = chooseDigit(retaken) else { return nil }
    return (retaken, chosen)
}
