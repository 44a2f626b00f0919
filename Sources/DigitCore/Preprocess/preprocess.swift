/// The warning text used when an image holds no digit.
public let noDigitFoundWarning = "no digit found"

/// Names the preprocessing a model was trained for; recorded in weights files.
/// Bump the version whenever `normaliseInk` (what training sees) changes.
public let preprocessingIdentifier = "mnist-box20-com14-stroke-deskew-v1"

/// From a decoded image to the 28×28 digit the classifier sees (MNIST's procedure):
/// gray → polarity (ink bright) → illumination flattened (and averaged 3×3 under heavy noise) → ruled lines removed →
/// hysteresis ink mask → components (when no digit is found: thresholds taken again without solid
/// marks, `findDigitPastSolidMarks`, then a second look, `findSoftDigit`, then the only mark on an
/// unprinted page even without a plateau, `isLoneDrawnMark`) →
/// the digit's grey ink (a small one enlarged) → `normaliseInk`
/// (box, stroke width, 20 px, centre of mass, deskew).
/// `digit` is `nil` with `noDigitFoundWarning` when nothing digit-like is found, or when what is
/// found is one of many marks scattered over the page (`isAmongScatteredMarks`: noise), weighs
/// less than the dust around it (`isOutweighedByDust`: a hair among specks on a blank scan), or is
/// small in its frame among marks alike (`isAmongLikeMarks`: hairs scattered over a blank scan).
/// A digit written in one of a form's boxes (`chooseDigitWrittenInBox`) is chosen over the print
/// around the boxes and judged by those rules among what reaches into its box (and a digit standing
/// on a printed answer line, among what reaches into the line's field: `answerLineField`); a mark outside every
/// box, beside an empty one and shorter than it, is that box's printed label (`isLabelOfEmptyBox`),
/// and a mark just before an empty answer line, at its foot, is that line's (`isLabelOfEmptyAnswerLine`).
///
/// A form field cut out with its printed box (`fieldInsideBox`: four thin straight lines near
/// the four edges, meeting at the corners) is read inside the box; `--steps` shows the whole field
/// first (`field-in-its-box`). A frame in which nothing is found is read inside its box when it is
/// a field cut with a dark surround, its frame judged light ink on dark paper for it
/// (`fieldInDarkSurround`; `--steps`: `field-in-a-dark-surround`, then `in-box-…`), or else inside
/// the dark bands along its edges when they lift the first look's noise floor above full ink (a
/// field cut close to a box the line judgement does not find: `isInkHiddenByItsFrame`,
/// `frameInsideEdgeBands`; `--steps`: `inside-edge-bands`, then `in-box-…`). A digit read
/// together with a box around it is read again inside the box, when the region around it is a
/// field in its box (`regionAroundDigit`; `--steps`: `digit-in-a-box`, then `in-box-…`). When
/// nothing is found by any of these, the frame (or the field in its box) gets a last look averaged
/// 5×5 (`findBlurredDigit`: a faint digit blurred far beyond its pen; where the first look found a
/// form's boxes, on the frame with the printed lines it found painted out; `--steps`: `averaged-…`).
///
/// An image in which nothing is found is read once more with paper around it (`withPaperAround`)
/// when its frame leaves the digit none: smaller than MNIST's 28×28 frame, or filled by a bold
/// shape. The page's measures assume paper around the digit, and a digit cut to its box at 8–24 px,
/// or a marker digit cut to its box at any size, fills its frame: its ink and fringe fill the
/// histogram's upper quartile (the noise estimate then hides it, or takes it for heavy noise and
/// averages it away) and its strokes run into the frame's edge. With paper around it (and a small
/// one enlarged smoothly), it is the digit the pipeline reads. The steps of both readings are
/// recorded, the second's named `padded-…`. A field cut out inside its box is read so too, but
/// what lies mostly along its edges there (`FieldFrame`) is left of the box, not a digit.
public func preprocess(_ image: GrayImage, recordingSteps: Bool = false) -> PreprocessResult {
    guard image.width > 0, image.height > 0 else {
        return PreprocessResult(digit: nil, warnings: [noDigitFoundWarning], steps: [])
    }
    // The first look's flattened frame is for the last look only: a result kept by the caller (a
    // batch's reorder window) does not hold it.
    let working = toWorkingImage(image)
    let coarse = coarseCopy(working)
    var result: PreprocessResult
    if let sheet = paperSheet(working, coarse: coarse) {
        // A sheet photographed on a desk is read on the sheet alone; nothing found there is nothing.
        let step = recordingSteps ? [PreprocessStep(name: "1-paper-sheet", image: sheet.image.grayImage())] : []
        result = readFrame(sheet.image, recordingSteps: recordingSteps, stepsBefore: step, sheetCut: true)
    } else {
        result = readFrame(working, coarse: coarse, recordingSteps: recordingSteps)
    }
    result.firstLook = nil
    return result
}

/// `preprocess` from the working image (`toWorkingImage`) on. `sheetCut`: `working` is a sheet cut
/// from a photo (`paperSheet`), its edges the paper's (`FirstLook.sheetCut`).
private func readFrame(_ working: FloatImage, coarse: FloatImage? = nil, recordingSteps: Bool,
                       stepsBefore: [PreprocessStep] = [], sheetCut: Bool = false) -> PreprocessResult {
    func boxStep(_ name: String, number: Int) -> [PreprocessStep] {
        recordingSteps ? [PreprocessStep(name: "\(number)-\(name)", image: working.grayImage())] : []
    }
    if let field = fieldInsideBox(working) {
        let result = preprocess(frame: field.image, inField: true, recordingSteps: recordingSteps,
                                stepsBefore: stepsBefore + boxStep("field-in-its-box", number: stepsBefore.count + 1))
        return result.digit == nil ? lastLook(at: field.image, after: result, recordingSteps: recordingSteps) : result
    }
    var result = preprocess(frame: working, coarse: coarse, inField: false, sheetCut: sheetCut,
                            recordingSteps: recordingSteps, stepsBefore: stepsBefore)
    guard result.digit == nil else { return result }
    // Nothing found in the whole frame: a field cut with its box after all.
    let fields = [("field-in-a-dark-surround", { fieldInDarkSurround(working) }),
                  ("inside-edge-bands", {
                      // Flattened at most once for both judgements, when one needs it: both come
                      // after `frameInsideEdgeBands` found the ink dark.
                      var flattened: FloatImage?
                      func inkBrightFlattened() -> FloatImage {
                          if let flattened { return flattened }
                          let made = flattenedDarkInk(working)
                          flattened = made
                          return made
                      }
                      guard let bands = frameInsideEdgeBands(working, inkBrightFlattened: inkBrightFlattened()),
                            isInkHiddenByItsFrame(working, inkBrightFlattened: inkBrightFlattened()) else { return nil }
                      return bands
                  })]
    for (name, field) in fields {
        guard let field = field() else { continue }
        let inside = preprocess(frame: field.image, inField: true, recordingSteps: recordingSteps,
                                stepsBefore: result.steps + boxStep(name, number: result.steps.count + 1),
                                stepPrefix: "in-box-")
        guard inside.digit == nil else { return inside }
        result.steps = inside.steps
    }
    return lastLook(at: working, after: result, recordingSteps: recordingSteps)
}

/// The last look at a frame in which nothing was found (`result`, whose `firstLook` the frame's
/// first look measured): the frame averaged 5×5 (`findBlurredDigit`: a faint digit blurred far
/// beyond its pen), its steps named `averaged-…` after `result`'s. `result` with those steps when
/// this look finds nothing either.
private func lastLook(at frame: FloatImage, after result: PreprocessResult, recordingSteps: Bool) -> PreprocessResult {
    guard let firstLook = result.firstLook else { return result }
    var last = preprocess(working: frame, recordingSteps: recordingSteps, stepPrefix: "averaged-",
                          firstStepNumber: result.steps.count + 1, blurredFrom: firstLook)
    last.steps = result.steps + last.steps
    guard last.digit == nil else { return last }
    var unchanged = result
    unchanged.steps = last.steps
    return unchanged
}

/// One frame read as `preprocess` says: as it is, then, when nothing is found and its frame leaves
/// a digit no paper (`withPaperAround`; for a field, also when its digit fills it,
/// `isFieldFilledByItsDigit`; for a frame under three MNIST frames, also when its first look holds
/// one large mark, `holdsLoneLargeMark`), with paper around it (steps `padded-…`). A frame of MNIST's size or
/// larger filled by a bold shape (`isFilledByBoldShape`, not a field) is read with paper around it
/// first, and as it is only when nothing is found so: a digit is found in it as it is too, but
/// often the wrong one, as the page's measures assume paper around the digit (the paper taken for
/// ink when it is the minority; a bold stroke filling a lighting window taken for paper, so the
/// loop it closes breaks). `inField`: the frame is a field cut out inside its box, whose box's
/// remnants along its edges are not a digit (`FieldFrame`); `sheetCut`: it is a sheet cut from a
/// photo, its edges the paper's (`FirstLook.sheetCut`; the copy with paper around it has none). Its
/// steps follow `stepsBefore`, named `stepPrefix` + stage.
func preprocess(frame working: FloatImage, coarse: FloatImage? = nil, inField: Bool, sheetCut: Bool = false,
                recordingSteps: Bool, stepsBefore: [PreprocessStep], stepPrefix: String = "") -> PreprocessResult {
    let polarity = inkPolarity(working, coarse: coarse)
    let boldFirst = !inField && max(working.width, working.height) >= smallFrameSide && polarity.byCorners
    var steps = stepsBefore
    if boldFirst, let padded = preprocess(paddedFrame: working, inField: false, boldShape: true,
                                          recordingSteps: recordingSteps, stepsBefore: steps, stepPrefix: stepPrefix) {
        guard padded.digit == nil else { return padded }
        steps = padded.steps
    }
    var first = preprocess(working: working, recordingSteps: recordingSteps, stepPrefix: stepPrefix,
                           firstStepNumber: steps.count + 1, inkIsDark: polarity.inkIsDark, sheetCut: sheetCut)
    first.steps = steps + first.steps
    guard first.digit == nil, !boldFirst,
          let second = preprocess(paddedFrame: working, inField: inField, boldShape: polarity.byCorners,
                                  filled: (inField && isFieldFilledByItsDigit(working))
                                      || (max(working.width, working.height) < enlargedFrameSide
                                          && first.firstLook?.holdsLoneLargeMark == true),
                                  recordingSteps: recordingSteps,
                                  stepsBefore: first.steps, stepPrefix: stepPrefix) else { return first }
    var read = second
    read.firstLook = first.firstLook
    return read
}

/// `working` read with paper around it (`withPaperAround`, which says when: `boldShape` and
/// `filled` as there), its steps named `stepPrefix` + `padded-` + stage after `stepsBefore`, its
/// digit's height in `working`'s pixels; `nil` when the frame leaves a digit paper. `inField`: as
/// for `preprocess(frame:…)`.
private func preprocess(paddedFrame working: FloatImage, inField: Bool, boldShape: Bool,
                        filled: @autoclosure () -> Bool = false, recordingSteps: Bool,
                        stepsBefore: [PreprocessStep], stepPrefix: String) -> PreprocessResult? {
    guard let (padded, factor) = withPaperAround(working, filled: filled(), boldShape: boldShape) else { return nil }
    let frame = inField ? FieldFrame(fieldWidth: working.width, height: working.height,
                                     margin: paperMargin(working), factor: factor) : nil
    var result = preprocess(working: padded, recordingSteps: recordingSteps, stepPrefix: stepPrefix + "padded-",
                            firstStepNumber: stepsBefore.count + 1, fieldFrame: frame)
    result.steps = stepsBefore + result.steps
    result.digitHeight = result.digitHeight.map { max(1, ($0 + factor / 2) / factor) }
    return result
}

/// `preprocess` on an image already in working form (`toWorkingImage`), its steps named
/// `stepPrefix` + stage and numbered from `firstStepNumber`; `fieldFrame`: where a field cut out
/// inside its box lies in `working` (its copy with paper around it), whose box's remnants along
/// its edges are not a digit (`chooseDigit`); without one, a frame from which printed lines were
/// removed is its own (`FieldFrame(linesRemovedFrom:height:)`). `inkIsDark`: the frame's polarity,
/// when the caller judged it already (`inkPolarity`). The result carries what this first look
/// measured (`PreprocessResult.firstLook`). `blurredFrom`: the last look, the digit looked for only
/// on that first look's flattened frame averaged 5×5 (`findBlurredDigit`; `--steps`:
/// `soft-ink-mask`), the frame not cleaned again. `sheetCut`: `working` is a sheet cut from a photo
/// (`FirstLook.sheetCut`), its lighting divided out with shadows followed (`raisedToShadows`).
func preprocess(working: FloatImage, recordingSteps: Bool, stepPrefix: String = "",
                firstStepNumber: Int = 1, fieldFrame: FieldFrame? = nil, inkIsDark: Bool? = nil,
                sheetCut: Bool = false, blurredFrom: FirstLook? = nil) -> PreprocessResult {
    var steps: [PreprocessStep] = []
    func record(_ name: String, _ picture: @autoclosure () -> GrayImage) {
        guard recordingSteps else { return }
        steps.append(PreprocessStep(name: "\(firstStepNumber + steps.count)-\(stepPrefix)\(name)", image: picture()))
    }
    var firstLook: FirstLook?
    func noDigit() -> PreprocessResult {
        var result = PreprocessResult(digit: nil, warnings: [noDigitFoundWarning], steps: steps)
        result.firstLook = firstLook
        return result
    }
    var page: CleanedPage
    var found: DigitSelection?
    if let blurredFrom {
        guard let blurred = findBlurredDigit(blurredFrom.flattenedWithoutLines ?? blurredFrom.flattened,
                                             firstLook: blurredFrom.thresholds,
                                             fieldFrame: blurredFrom.fieldFrame,
                                             printedRegions: blurredFrom.printedRegions) else { return noDigit() }
        (page, found) = (blurred.page, blurred.selection)
        record("soft-ink-mask", componentPicture(page.labels, page.components, width: page.cleaned.width,
                                                 height: page.cleaned.height, chosen: []))
    } else {
        page = cleanPage(working: working, inkIsDark: inkIsDark, followingShadows: sheetCut, record: record)
        // Printed lines removed from a frame read as it is: what is left of them along its edges (a
        // box cut close, skewed, its corners and stubs) is not a digit either.
        page.fieldFrame = fieldFrame
            ?? (page.ruledLineCount > 0 ? FieldFrame(linesRemovedFrom: working.width, height: working.height) : nil)
        record("ink-mask", componentPicture(page.labels, page.components, width: page.cleaned.width,
                                            height: page.cleaned.height, chosen: []))
        found = chooseDigit(page)
        // Later looks at this frame leave the print it found alone.
        page.printedRegions = smallPrintRegions(page)
        firstLook = FirstLook(flattened: page.flattened, unflattened: page.unflattened, thresholds: page.thresholds,
                              fieldFrame: page.fieldFrame, printedRegions: page.printedRegions,
                              printedBoxes: page.printedBoxes, printedLines: page.printedLines,
                              answerLines: page.answerLines, sheetCut: sheetCut,
                              flattenedWithoutLines: page.flattenedWithoutLines)
        if found == nil { firstLook?.holdsLoneLargeMark = holdsLoneLargeMark(page) }
        if found == nil, let past = findDigitPastSolidMarks(page) {
            (page, found) = (past.page, past.selection)
            record("ink-mask-past-solid-marks", componentPicture(page.labels, page.components, width: page.cleaned.width,
                                                                 height: page.cleaned.height, chosen: []))
        }
        if found == nil, let soft = findSoftDigit(page.flattened, firstLook: page.thresholds, fieldFrame: page.fieldFrame,
                                                printedRegions: page.printedRegions) {
            (page, found) = (soft.page, soft.selection)
            record("soft-ink-mask", componentPicture(page.labels, page.components, width: page.cleaned.width,
                                                     height: page.cleaned.height, chosen: []))
        }
        if found == nil { found = chooseDigit(page, acceptingLoneMark: true) }
    }
    if let selection = found, let detached = withoutAttachedDiscs(page, selection) {
        (page, found) = (detached.page, detached.selection)
        record("ink-mask-without-discs", componentPicture(page.labels, page.components, width: page.cleaned.width,
                                                          height: page.cleaned.height, chosen: []))
    }
    // A digit written in a form's box, or on an answer line (`answerLineField`), is judged among
    // what reaches into its box or the line's field: the print around them (a label, a title) is
    // neither dust nor marks alike beside it.
    let answerLines = (firstLook ?? blurredFrom)?.answerLines ?? page.answerLines
    let field = found.flatMap { $0.writtenIn ?? answerLineField(of: $0, answerLines: answerLines) }
    let around = field.map { box in page.components.filter { !$0.liesOutside(box) } } ?? page.components
    guard let selection = found,
          !isAmongScatteredMarks(selection, components: around, width: page.cleaned.width,
                                 height: page.cleaned.height),
          !isOutweighedByDust(selection, components: around, width: page.cleaned.width,
                              height: page.cleaned.height),
          !isAmongLikeMarks(selection, components: around, width: page.cleaned.width,
                            height: page.cleaned.height),
          !isShadowEdge(selection, page: page, firstLook: firstLook ?? blurredFrom),
          !isLabelOfEmptyBox(selection, page: page, firstLook: firstLook ?? blurredFrom),
          !isLabelOfEmptyAnswerLine(selection, page: page, firstLook: firstLook ?? blurredFrom) else { return noDigit() }
    // A digit read together with a printed box around it: read again inside the box, when the
    // region around it is a field in its box (`regionAroundDigit`). Once per image, on the first
    // reading of the frame (not inside such a box, not with paper around it), and only where the
    // ink is dark on light paper: around a light digit on black, the black margin passes for a
    // box's lines.
    if stepPrefix.isEmpty, let region = regionAroundDigit(selection, in: working),
       let field = fieldInsideBox(region, acceptingLightInk: false) {
        record("digit-in-a-box", region.grayImage())
        var inner = preprocess(working: field.image, recordingSteps: recordingSteps, stepPrefix: "in-box-",
                               firstStepNumber: firstStepNumber + steps.count)
        if inner.digit != nil {
            inner.steps = steps + inner.steps
            return inner
        }
    }
    let (cleaned, thresholds, labels, components) = (page.cleaned, page.thresholds, page.labels, page.components)
    let ruledLineCount = page.ruledLineCount
    record("digit", componentPicture(labels, components, width: cleaned.width, height: cleaned.height,
                                     chosen: selection.labels))
    let ink = enlargeSmallInk(extractInk(cleaned, labels: labels, selection: selection, thresholds: thresholds))
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

/// The digit among `page`'s components: a filled region with a hole is not a blob
/// (`markEnclosedHoles`); empty printed frames (form boxes, comb cells) are
/// structure, not a digit, and so are a comb's ticks left standing without its baseline
/// (`printedTicks`), and neither are a form's printed labels, rows of letters small on the page
/// (`smallPrintRows`), nor what lies where the first look found them (`CleanedPage.printedRegions`,
/// `liesInPrint`). A mark written in one of the form's boxes (`CleanedPage.printedBoxes`) is the
/// digit, read within its box (`chooseDigitWrittenInBox`), and so is one written on an answer line
/// (`CleanedPage.answerLines`, `chooseDigitWrittenOnLine`); otherwise `selectDigit` picks among the
/// rest, and a flat bar it picks
/// (a leftover piece of a printed line, `isFlatBar`) or a printed word (letters run together,
/// `isPrintedWord`) is set aside and the choice made again. With
/// `acceptingLoneMark` (the last resort of `preprocess`, once the second look found nothing either),
/// the only mark on a page where no printed line was removed may seed without a plateau
/// (`isLoneDrawnMark`). On a field's copy with paper around it (`CleanedPage.fieldFrame`), what
/// lies mostly along the field's edges is left of its box (`FieldFrame.holdsRemnant`).
func chooseDigit(_ page: CleanedPage, acceptingLoneMark: Bool = false) -> DigitSelection? {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    var digitLike = markEnclosedHoles(page.components, image: page.cleaned, labels: page.labels,
                                      unflattened: page.unflattened).filter {
        !($0.reachesHigh && isEmptyFrame($0, labels: page.labels, width: width))
    }
    if let frame = page.fieldFrame {
        digitLike.removeAll { $0.reachesHigh && frame.holdsRemnant($0, labels: page.labels, width: width) }
    }
    let ticks = printedTicks(page.components)
    digitLike.removeAll { ticks.contains($0.label) }
    // A form's printed labels, small on the page, are not a digit either.
    let pageMarks = marks(page.components, rules: DigitSelectionRules(width: width, height: height))
    let smallPrint = Set(smallPrintRows(pageMarks, frameSide: min(width, height)).flatMap { $0.map(\.label) })
    digitLike.removeAll { smallPrint.contains($0.label) || liesInPrint($0, page.printedRegions) }
    // A flat bar (what is left of a printed line) or a printed word is not a digit: choose again
    // without it. A lone mark may be what line removal left of a printed line: not on a page that
    // had lines.
    let lone = acceptingLoneMark && page.ruledLineCount == 0
    // A mark written in one of the form's boxes is what the form was filled in with: the print
    // around the boxes (labels, a title) is not chosen over it.
    if let inBox = chooseDigitWrittenInBox(digitLike, page: page, marks: pageMarks, acceptingLoneMark: lone) {
        return inBox
    }
    // So is a mark written on one of its answer lines: a bold label or title is not chosen over it.
    if let onLine = chooseDigitWrittenOnLine(digitLike, page: page, marks: pageMarks, acceptingLoneMark: lone) {
        return onLine
    }
    var chosen = selectDigit(digitLike, width: width, height: height, acceptingLoneMark: lone)
    while let flat = chosen, isFlatBar(width: flat.boxWidth, height: flat.boxHeight)
            || isPrintedWord(width: flat.boxWidth, height: flat.boxHeight, frameSide: min(width, height)) {
        digitLike.removeAll { flat.labels.contains($0.label) }
        chosen = selectDigit(digitLike, width: width, height: height, acceptingLoneMark: lone)
    }
    return chosen
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
    /// The flattened image before any noise averaging and line removal (0 = background … 1 = ink).
    var flattened: FloatImage
    /// Set on the copy of a field cut out inside its box read with paper around it (`preprocess`).
    var fieldFrame: FieldFrame? = nil
    /// Where the first look at the frame found rows of small print (`smallPrintRegions`): the later
    /// looks, whose lower thresholds and averaging join a word's letters into one mark, leave what
    /// lies there alone (`chooseDigit`).
    var printedRegions: [PixelBox] = []
    /// The insides of the boxes drawn by the printed lines removed (`removeLineSegments`): a mark
    /// written in one is what the form was filled in with (`chooseDigit`).
    var printedBoxes: [PixelBox] = []
    /// The printed lines removed (`findRuledLines`, `removeLineSegments`; geometry only).
    var printedLines: [LineSegment] = []
    /// The answer lines among them (`answerLines`): a mark written on one is what the form was
    /// filled in with (`chooseDigit`). Like `printedBoxes`, for the first look only.
    var answerLines: [LineSegment] = []
    /// The image, ink bright, before its lighting was divided out (0…1, the size of `cleaned`),
    /// where the page was cleaned from one (`cleanPage`): filled marks' loops are judged on it
    /// (`markEnclosedHoles`).
    var unflattened: FloatImage? = nil
    /// `flattened` with the printed lines painted out (`cleaned`), where the page was cleaned from
    /// one (`cleanPage`), a form's boxes were found on it (`printedBoxes`) and its ink mask was not
    /// taken from a 3×3 average (`suppressNoise`): what the last look averages (`findBlurredDigit`).
    var flattenedWithoutLines: FloatImage? = nil
}

/// gray → polarity (ink bright) → illumination flattened (averaged 3×3 under heavy noise) →
/// ruled lines removed → printed line segments (boxes, combs, underlines) removed → components;
/// `record` receives the stage pictures (gray, polarity, flattened, lines-removed).
func cleanPage(_ image: GrayImage, record: (String, @autoclosure () -> GrayImage) -> Void = { _, _ in }) -> CleanedPage {
    cleanPage(working: toWorkingImage(image), record: record)
}

/// `cleanPage` on an image already in working form (`toWorkingImage`: 0…1, 0 = black, at most
/// `workingLongSideLimit` px long), e.g. a reduced copy or a crop of one; `inkIsDark`: its
/// polarity, when the caller judged it already; `followingShadows`: its lighting is divided out
/// with shadows followed (`flattenIllumination`, a sheet cut from a photo).
func cleanPage(working gray: FloatImage, inkIsDark: Bool? = nil, followingShadows: Bool = false,
               record: (String, @autoclosure () -> GrayImage) -> Void = { _, _ in }) -> CleanedPage {
    record("gray", gray.grayImage())
    let bright = normalisePolarity(gray, inkIsDark: inkIsDark)
    record("polarity", bright.grayImage())
    let flattened = flattenIllumination(bright, followingShadows: followingShadows)
    let (maskSource, thresholds, denoised) = suppressNoise(flattened)
    record("flattened", maskSource.grayImage())
    var page = labelInk(maskSource, thresholds: thresholds, flattened: flattened, retakingThresholds: true)
    page.unflattened = bright
    if !denoised && !page.printedBoxes.isEmpty { page.flattenedWithoutLines = page.cleaned }
    record("lines-removed", page.cleaned.grayImage())
    return page
}

/// Ruled lines and printed line segments (boxes, combs, underlines) removed from `image` (the
/// flattened image or its noise-averaged copy) and its ink labelled with `thresholds`, or, when
/// `retakingThresholds` and lines were removed, with thresholds taken again on what is left (printed
/// lines darker than the digit, a black box around a pencil digit, set Otsu's threshold above the
/// digit's ink; once they are gone, the thresholds are the digit's own). `flattened` is kept for a
/// second look.
func labelInk(_ image: FloatImage, thresholds: InkThresholds, flattened: FloatImage,
              retakingThresholds: Bool = false) -> CleanedPage {
    var thresholds = thresholds
    let lowMask = inkMask(image, above: thresholds.low)
    let ruledLines = findRuledLines(lowMask, image: image)
    let withoutRuledLines = paintRuledLines(image, ruledLines)
    let ruledLineCount = ruledLines.horizontal.count + ruledLines.vertical.count
    let ruledSegments = ruledLines.horizontal.map { $0.segment(axis: .horizontal, width: image.width, height: image.height) }
        + ruledLines.vertical.map { $0.segment(axis: .vertical, width: image.width, height: image.height) }
    let (cleaned, segments, boxes) = removeLineSegments(withoutRuledLines,
                                                        mask: ruledLineCount == 0 ? lowMask
                                                            : inkMask(withoutRuledLines, above: thresholds.low),
                                                        ruledLines: ruledSegments)
    if retakingThresholds && ruledLineCount + segments.count > 0 { thresholds = inkThresholds(cleaned) }
    var page = CleanedPage(labelling: cleaned, thresholds: thresholds, ruledLineCount: ruledLineCount + segments.count,
                           flattened: flattened)
    page.printedBoxes = boxes
    page.printedLines = ruledSegments + segments
    page.answerLines = answerLines(page.printedLines, width: image.width)
    return page
}

extension CleanedPage {
    /// `cleaned` with its ink labelled under `thresholds` (`connectedComponents`, a region's plateau
    /// judged on the noise floor).
    init(labelling cleaned: FloatImage, thresholds: InkThresholds, ruledLineCount: Int, flattened: FloatImage) {
        let (labels, components) = connectedComponents(cleaned, low: thresholds.low, high: thresholds.high,
                                                       plateau: thresholds.noiseFloor)
        self.init(cleaned: cleaned, thresholds: thresholds, labels: labels, components: components,
                  ruledLineCount: ruledLineCount, flattened: flattened)
    }
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
