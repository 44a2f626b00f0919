/// Reads every digit of a number in an image: decode → (a field cut out with its box: inside the
/// box, `fieldInsideBox`) → `cleanPage` (the single-digit path's
/// lighting, polarity and ruled-line cleaning) → on a form, what is written in its boxes
/// (`componentsOfNumber`) → `segmentDigits` (specks and printed lines
/// dropped, pieces merged, lines and reading order) → `mergeBrokenDigits` (pieces side by side
/// that read better as one) → `splitTouchingDigits` → each digit through
/// the single-digit normalisation (`normaliseInk`) → `classify`.
///
/// The file is decoded once (`numberDecodeOptions`: a 1600×1200 JPEG at 1/2, 800×600), since each
/// decoding pays for the whole entropy decoding. The page is first looked at box-averaged to the
/// size the single-digit rule would decode (`numberFirstLookFactor`: 400×300); when the typical
/// digit found there is under `numberDigitHeight` px tall, the digits' area (`numberFineArea`) is
/// looked at again at the full working size.
/// Boxes are given in pixels of the full-size image as displayed (after EXIF orientation).
public func readNumber(fromFileBytes bytes: [UInt8], decodeOptions: DecodeOptions = DecodeOptions(),
                       keepingPage: Bool = false,
                       classify: (DigitImage) -> Prediction) throws -> NumberReading {
    let decoded = try decodeImage(bytes: bytes, options: numberDecodeOptions(decodeOptions))
    let workingFactor = workingImageFactor(width: decoded.image.width, height: decoded.image.height)
    let workingWidth = max(1, decoded.image.width / workingFactor)
    let workingHeight = max(1, decoded.image.height / workingFactor)
    let factor = numberFirstLookFactor(width: workingWidth, height: workingHeight,
                                       minShortSide: decodeOptions.minShortSide)
    // The first look's pixel (x, y) covers the working image's k×k block from (k·x, k·y).
    let coarse = toWorkingImage(decoded.image, factor: workingFactor * factor)
    // A number field cut out with its printed box is read inside the box, as `preprocess` reads
    // one digit (`fieldInsideBox`); only where the first look is the working image (a field cut
    // out is small), so that no finer look has to find the box again.
    let field = factor == 1 ? fieldInsideBox(coarse) : nil
    // A sheet photographed on a desk is read on the sheet alone, as `preprocess` reads one digit
    // (`paperSheet`).
    let sheet = field == nil ? paperSheet(coarse) : nil
    var page = cleanPage(working: field?.image ?? sheet?.image ?? coarse)
    var lines = segmentDigits(componentsOfNumber(page), width: page.cleaned.width, height: page.cleaned.height)
    // Where `page` lies in `working`: its pixel (x, y) covers `working`'s from (x·scale + x0, y·scale + y0).
    var scale = factor, seen = coarse
    var origin = field?.origin ?? sheet.map { (x: $0.origin.x * factor, y: $0.origin.y * factor) } ?? (x: 0, y: 0)
    if factor > 1, let height = medianHeight(lines), height < numberDigitHeight {
        let working = toWorkingImage(decoded.image, factor: workingFactor)
        var area = numberFineArea(lines, typicalHeight: height, factor: factor,
                                  width: working.width - origin.x, height: working.height - origin.y)
        area.x += origin.x; area.y += origin.y
        // On a sheet, the finer look is cut from the sheet found again at that size.
        let frame = sheet == nil ? nil : paperSheet(working)
        let source = frame?.image ?? working, sourceOrigin = frame?.origin ?? (x: 0, y: 0)
        let x0 = min(source.width - 1, max(0, area.x - sourceOrigin.x))
        let y0 = min(source.height - 1, max(0, area.y - sourceOrigin.y))
        let x1 = min(source.width, area.x + area.width - sourceOrigin.x)
        let y1 = min(source.height, area.y + area.height - sourceOrigin.y)
        let cut = PixelBox(x: x0, y: y0, width: max(1, x1 - x0), height: max(1, y1 - y0))
        page = cleanPage(working: source.cropped(to: cut))
        lines = segmentDigits(componentsOfNumber(page), width: page.cleaned.width, height: page.cleaned.height)
        scale = 1; origin = (cut.x + sourceOrigin.x, cut.y + sourceOrigin.y); seen = working
    }
    lines = mergeBrokenDigits(lines, page: page, classify: classify)
    let regions = splitTouchingDigits(lines, page: page, classify: classify)

    let scaleX = Double(displayedWidth(decoded)) / Double(workingWidth)
    let scaleY = Double(displayedHeight(decoded)) / Double(workingHeight)
    var reading = NumberReading(digits: [], digitImages: [], warnings: [],
                                page: keepingPage ? seen.grayImage() : nil)
    for (lineIndex, line) in regions.enumerated() {
        for region in line {
            guard let digit = normalisedDigit(region, on: page) else { continue }
            let box = region.selection
            let inWorking = PixelBox(x: box.minX * scale + origin.x, y: box.minY * scale + origin.y,
                                     width: box.boxWidth * scale, height: box.boxHeight * scale)
            reading.digits.append(NumberDigit(prediction: classify(digit), box: scaled(inWorking, scaleX, scaleY),
                                              line: lineIndex))
            reading.digitImages.append(digit)
            if keepingPage {
                reading.pageBoxes.append(PixelBox(x: inWorking.x / scale, y: inWorking.y / scale,
                                                  width: box.boxWidth, height: box.boxHeight))
            }
        }
    }
    renumberLines(&reading.digits)
    if reading.digits.isEmpty { reading.warnings.append(noDigitFoundWarning) }
    return reading
}

/// Typical digit height (px) for `readNumber` to keep its first look: enough that each digit,
/// scaled into MNIST's 20 px box, still averages about two pixels into one (at less, thin strokes
/// fade into the paper and a 4 breaks into pieces).
public let numberDigitHeight = 40

/// How `readNumber` decodes: a large JPEG at the DCT scale keeping its short side at least twice
/// `options.minShortSide` (a 1600×1200 photo at 1/2, 800×600; a 4000×3000 one at 1/4, 1000×750,
/// which the working image reduces to 500×375 anyway), so that the one decoding serves both looks.
/// `minShortSide` 0 (full size) is kept.
func numberDecodeOptions(_ options: DecodeOptions) -> DecodeOptions {
    var fine = options
    fine.minShortSide = options.minShortSide > 0 ? 2 * options.minShortSide : 0
    return fine
}

/// The box-averaging factor of `readNumber`'s first look at a working image `width × height`:
/// the largest that keeps the short side at least `minShortSide` px (what a single-digit decode
/// would give); 1 when `minShortSide` is 0 or the image is already that small.
func numberFirstLookFactor(width: Int, height: Int, minShortSide: Int) -> Int {
    guard minShortSide > 0 else { return 1 }
    return max(1, min(width, height) / minShortSide)
}

/// The part of the working image (`width × height`) that `readNumber` looks at again, finer: the
/// box around every region found in the first look (`factor` times coarser), widened by one
/// typical digit height (`typicalHeight`, first-look px) on each side, so a digit or piece the
/// first look missed beside the others is still inside, clipped to the image.
func numberFineArea(_ lines: [[DigitSelection]], typicalHeight: Int, factor: Int,
                    width: Int, height: Int) -> PixelBox {
    let regions = lines.flatMap { $0 }
    guard let first = regions.first else { return PixelBox(x: 0, y: 0, width: width, height: height) }
    var minX = first.minX, minY = first.minY, maxX = first.maxX, maxY = first.maxY
    for region in regions {
        minX = min(minX, region.minX); minY = min(minY, region.minY)
        maxX = max(maxX, region.maxX); maxY = max(maxY, region.maxY)
    }
    let x0 = max(0, (minX - typicalHeight) * factor), y0 = max(0, (minY - typicalHeight) * factor)
    let x1 = min(width, (maxX + 1 + typicalHeight) * factor), y1 = min(height, (maxY + 1 + typicalHeight) * factor)
    return PixelBox(x: x0, y: y0, width: max(1, x1 - x0), height: max(1, y1 - y0))
}

/// Median height (px) of the regions, `nil` when there are none.
private func medianHeight(_ lines: [[DigitSelection]]) -> Int? {
    let heights = lines.flatMap { $0.map(\.boxHeight) }.sorted()
    return heights.isEmpty ? nil : heights[heights.count / 2]
}

/// Line numbers 0, 1, … with no gaps (a line whose regions all held no ink is gone).
private func renumberLines(_ digits: inout [NumberDigit]) {
    var next = -1, previous: Int?
    for index in digits.indices {
        if digits[index].line != previous { next += 1; previous = digits[index].line }
        digits[index].line = next
    }
}

/// The image's width and height as displayed at full size (the header's, turned by EXIF).
private func displayedWidth(_ decoded: DecodedImage) -> Int {
    decoded.orientation.swapsWidthAndHeight ? decoded.declaredHeight : decoded.declaredWidth
}

private func displayedHeight(_ decoded: DecodedImage) -> Int {
    decoded.orientation.swapsWidthAndHeight ? decoded.declaredWidth : decoded.declaredHeight
}

/// `box` in a grid `scaleX`, `scaleY` times finer: the smallest box covering the same area.
private func scaled(_ box: PixelBox, _ scaleX: Double, _ scaleY: Double) -> PixelBox {
    let x0 = Int((Double(box.x) * scaleX).rounded(.down)), y0 = Int((Double(box.y) * scaleY).rounded(.down))
    let x1 = Int((Double(box.x + box.width) * scaleX).rounded(.up))
    let y1 = Int((Double(box.y + box.height) * scaleY).rounded(.up))
    return PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
}

