/// Longer side (px) below which an image in which no digit was found is read again with paper
/// around it and enlarged: MNIST's frame.
let smallFrameSide = DigitImage.side

/// Longer side (px) at least that such an image is enlarged to: three MNIST frames, where a digit
/// filling its frame is 60–84 px tall, the size the pipeline's pixel measures are made for.
let enlargedFrameSide = 3 * DigitImage.side

/// `working` with a margin of paper on every side, a fifth of its longer side (MNIST puts 4 px
/// around its 20 px box), enlarged bilinearly (`upsample`) by the smallest integer factor (at
/// least 1) that brings its longer side to `enlargedFrameSide`, with that factor; `nil` unless the
/// frame leaves the digit no paper: smaller than `smallFrameSide`, or filled by a bold shape
/// (`inkIsDarkByCorners` judges it, on the copy `inkIsDark` judges: ink and paper each cover 30%
/// of it or more; `boldShape`: that judgement, when the caller made it already), or, with `filled`,
/// known to be filled by the digit whatever its size (the caller's judgement, asked last). The
/// paper is taken
/// from the frame's edge (`paperLevelAtEdge`). With paper around it, the page's measures
/// (background, noise, polarity) see paper, and its strokes no longer run into the frame.
func withPaperAround(_ working: FloatImage, filled: @autoclosure () -> Bool = false,
                     boldShape: Bool? = nil) -> (image: FloatImage, factor: Int)? {
    let long = max(working.width, working.height)
    guard long > 0, long < smallFrameSide || (boldShape ?? isFilledByBoldShape(working)) || filled() else { return nil }
    let margin = paperMargin(working)
    var padded = FloatImage(width: working.width + 2 * margin, height: working.height + 2 * margin,
                            filledWith: paperLevelAtEdge(working))
    for y in 0..<working.height {
        for x in 0..<working.width { padded[x + margin, y + margin] = working[x, y] }
    }
    let paddedLong = max(padded.width, padded.height)
    let factor = max(1, (enlargedFrameSide + paddedLong - 1) / paddedLong)
    return (upsample(padded, by: factor, width: padded.width * factor, height: padded.height * factor), factor)
}

/// Whether a bold shape fills `working`'s frame (a marker digit cut to its box): ink and paper each
/// cover 30% of it or more, and its corners tell which is paper (`inkIsDarkByCorners`, judged on
/// the reduced copy `inkIsDark` judges).
func isFilledByBoldShape(_ working: FloatImage) -> Bool {
    inkIsDarkByCorners(coarseCopy(working)) != nil
}

/// The paper `withPaperAround` puts on each side of `working` (px, before enlarging): a fifth of
/// its longer side, 1 px at least.
func paperMargin(_ working: FloatImage) -> Int {
    max(1, (max(working.width, working.height) + 2) / 5)
}

/// The paper's level on `image`'s outermost rows and columns: the quarter of them furthest from
/// the ink (`inkIsDark`), the 75th percentile when ink is dark, else the 25th. A digit cut to its
/// box meets the frame's edge where its strokes end or curve: a bold 0 filling its frame covers
/// more than half of it, but not three quarters.
func paperLevelAtEdge(_ image: FloatImage) -> Float {
    let edge = outermostPixels(image).sorted()
    return inkIsDark(image) ? edge[(3 * edge.count) / 4] : edge[edge.count / 4]
}

/// Whether `page` (a first look that found no digit) holds one mark and nothing else: no printed
/// line removed, one mark (`marks`: reaching the high threshold, not a speck) inside the frame, at
/// least 8 px and `loneMarkFrameShare` of the frame's shorter side on its longer side.
///
/// Why: `preprocess` reads a frame under three MNIST frames (`enlargedFrameSide`) again with paper
/// around it, enlarged, when its first look holds such a mark. A digit 10–20 px tall, blurred, in a
/// crop a little larger than MNIST's frame has strokes that are hills: its mask is a blob without a
/// plateau, too small for the lone-mark rule (20 px, `isLoneDrawnMark`), and the frame, 28 px or
/// more, was not read enlarged. Noise and texture give many marks or small ones.
func holdsLoneLargeMark(_ page: CleanedPage) -> Bool {
    guard page.ruledLineCount == 0 else { return false }
    let found = marks(page.components, rules: DigitSelectionRules(width: page.cleaned.width, height: page.cleaned.height))
    guard found.count == 1, let mark = found.first, !mark.touchesBorder else { return false }
    let side = max(mark.boxWidth, mark.boxHeight)
    return side >= 8 && Float(side) >= loneMarkFrameShare * Float(min(page.cleaned.width, page.cleaned.height))
}

/// The least share of the frame's shorter side a lone mark spans to be large in it
/// (`holdsLoneLargeMark`).
let loneMarkFrameShare: Float = 0.4
