/// A sheet of paper (a page, a note, a card) photographed lying on a darker surface (a desk, a
/// table, cloth): the frame cut to the sheet, the surface left inside that cut replaced by the
/// sheet's own paper, and where the cut's top left pixel lies in `image` (w×h, 0 = black … 1 =
/// white); `nil` when `image` is not such a photo. `coarse`: `coarseCopy(image)`, when the caller
/// made it already.
///
/// Why: the page's measures assume paper around the digit. Around a sheet on a desk lies the desk,
/// darker than the paper all along the frame's edge, so the edge, the corners and (when the sheet
/// is most of the frame) the skew all take the bright sheet for ink: the sheet itself was read as
/// the digit, a 0 or a 4 at high confidence, whatever was written on it, and an empty sheet too.
///
/// Judged on the reduced copy (`coarseCopy`, at most 128 px) of a frame at least `sheetFrameSide`
/// px long: its pixels at or above Otsu's threshold (or a lower split under a hand's shadow,
/// `sheetMask`) form components; the largest, with the holes it encloses filled (what is written
/// on it), is the sheet when
/// - the surface around it (the rest, reached from the frame's edge) covers at least
///   `sheetSurroundShare` of the frame and the sheet at least `sheetShare`, or `smallSheetShare`
///   when something is written on it (holes covering `sheetWritingSeen` of it) or when, blank, it
///   is a neat rectangle of paper's proportions (`smallBlankSheetFill`, `smallBlankSheetAspect`);
/// - what is written on it (its holes) covers at most `sheetWritingShare` of it;
/// - the sheet is lighter than the surface by at least `sheetContrast` (mean levels), the surface
///   is dark (at most `sheetLightSurround` of it above the threshold: not paper cut off by a
///   printed line), and its dark pixels line at least three of the frame's sides for half their
///   length or more (not a scanner's strips along two; not paper photographed whole, which is
///   rejected on that first);
/// - its edge is sharp: at `sheetSharpShare` of the places where the surface meets it, the sheet
///   three coarse pixels in is lighter than the surface two out by `sheetEdgeStep` of the contrast
///   (not the dark half of a lighting gradient, ending at a ruled line here and there);
/// - nothing thin runs from the surface into it: closing its mask adds at most
///   `sheetIntrusionShare` of its area (a digit run into a field's box, cut with the box);
/// - it is a rectangle as photographed: it covers at least `sheetRectangleFill` of the smallest
///   rectangle, at any angle, around it (a rectangle in mild perspective, or cut by the frame's
///   edge, still does; an oval, a bold 0 of light ink on black, covers π/4 of it), and that
///   rectangle's shorter side is at least `sheetAspect` of its longer (paper is not a bar, a bold 1).
///
/// The cut is the sheet without its outer `sheetEdgeMargin` px (its blurred edge). In each row of
/// the cut, the pixels off the sheet take the level of the sheet's nearest pixels in that row (the
/// mean of a coarse pixel's width of them), so the paper's lighting runs on without a step.
func paperSheet(_ image: FloatImage, coarse: FloatImage? = nil) -> (image: FloatImage, origin: (x: Int, y: Int))? {
    guard max(image.width, image.height) >= sheetFrameSide else { return nil }
    let factor = coarseFactor(width: image.width, height: image.height)
    let small = coarse ?? coarseCopy(image)
    guard small.width >= 8, small.height >= 8,
          let sheet = sheetMask(small) else { return nil }
    // The sheet's mask without its outer margin, and its bounding box (coarse pixels).
    let inner = morphed(sheet, width: small.width, height: small.height,
                        radius: max(1, (sheetEdgeMargin + factor - 1) / factor), .minimum)
    var minX = small.width, maxX = -1, minY = small.height, maxY = -1
    for y in 0..<small.height {
        for x in 0..<small.width where inner[y * small.width + x] {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    guard maxX >= minX, maxY >= minY else { return nil }
    let x0 = minX * factor, y0 = minY * factor
    let x1 = min(image.width, (maxX + 1) * factor), y1 = min(image.height, (maxY + 1) * factor)
    var cut = image.cropped(to: PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
    func onSheet(_ x: Int, _ y: Int) -> Bool {
        let cx = min(small.width - 1, (x + x0) / factor), cy = min(small.height - 1, (y + y0) / factor)
        return inner[cy * small.width + cx]
    }
    fillOffSheet(&cut, onSheet: onSheet, run: factor)
    return (cut, (x0, y0))
}

/// The least longer side (px, working image) of a frame `paperSheet` looks for a sheet in: a photo.
/// A small frame dark along its edges around light paper is a form field cut with its box and
/// what lay around it, or a low-resolution scan with its scanner's strips, where the digit may
/// run into the dark.
let sheetFrameSide = 128

/// How far in from the sheet's outline (px, working image; at least one coarse pixel) the cut
/// leaves the sheet to the filled surface: its blurred edge, and what is left of a printed line.
let sheetEdgeMargin = 3

/// The least share of the frame the sheet covers (`paperSheet`): a square note 0.4 of a 4:3
/// frame's shorter side across. Smaller, a light mark on a dark ground is as likely a digit.
let sheetShare: Float = 0.12

/// The least share of the frame a sheet with something written on it covers (`paperSheet`):
/// a square note a quarter of a 4:3 frame's shorter side across.
let smallSheetShare: Float = 0.05

/// The least share of its smallest enclosing rectangle a blank sheet under `sheetShare` of the
/// frame covers (`paperSheet`): a note photographed in mild perspective, 0.93 or more; a thumbnail's
/// blocky stroke of light ink, enlarged by whole pixels, 0.85.
let smallBlankSheetFill: Float = 0.92

/// The least ratio of the shorter side to the longer of a blank sheet's rectangle under
/// `sheetShare` of the frame (`paperSheet`): notes and cards; a thumbnail's blocky 1 is narrower.
let smallBlankSheetAspect: Float = 0.6

/// The least share of the sheet its holes cover for something to be written on it (`paperSheet`).
let sheetWritingSeen: Float = 0.005

/// The least share of the frame the surface around the sheet covers (`paperSheet`): less is a
/// frame's dark corners or a narrow border, which the page's own measures see past.
let sheetSurroundShare: Float = 0.1

/// The least share of the contrast between sheet and surface found across a sharp place of the
/// sheet's outline, from the surface two coarse pixels out to the sheet three in (`paperSheet`).
let sheetEdgeStep: Float = 0.6

/// The largest share of the surface around the sheet at or above Otsu's threshold (`paperSheet`):
/// the surface is dark; paper cut off from the rest by a printed line or a stroke is not.
let sheetLightSurround: Float = 0.25

/// The least share of the sheet's outline that is sharp (`sheetEdgeStep`, `paperSheet`): a
/// sheet's edge all along; a page's light part, cut out by its lighting and its ruling, 50–66%.
let sheetSharpShare: Float = 0.75

/// The least difference (0…1) between the sheet's mean level and the surface's (`paperSheet`).
let sheetContrast: Float = 0.15

/// The largest share of the sheet its holes (what is written on it) may cover (`paperSheet`): a
/// digit half the sheet's height, bold, covers a tenth; a bold 0's inside, a third.
let sheetWritingShare: Float = 0.2

/// The largest share of the sheet's area that closing its mask may add (`sheetMask`).
let sheetIntrusionShare: Float = 0.02

/// The least share of its smallest enclosing rectangle the sheet covers (`paperSheet`).
let sheetRectangleFill: Float = 0.85

/// The least ratio of the shorter side to the longer of the sheet's rectangle (`paperSheet`).
let sheetAspect: Float = 0.4

/// The sheet in the reduced copy `small` (`paperSheet`'s conditions), as a mask with its holes
/// filled and what the surface thrusts into it closed; `nil` when there is none.
///
/// Light is at or above Otsu's threshold (from every other pixel of every other row: the split of
/// desk and sheet, at a quarter of the cost on the pages that are no sheet), or, when that finds
/// none, halfway between it and the mean of what lies below it: where a hand's shadow falls across
/// part of the sheet, Otsu's split may fall between the lit paper and the shadowed, and the sheet
/// is then no rectangle; the lower split puts the shadowed paper with the lit.
private func sheetMask(_ small: FloatImage) -> [Bool]? {
    let count = small.width * small.height
    var sample: [Float] = []
    sample.reserveCapacity(count / 4 + small.width)
    for y in stride(from: 0, to: small.height, by: 2) {
        for x in stride(from: 0, to: small.width, by: 2) { sample.append(small.pixels[y * small.width + x]) }
    }
    let threshold = otsuThreshold(histogram(sample))
    if let sheet = sheetMask(small, threshold: threshold) { return sheet }
    let below = sample.filter { $0 < threshold }
    guard !below.isEmpty else { return nil }
    return sheetMask(small, threshold: (threshold + below.reduce(0, +) / Float(below.count)) / 2)
}

/// `sheetMask` with light at or above `threshold`.
private func sheetMask(_ small: FloatImage, threshold: Float) -> [Bool]? {
    let (width, height) = (small.width, small.height)
    let count = width * height
    // The frame's sides first: a page photographed whole (paper along them) is rejected here.
    guard darkLinedSides(small, threshold: threshold, within: nil) >= 3 else { return nil }
    let light = small.pixels.map { $0 >= threshold }
    guard let paper = largestComponent(light, width: width, height: height) else { return nil }
    let surface = reachedFromEdge(paper.map { !$0 }, width: width, height: height)
    let surfaceArea = surface.filter { $0 }.count, paperArea = paper.filter { $0 }.count
    let sheetArea = count - surfaceArea
    // A small light region on a dark ground with nothing written on it may as well be a digit of
    // light ink: a sheet only when it is a neat rectangle of paper's proportions.
    let written = Float(sheetArea - paperArea)
    let smallAndBlank = written < sheetWritingSeen * Float(sheetArea) && Float(sheetArea) < sheetShare * Float(count)
    guard Float(surfaceArea) >= sheetSurroundShare * Float(count), Float(sheetArea) >= smallSheetShare * Float(count),
          written <= sheetWritingShare * Float(sheetArea) else { return nil }
    var paperSum: Float = 0, surfaceSum: Float = 0, lightSurface = 0
    for i in 0..<count {
        if paper[i] { paperSum += small.pixels[i] }
        if surface[i] { surfaceSum += small.pixels[i]; if light[i] { lightSurface += 1 } }
    }
    let contrast = paperSum / Float(paperArea) - surfaceSum / Float(surfaceArea)
    guard contrast >= sheetContrast, Float(lightSurface) <= sheetLightSurround * Float(surfaceArea),
          darkLinedSides(small, threshold: threshold, within: surface) >= 3,
          sharpOutlineShare(small, surface: surface, step: sheetEdgeStep * contrast) >= sheetSharpShare else { return nil }
    let sheet = surface.map { !$0 }
    // What the surface thrusts into the sheet (a stroke run into its edge), filled by closing the
    // sheet's mask (a 5×5 square): a thin dark line from the frame's edge to what is written, as a
    // field cut with its box gives, is not the edge of a sheet.
    let grown = morphed(sheet, width: width, height: height, radius: 2, .maximum)
    let closed = zip(morphed(grown, width: width, height: height, radius: 2, .minimum), sheet).map { $0 || $1 }
    let intrusion = zip(closed, sheet).filter { $0 && !$1 }.count
    guard Float(intrusion) <= sheetIntrusionShare * Float(sheetArea),
          let rectangle = smallestEnclosingRectangle(sheet, width: width, height: height),
          Float(sheetArea) >= (smallAndBlank ? smallBlankSheetFill : sheetRectangleFill) * rectangle.area,
          rectangle.shorterSide >= (smallAndBlank ? smallBlankSheetAspect : sheetAspect) * rectangle.longerSide
    else { return nil }
    return closed
}

/// The largest 4-connected component of `mask` (w×h), as a mask; `nil` when `mask` is empty.
private func largestComponent(_ mask: [Bool], width: Int, height: Int) -> [Bool]? {
    var label = [Int32](repeating: 0, count: mask.count)
    var queue: [Int] = []
    var best: Int32 = 0, bestArea = 0, next: Int32 = 0
    for start in 0..<mask.count where label[start] == 0 && mask[start] {
        next += 1
        label[start] = next
        queue.removeAll(keepingCapacity: true)
        queue.append(start)
        var head = 0
        while head < queue.count {
            let i = queue[head]; head += 1
            forEachNeighbour(of: i, width: width, height: height) { j in
                if label[j] == 0 && mask[j] { label[j] = next; queue.append(j) }
            }
        }
        if queue.count > bestArea { bestArea = queue.count; best = next }
    }
    return best > 0 ? label.map { $0 == best } : nil
}

/// The pixels of `mask` (w×h) 4-connected within it to the frame's outermost rows and columns.
private func reachedFromEdge(_ mask: [Bool], width: Int, height: Int) -> [Bool] {
    var reached = [Bool](repeating: false, count: mask.count)
    var queue: [Int] = []
    for i in 0..<mask.count where mask[i] {
        let x = i % width, y = i / width
        if x == 0 || y == 0 || x == width - 1 || y == height - 1 { reached[i] = true; queue.append(i) }
    }
    var head = 0
    while head < queue.count {
        let i = queue[head]; head += 1
        forEachNeighbour(of: i, width: width, height: height) { j in
            if mask[j] && !reached[j] { reached[j] = true; queue.append(j) }
        }
    }
    return reached
}

/// Calls `body` with the index of each of pixel `i`'s 4-neighbours within a w×h frame.
@inline(__always)
private func forEachNeighbour(of i: Int, width: Int, height: Int, _ body: (Int) -> Void) {
    let x = i % width, y = i / width
    if x > 0 { body(i - 1) }
    if x < width - 1 { body(i + 1) }
    if y > 0 { body(i - width) }
    if y < height - 1 { body(i + width) }
}

/// How many of the frame's four sides are dark (below `threshold` in `small`), and within
/// `surface` when given, for at least half their length: a desk around a sheet, all four, or three
/// when the sheet runs off the frame; a scanner's strips, two; paper photographed whole, none.
private func darkLinedSides(_ small: FloatImage, threshold: Float, within surface: [Bool]?) -> Int {
    let (width, height) = (small.width, small.height)
    func isDark(_ i: Int) -> Bool { small.pixels[i] < threshold && (surface?[i] ?? true) }
    var sides = 0
    var count = 0
    for x in 0..<width where isDark(x) { count += 1 }
    if 2 * count >= width { sides += 1 }
    count = 0
    for x in 0..<width where isDark((height - 1) * width + x) { count += 1 }
    if 2 * count >= width { sides += 1 }
    count = 0
    for y in 0..<height where isDark(y * width) { count += 1 }
    if 2 * count >= height { sides += 1 }
    count = 0
    for y in 0..<height where isDark(y * width + width - 1) { count += 1 }
    if 2 * count >= height { sides += 1 }
    return sides
}

/// The share of the places where `surface` (w×h) meets the rest of `small` at which the rest,
/// three pixels in, is lighter than the surface, two pixels out, by at least `step`: 1 for a
/// sheet's sharp edge, little for the dark half of a lighting gradient, whose light half ends at
/// a printed line only here and there.
private func sharpOutlineShare(_ small: FloatImage, surface: [Bool], step: Float) -> Float {
    let (width, height) = (small.width, small.height)
    var places = 0, sharp = 0
    for y in 0..<height {
        for x in 0..<width where surface[y * width + x] {
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let (inX, inY, outX, outY) = (x + 3 * dx, y + 3 * dy, x - 2 * dx, y - 2 * dy)
                guard x + dx >= 0, y + dy >= 0, x + dx < width, y + dy < height, !surface[(y + dy) * width + x + dx],
                      inX >= 0, inY >= 0, inX < width, inY < height, outX >= 0, outY >= 0, outX < width, outY < height,
                      !surface[inY * width + inX], surface[outY * width + outX] else { continue }
                places += 1
                if small[inX, inY] - small[outX, outY] >= step { sharp += 1 }
            }
        }
    }
    return places > 0 ? Float(sharp) / Float(places) : 0
}

/// `mask` (w×h) grown (`.maximum`) or shrunk (`.minimum`) by a `(2·radius+1)²` square
/// (`squareFilter`). Shrinking counts beyond the frame's edge as off the mask, so a mask near the
/// edge is not stretched to it.
private func morphed(_ mask: [Bool], width: Int, height: Int, radius: Int, _ extreme: RankExtreme) -> [Bool] {
    let image = FloatImage(width: width, height: height, pixels: mask.map { $0 ? 1 : 0 })
    let filtered = squareFilter(image, radius: radius, extreme)
    return filtered.pixels.indices.map { i in
        guard filtered.pixels[i] > 0.5 else { return false }
        guard extreme == .minimum else { return true }
        let x = i % width, y = i / width
        return x >= radius && y >= radius && x < width - radius && y < height - radius
    }
}
