/// The picture inside the dark bands along its edges, and where its top left pixel lies in `image`
/// (w×h, 0 = black … 1 = white); `nil` when fewer than two sides have one.
///
/// Why: a small field cut close to its box, whose box the line judgement does not find (a side the
/// digit runs across, a line cut in half by the crop, a blurred line too thick or too faint), has
/// the box's sides and their fringe along its edges, a third of the frame or more. The page's
/// measures then take the whole frame for noise (`isInkHiddenByItsFrame`), and nothing is found in
/// it; inside the bands, the digit has paper around it again.
///
/// A side's band: from the edge inward, the rows (or columns) whose median over the middle three
/// fifths of the side is darker than the paper (the frame's lightest tenth) by more than
/// `minimumLineContrast`, up to the first that is not, within the outer quarter of the frame; cut 1
/// px beyond it (the rest of the fringe). A side that is paper at its edge, or dark all through its
/// outer quarter (a digit's stroke along it), has none. Only for dark ink on light paper
/// (`inkIsDark`); the inside must keep at least half of the frame each way.
///
/// When the picture itself shows fewer than two bands, they are looked for again on it with its
/// lighting divided out (`paperOfFlattened`): a photographed field lit unevenly is darker toward one
/// side than the paper's lightest tenth by more than a band's contrast, so that side seems dark all
/// through its outer quarter. There a band's outermost row must be dark along four fifths of the
/// side, not half: on a page of clouded noise, flattened, a blotch darkens half an edge.
/// `inkBrightFlattened`: `flattenedDarkInk(image)`, when the caller has it (asked for only when
/// the picture shows fewer than two bands).
func frameInsideEdgeBands(_ image: FloatImage, inkBrightFlattened: @autoclosure () -> FloatImage? = nil)
    -> (image: FloatImage, origin: (x: Int, y: Int))? {
    let (width, height) = (image.width, image.height)
    guard width >= minimumFieldSide, height >= minimumFieldSide, inkIsDark(image) else { return nil }
    let cuts = edgeBandCuts(image, outermostDarkShare: 0.5)
        ?? edgeBandCuts(paperOfFlattened(inkBrightFlattened() ?? flattenedDarkInk(image)),
                        outermostDarkShare: 0.8)
    guard let cuts else { return nil }
    let inside = PixelBox(x: cuts[2], y: cuts[0], width: width - cuts[2] - cuts[3], height: height - cuts[0] - cuts[1])
    guard inside.width * 2 >= width, inside.height * 2 >= height else { return nil }
    return (image.cropped(to: inside), (inside.x, inside.y))
}

/// A picture of dark ink with its lighting divided out (`flattened`: ink bright, as
/// `flattenedDarkInk` gives it) in the picture's own tones: paper 1, ink darker.
func paperOfFlattened(_ flattened: FloatImage) -> FloatImage {
    FloatImage(width: flattened.width, height: flattened.height, pixels: flattened.pixels.map { 1 - min(1, $0) })
}

/// `image`, whose ink is dark (`inkIsDark`), with its ink made bright and its lighting divided out
/// (`flattenIllumination`), as the first look sees it.
func flattenedDarkInk(_ image: FloatImage) -> FloatImage {
    flattenIllumination(normalisePolarity(image, inkIsDark: true))
}

/// How many rows (or columns) the band along each side takes (top, bottom, left, right; 0: none), as
/// `frameInsideEdgeBands` says; `outermostDarkShare`: the share of the side's middle positions
/// that must be dark in the row at its edge; `nil` when fewer than two sides have a band.
func edgeBandCuts(_ image: FloatImage, outermostDarkShare: Float) -> [Int]? {
    let (width, height) = (image.width, image.height)
    let paper = quantile(histogram(image.pixels), 0.9)
    /// How many rows (or columns) from `side`'s edge the band takes, the fringe's pixel included.
    func cut(_ side: BoxSide) -> Int {
        let alongCount = side.isHorizontal ? width : height
        let depthCount = side.isHorizontal ? height : width
        let positions = (alongCount / 5)..<(alongCount - alongCount / 5)
        for depth in 0..<(depthCount / 4) {
            let at = Int(side.coordinate(ofDepth: Float(depth), width: width, height: height))
            let values = positions.map { side.isHorizontal ? image[$0, at] : image[at, $0] }.sorted()
            // The value that the darkest `share` of the positions lie under.
            let share: Float = depth == 0 ? outermostDarkShare : 0.5
            let quantileIndex = min(values.count - 1, Int(Float(values.count) * share))
            if values[quantileIndex] >= paper - minimumLineContrast { return depth == 0 ? 0 : depth + 1 }
        }
        return 0
    }
    let cuts = BoxSide.allCases.map(cut)   // top, bottom, left, right
    return cuts.filter({ $0 > 0 }).count >= 2 ? cuts : nil
}

/// Whether the first look's high threshold (`suppressNoise`, on `working` flattened with its ink
/// bright) lies above full ink: the page's measures take the whole frame for noise, however dark
/// its marks. On a blank page or around a digit with paper around it, the noise floor lies far
/// below; it rises past 1 when a frame's bands and a digit's fringe fill the histogram's upper
/// quartile (a field cut close to its box). `inkBrightFlattened`: `working` flattened with its ink
/// bright, when the caller has it (`flattenedDarkInk`, for a frame known to hold dark ink).
func isInkHiddenByItsFrame(_ working: FloatImage, inkBrightFlattened: FloatImage? = nil) -> Bool {
    suppressNoise(inkBrightFlattened ?? flattenIllumination(normalisePolarity(working))).thresholds.high > 1
}

/// Whether a field cut out inside its box (`working`, w×h, 0 = black … 1 = white) is filled by its
/// digit: at most `enlargedFrameSide` px long (three MNIST frames: a digit filling its frame is
/// read at that size), and its first look takes it all for noise (`isInkHiddenByItsFrame`). The
/// inside of a field is the digit's slot; a big or blurred digit fills it as a digit cut to its
/// box fills its frame, and its fringe fills the histogram's upper quartile, however large the
/// field is at 60–150 dpi. Such a field is read with paper around it (`withPaperAround`). A page of
/// clouded noise judged a field (its inside hundreds of pixels) is not.
func isFieldFilledByItsDigit(_ working: FloatImage) -> Bool {
    max(working.width, working.height) <= enlargedFrameSide && isInkHiddenByItsFrame(working)
}
