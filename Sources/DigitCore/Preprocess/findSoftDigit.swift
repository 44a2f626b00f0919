/// The second look at a page where the first found no digit: a digit blurred, enlarged with
/// smoothing or small in its frame, whose soft fringe fills the histogram's upper quartile and so
/// raised the first look's noise floor (`inkThresholds`) above the digit itself.
///
/// `flattened` (w×h, 0 = background … 1 = ink, before any noise averaging). Two steps:
/// 1. Candidate: thresholds from the pixel-to-pixel noise only (`softInkThresholds`; averaged 3×3
///    first when that noise is heavy, as `suppressNoise` does), which a fringe does not inflate;
///    the digit chosen under them as on the first look (`chooseDigit`: specks, blobs, empty
///    frames and regions without a stroke's plateau refused).
/// 2. Verdict: thresholds measured again on the paper around the candidate's seed region, without
///    it and the loops it encloses (`inkThresholds(_:around:labels:isCandidate:ownHoles:pixelNoise:)`
///    on its `surroundings`; a blurred 6's loop is filled with its fringe, not paper), and the
///    digit chosen again under them. Paper texture, clouds and averaged noise are correlated, so
///    the pixel-to-pixel noise understates them and step 1 finds a hill; but the paper around that
///    hill holds the neighbouring hills, which give back the first look's noise floor, and the hill
///    is refused again (measured around it, not on the whole page: texture may be stronger in one
///    part of a page than in the rest). Printed lines count as the page here (measured before
///    they are removed), except an empty printed frame (`isEmptyFrame`: a form's box around the
///    digit, its blurred fringe filling a small crop), which is left out with the seed. Around a
///    real soft digit only paper is left, whose spread is small.
/// The second look must clear a floor at least a fifth lower than the first look's
/// (`softFloorGain`): when the paper around the candidate is nearly as noisy as the whole page,
/// the first look already measured it fairly and its verdict stands (a marginal texture hill, a
/// form's line, a speck are not given a second chance). A stray piece of a ruled line is refused
/// as on the first look (`chooseDigit`: a flat bar); the digit's width is not limited beyond that:
/// a low-resolution 5 or 2 enlarged to fill its frame, its soft halo around it, is 1.3 times as
/// wide as tall, and a person reads it at a glance. When the page had ruled lines and that
/// verdict refuses, it is taken again without them (`softVerdict`). `nil` when nothing passes.
/// `fieldFrame` and `printedRegions` (`CleanedPage`'s) are carried to every page this look labels.
func findSoftDigit(_ flattened: FloatImage, firstLook: InkThresholds, fieldFrame: FieldFrame? = nil,
                   printedRegions: [PixelBox] = []) -> (page: CleanedPage, selection: DigitSelection)? {
    let measured = neighbourDifferenceNoise(flattened) ?? 0
    return softLook(flattened, averaging: measured > heavyNoise ? 1 : 0, measuredNoise: measured,
                    firstLook: firstLook, fieldFrame: fieldFrame, printedRegions: printedRegions)
}

/// Steps 1 and 2 of `findSoftDigit` (and `findBlurredDigit`) on `flattened` averaged over
/// `(2·averaging + 1)²` pixels (none for 0), the pixel-to-pixel noise `measuredNoise` divided as
/// the averaging divides it.
func softLook(_ flattened: FloatImage, averaging: Int, measuredNoise: Float, firstLook: InkThresholds,
              fieldFrame: FieldFrame?, printedRegions: [PixelBox] = []) -> (page: CleanedPage, selection: DigitSelection)? {
    let image = averaging > 0 ? boxBlur(flattened, radius: averaging) : flattened
    let pixelNoise = measuredNoise / Float(2 * averaging + 1)
    var candidatePage = labelInk(image, thresholds: softInkThresholds(image, pixelNoise: pixelNoise),
                                 flattened: flattened)
    candidatePage.fieldFrame = fieldFrame
    candidatePage.printedRegions = printedRegions
    // A form's boxes count in the first look only (`chooseDigitWrittenInBox`): this look's lower
    // thresholds join the letters of a caption printed in a box into one mark.
    candidatePage.printedBoxes = []
    candidatePage.answerLines = []
    guard let candidate = chooseDigit(candidatePage), let seedLabel = candidate.labels.first else { return nil }
    let seed = candidatePage.components[seedLabel - 1]
    if let found = softVerdict(image, seed: seed, candidatePage: candidatePage, lined: false,
                               pixelNoise: pixelNoise, firstLook: firstLook) {
        return found
    }
    guard candidatePage.ruledLineCount > 0 else { return nil }
    return softVerdict(candidatePage.cleaned, seed: seed, candidatePage: candidatePage, lined: true,
                       pixelNoise: pixelNoise, firstLook: firstLook)
}

/// Step 2 of `findSoftDigit`: thresholds measured on `judged` (w×h, 0 = background … 1 = ink)
/// around `seed` without it, and the digit chosen again under them. `judged` is the page as it
/// is (`lined` false: its printed lines are labelled again and removed by `labelInk`), or, when
/// that verdict refuses, the candidate page with its ruled lines painted out (`lined` true): faint
/// grid lines on a small blurred scan cover more paper than the digit, and measured with them the
/// paper looks as noisy as the digit is bright. What line removal leaves behind is then refused:
/// a stub of a line at the frame's edge, a patch of grid whose lines were not all found (more
/// than three enclosed holes, `enclosedHoleCount`; a digit has at most two).
func softVerdict(_ judged: FloatImage, seed: InkComponent, candidatePage: CleanedPage, lined: Bool,
                 pixelNoise: Float, firstLook: InkThresholds) -> (page: CleanedPage, selection: DigitSelection)? {
    let (width, height) = (judged.width, judged.height)
    // Only the seed region is left out: pieces merged with it may be texture hills.
    var isCandidate = [Bool](repeating: false, count: candidatePage.components.count + 1)
    isCandidate[seed.label] = true
    // An empty printed frame around the candidate (a form's box, its fringe filling a small crop)
    // is structure, not paper: measured with it, the paper looks as bright as the box.
    for c in candidatePage.components
    where c.reachesHigh && isEmptyFrame(c, labels: candidatePage.labels, width: width) {
        isCandidate[c.label] = true
    }
    let verdict = inkThresholds(judged, around: surroundings(of: seed, width: width, height: height),
                                labels: candidatePage.labels, isCandidate: isCandidate,
                                ownHoles: enclosedHolePixels(of: seed, labels: candidatePage.labels, width: width),
                                pixelNoise: pixelNoise)
    guard verdict.high <= softFloorGain * firstLook.high else { return nil }
    var page = lined
        ? CleanedPage(labelling: judged, thresholds: verdict, ruledLineCount: candidatePage.ruledLineCount,
                      flattened: candidatePage.flattened)
        : labelInk(judged, thresholds: verdict, flattened: candidatePage.flattened)
    page.fieldFrame = candidatePage.fieldFrame
    page.printedRegions = candidatePage.printedRegions
    page.printedBoxes = []
    page.answerLines = []
    guard let selection = chooseDigit(page) else { return nil }
    if lined {
        let touchesBorder = selection.minX == 0 || selection.minY == 0
            || selection.maxX == width - 1 || selection.maxY == height - 1
        guard !touchesBorder, enclosedHoleCount(selection, labels: page.labels, width: width) <= 3 else { return nil }
    }
    return (page, selection)
}

/// The largest ratio of the second look's high threshold to the first look's; see `findSoftDigit`.
let softFloorGain: Float = 0.8

/// The part of the page a candidate region is judged against: its box widened on every side by
/// its longer side (three times its size), clipped to the `width × height` frame.
func surroundings(of region: InkComponent, width: Int, height: Int) -> PixelBox {
    let margin = max(region.boxWidth, region.boxHeight)
    let minX = max(0, region.minX - margin), minY = max(0, region.minY - margin)
    let maxX = min(width - 1, region.maxX + margin), maxY = min(height - 1, region.maxY + margin)
    return PixelBox(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
}
