/// The warning text used when an image holds no digit.
public let noDigitFoundWarning = "no digit found"

/// Names the preprocessing a model was trained for; recorded in weights files.
/// Bump the version whenever `normaliseInk` (what training sees) changes.
public let preprocessingIdentifier = "mnist-box20-com14-stroke-deskew-v1"

/// From a decoded image to the 28×28 digit the classifier sees (MNIST's procedure):
/// gray → polarity (ink bright) → illumination flattened (and averaged 3×3 under heavy noise) → ruled lines removed →
/// hysteresis ink mask → components → the digit's grey ink → `normaliseInk`
/// (box, stroke width, 20 px, centre of mass, deskew).
/// `digit` is `nil` with `noDigitFoundWarning` when nothing digit-like is found.
public func preprocess(_ image: GrayImage, recordingSteps: Bool = false) -> PreprocessResult {
    var steps: [PreprocessStep] = []
    func record(_ name: String, _ picture: @autoclosure () -> GrayImage) {
        if recordingSteps { steps.append(PreprocessStep(name: "\(steps.count + 1)-\(name)", image: picture())) }
    }
    func noDigit() -> PreprocessResult {
        PreprocessResult(digit: nil, warnings: [noDigitFoundWarning], steps: steps)
    }
    guard image.width > 0, image.height > 0 else { return noDigit() }

    let page = cleanPage(image, record: record)
    let (cleaned, thresholds, labels, components) = (page.cleaned, page.thresholds, page.labels, page.components)
    let ruledLineCount = page.ruledLineCount
    record("ink-mask", componentPicture(labels, components, width: cleaned.width, height: cleaned.height, chosen: []))
    // Empty printed frames (form boxes, comb cells) are structure, not a digit.
    var digitLike = components.filter {
        !($0.reachesHigh && isEmptyFrame($0, labels: labels, width: cleaned.width))
    }
    // A flat bar (what is left of a printed line) is not a digit: choose again without it.
    var chosen = selectDigit(digitLike, width: cleaned.width, height: cleaned.height)
    while let flat = chosen, isFlatBar(width: flat.boxWidth, height: flat.boxHeight) {
        digitLike.removeAll { flat.labels.contains($0.label) }
        chosen = selectDigit(digitLike, width: cleaned.width, height: cleaned.height)
    }
    guard let selection = chosen else { return noDigit() }
    record("digit", componentPicture(labels, components, width: cleaned.width, height: cleaned.height,
                                     chosen: selection.labels))
    let ink = extractInk(cleaned, labels: labels, selection: selection, thresholds: thresholds)
    guard let stages = normaliseInkStages(ink) else { return noDigit() }
    record("ink", stages.cropped.grayImage())
    record("stroke", stages.strokeNormalised.grayImage())
    record("box20", stages.boxed.grayImage())
    record("centred", FloatImage(centreAndDeskew(stages.boxed, deskew: false)).grayImage())
    record("deskewed", FloatImage(stages.final).grayImage())

    var warnings: [String] = []
    if selection.otherCandidates > 0 {
        warnings.append("\(selection.otherCandidates + 1) digit-like marks found; read the largest")
    }
    return PreprocessResult(digit: stages.final, warnings: warnings, steps: steps,
                            digitHeight: selection.boxHeight, ruledLineCount: ruledLineCount)
}

/// A page cleaned for reading: ink bright, lighting divided out, ruled lines painted out, and
/// its ink's connected components. Shared by `preprocess` (one digit) and `readNumber` (many).
struct CleanedPage {
    /// Flattened, lines removed: 0 = background … 1 = ink; the size of the decoded image.
    var cleaned: FloatImage
    var thresholds: InkThresholds
    /// Component label per pixel of `cleaned` (0 = background).
    var labels: [Int32]
    var components: [InkComponent]
    var ruledLineCount: Int
}

/// gray → polarity (ink bright) → illumination flattened (averaged 3×3 under heavy noise) →
/// ruled lines removed → printed line segments (boxes, combs, underlines) removed → components;
/// `record` receives the stage pictures (gray, polarity, flattened, lines-removed).
func cleanPage(_ image: GrayImage, record: (String, @autoclosure () -> GrayImage) -> Void = { _, _ in }) -> CleanedPage {
    let gray = toWorkingImage(image)
    record("gray", gray.grayImage())
    let bright = normalisePolarity(gray)
    record("polarity", bright.grayImage())
    var (flattened, thresholds, _) = suppressNoise(flattenIllumination(bright))
    record("flattened", flattened.grayImage())
    let lowMask = inkMask(flattened, above: thresholds.low)
    let ruledLines = findRuledLines(lowMask)
    let withoutRuledLines = paintRuledLines(flattened, ruledLines)
    let ruledLineCount = ruledLines.horizontal.count + ruledLines.vertical.count
    let ruledSegments = ruledLines.horizontal.map { $0.segment(axis: .horizontal, width: flattened.width, height: flattened.height) }
        + ruledLines.vertical.map { $0.segment(axis: .vertical, width: flattened.width, height: flattened.height) }
    let (cleaned, segmentCount) = removeLineSegments(withoutRuledLines,
                                                     mask: ruledLineCount == 0 ? lowMask
                                                         : inkMask(withoutRuledLines, above: thresholds.low),
                                                     ruledLines: ruledSegments)
    record("lines-removed", cleaned.grayImage())
    // Printed lines darker than the digit (a black box around a pencil digit) set Otsu's threshold
    // above the digit's ink; once they are gone, the thresholds are the digit's own.
    if ruledLineCount + segmentCount > 0 { thresholds = inkThresholds(cleaned) }
    let (labels, components) = connectedComponents(cleaned, low: thresholds.low, high: thresholds.high)
    return CleanedPage(cleaned: cleaned, thresholds: thresholds, labels: labels, components: components,
                       ruledLineCount: ruledLineCount + segmentCount)
}

/// Applies to one MNIST digit (28×28 bytes, ink = 255) the same normalisation that
/// `preprocess` applies to a photo's ink (`normaliseInk`), so training sees what inference sees.
public func normaliseMNISTDigit<Bytes: Collection>(_ raw: Bytes) -> DigitImage where Bytes.Element == UInt8 {
    // One witness call, then a plain loop (the generic element-by-element walk is slow unspecialised).
    let pixels = raw.withContiguousStorageIfAvailable { mnistPixels($0) } ?? mnistPixels(Array(raw))
    return normaliseInk(FloatImage(width: DigitImage.side, height: DigitImage.side, pixels: pixels)) ?? .blank
}

/// The first 784 bytes as 0…1 floats (missing bytes are 0).
private func mnistPixels(_ bytes: UnsafeBufferPointer<UInt8>) -> [Float] {
    var pixels = [Float](repeating: 0, count: DigitImage.pixelCount)
    for i in 0..<min(bytes.count, DigitImage.pixelCount) { pixels[i] = Float(bytes[i]) * (1 / 255) }
    return pixels
}

private func mnistPixels(_ bytes: [UInt8]) -> [Float] {
    bytes.withUnsafeBufferPointer { mnistPixels($0) }
}

extension FloatImage {
    /// The 28×28 digit as a working image.
    init(_ digit: DigitImage) {
        self.init(width: DigitImage.side, height: DigitImage.side, pixels: digit.pixels)
    }
}

/// Components for the step pictures: the chosen ones white, other ink gray, background black.
private func componentPicture(_ labels: [Int32], _ components: [InkComponent], width: Int, height: Int,
                              chosen: [Int]) -> GrayImage {
    var isInk = [Bool](repeating: false, count: components.count + 1)
    for c in components where c.reachesHigh { isInk[c.label] = true }
    var isChosen = [Bool](repeating: false, count: components.count + 1)
    for label in chosen { isChosen[label] = true }
    return GrayImage(width: width, height: height, luma: labels.map {
        $0 == 0 || !isInk[Int($0)] ? 0 : (isChosen[Int($0)] || chosen.isEmpty ? 255 : 96)
    })
}
