/// The look at a page where the first found no digit because solid marks set its thresholds: a
/// scanner's black edge strips, a dark surround, punched holes or ink blots are the darkest things
/// on the page, so Otsu's threshold falls between them and the paper, above a pale pencil digit's
/// ink, and the digit never reaches the high threshold. Printed lines do the same and are handled
/// the same way (`labelInk` takes the thresholds again once they are painted out).
///
/// The solid marks are the first look's regions that `selectDigit` would never take for a digit:
/// the edge's own (`isEdgeJunk`: strips, frames, bands) and filled blobs (`isSolidBlob`). They and
/// a `solidMarkMargin`-px ring around them (their soft edge) are painted to the paper's level on
/// `page.cleaned` (w×h, 0 = background … 1 = ink), the thresholds are taken again on what is left
/// (`inkThresholds`), and the digit is chosen again as on the first look. The new thresholds must
/// be lower than the first look's (otherwise the marks did not hide anything). `nil` when there are
/// no such marks or nothing digit-like is found without them.
func findDigitPastSolidMarks(_ page: CleanedPage) -> (page: CleanedPage, selection: DigitSelection)? {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    var isSolid = [Bool](repeating: false, count: page.components.count + 1)
    for c in page.components where c.reachesHigh && (isEdgeJunk(c, width: width, height: height) || isSolidBlob(c)) {
        isSolid[c.label] = true
    }
    guard isSolid.contains(true) else { return nil }
    var solid = FloatImage(width: width, height: height)
    for i in solid.pixels.indices where isSolid[Int(page.labels[i])] { solid.pixels[i] = 1 }
    let covered = squareFilter(solid, radius: solidMarkMargin, .maximum)
    var cleaned = page.cleaned
    for i in cleaned.pixels.indices where covered.pixels[i] > 0 { cleaned.pixels[i] = page.thresholds.background }
    let thresholds = inkThresholds(cleaned)
    guard thresholds.high < page.thresholds.high else { return nil }
    var retaken = CleanedPage(labelling: cleaned, thresholds: thresholds, ruledLineCount: page.ruledLineCount,
                              flattened: page.flattened)
    retaken.fieldFrame = page.fieldFrame
    retaken.printedRegions = page.printedRegions
    retaken.printedBoxes = page.printedBoxes
    retaken.unflattened = page.unflattened
    guard let selection = chooseDigit(retaken) else { return nil }
    return (retaken, selection)
}

/// Pixels painted out around a solid mark (its anti-aliased or blurred edge).
let solidMarkMargin = 2

/// Whether a region is a filled blob (a punched hole, a stain), never a digit: `hasStrokeStructure`'s
/// blob rule (mean stroke width at least 45% of its box's longer side, the side at least 20 px),
/// unless it encloses a hole (`enclosesHole`: a 0 or 8 drawn with a broad marker, or blurred, whose
/// loops have shrunk; a blob has none).
func isSolidBlob(_ c: InkComponent) -> Bool {
    let side = max(c.boxWidth, c.boxHeight)
    return side >= 20 && c.strokeWidth >= blobStrokeFraction * Float(side) && !c.enclosesHole
}

/// `components` (labelled in `labels`, over `image`, w×h, 0 = background … 1 = ink) with
/// `enclosesHole` set on those that `isSolidBlob` would refuse and whose core encloses a hole
/// (`coreHoleCount`) of at least 2% of their box's area. The core is judged on `image` as it was
/// before its lighting was divided out, when the caller has that (`CleanedPage.unflattened`): a
/// dark disc wider than the background windows (a punched hole) is taken partly for lighting, and
/// its middle comes out of `flattenIllumination` paler than its rim, a dip the core took for a 0's
/// loop; in the picture itself the disc is even, and a loop is paper.
func markEnclosedHoles(_ components: [InkComponent], image: FloatImage, labels: [Int32],
                       unflattened: FloatImage? = nil) -> [InkComponent] {
    components.map { c in
        guard c.reachesHigh, isSolidBlob(c) else { return c }
        var marked = c
        marked.enclosesHole = coreHoleCount(c, image: unflattened ?? image, labels: labels,
                                            minimumArea: max(4, c.boxWidth * c.boxHeight / 50)) > 0
        return marked
    }
}

/// A region whose mean stroke width (`2 · area / outline`) is at least this fraction of its box's
/// longer side is filled, not drawn with strokes (`isSolidBlob`, and `isDust`'s specks).
let blobStrokeFraction: Float = 0.45
