/// `findSoftDigit`'s look taken on `flattened` averaged 5×5 (`blurredDigitAveraging`), the last
/// look `preprocess` takes at a frame in which nothing else was found: a faint digit blurred far
/// beyond its pen's width has strokes that are hills, not plateaus, even averaged 3×3, and no floor
/// measured around it lets 40% of them through; averaged over 5×5 the pixel noise drops five-fold
/// while such strokes keep their level. Texture hills and clumps of noise grow as large as a small
/// digit at that scale, so what this look finds must be a lone drawn mark (`isLoneDrawnDigit`).
///
/// `preprocess` passes the first look's frame with its printed lines painted out where that look
/// found a form's boxes (`FirstLook.flattenedWithoutLines`): averaged 5×5, a box's thin sides are
/// too broad and faint to be found and removed again, and a box's corner or side beside its label
/// was read as a 1 or a 7 on empty forms (15 of 600 blank labelled forms in `bench/realworld`). Not
/// elsewhere: painting out an underline can cut the stroke of a digit that crosses it (a 9's tail),
/// and this look, taken on the frame as it is, found that digit whole.
func findBlurredDigit(_ flattened: FloatImage, firstLook: InkThresholds, fieldFrame: FieldFrame? = nil,
                      printedRegions: [PixelBox] = []) -> (page: CleanedPage, selection: DigitSelection)? {
    guard let found = softLook(flattened, averaging: blurredDigitAveraging,
                               measuredNoise: neighbourDifferenceNoise(flattened) ?? 0,
                               firstLook: firstLook, fieldFrame: fieldFrame, printedRegions: printedRegions),
          isLoneDrawnDigit(found.selection, in: found.page) else { return nil }
    return found
}

/// The averaging radius of `findBlurredDigit` (5×5).
let blurredDigitAveraging = 2

/// Whether what `findBlurredDigit` chose (`selection` on `page`) is a digit by itself: it is the
/// only digit-sized mark (`DigitSelection.otherCandidates`), its seed region is at least MNIST's
/// 20-px box on its longer side (below that a clump and a small digit look alike, as in
/// `hasStrokeStructure`), drawn, not filled (mean stroke width under `blobStrokeFraction` of that
/// side), and the whole selection meets the frame's edge over at most two of the seed's stroke
/// widths (a stroke's end, a curve's outer side, as `isGrazingTheEdge` says). A texture cloud
/// holds several hills alike, or one that runs off the frame; a blotch or a punched hole is filled.
func isLoneDrawnDigit(_ selection: DigitSelection, in page: CleanedPage) -> Bool {
    guard selection.otherCandidates == 0, let seedLabel = selection.labels.first else { return false }
    let seed = page.components[seedLabel - 1]
    let side = Float(max(seed.boxWidth, seed.boxHeight))
    let borderPixels = selection.labels.reduce(0) { $0 + page.components[$1 - 1].borderPixels }
    return side >= Float(mnistBoxSide) && seed.strokeWidth < blobStrokeFraction * side
        && Float(borderPixels) <= 2 * seed.strokeWidth
}
