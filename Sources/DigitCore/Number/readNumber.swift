/// Reads every digit of a number in an image: decode → `cleanPage` (the single-digit path's
/// lighting, polarity and ruled-line cleaning) → `segmentDigits` (specks and printed lines
/// dropped, pieces merged, lines and reading order) → `mergeBrokenDigits` (pieces side by side
/// that read better as one) → `splitTouchingDigits` → each digit through
/// the single-digit normalisation (`normaliseInk`) → `classify`.
///
/// A large JPEG is first decoded by `decodeOptions` (a 1600×1200 photo at 1/4) and decoded again,
/// finer, when the digits found there are under `numberDigitHeight` px tall (choosing the scale
/// that brings the typical digit to that height).
/// Boxes are given in pixels of the full-size image as displayed (after EXIF orientation).
public func readNumber(fromFileBytes bytes: [UInt8], decodeOptions: DecodeOptions = DecodeOptions(),
                       keepingPage: Bool = false,
                       classify: (DigitImage) -> Prediction) throws -> NumberReading {
    // No 1/8 first look as for one digit: a number's digits are small in the frame, so it would
    // nearly always be read again (and each reading pays for the whole entropy decoding).
    var decoded = try decodeImage(bytes: bytes, options: decodeOptions)
    var page = cleanPage(decoded.image)
    var lines = segmentDigits(page.components, width: page.cleaned.width, height: page.cleaned.height)
    let height = medianHeight(lines)
    if let height, height < numberDigitHeight, decodesFiner(decoded, with: DecodeOptions(minShortSide: 0)) {
        // The short side that brings the typical digit to `numberDigitHeight` px, but no more than
        // the working image (at most `workingLongSideLimit` px long) can use.
        let shortSide = min(decoded.image.width, decoded.image.height)
        let longSide = max(decoded.image.width, decoded.image.height)
        let workingScale = Float(page.cleaned.width) / Float(max(1, decoded.image.width))
        let needed = Float(shortSide * numberDigitHeight) / (Float(height) / workingScale)
        let useful = Float(workingLongSideLimit * shortSide) / Float(longSide)
        let wanted = Int(min(needed, useful).rounded(.up))
        if wanted > shortSide {
            decoded = try decodeImage(bytes: bytes, options: DecodeOptions(
                maxPixels: decodeOptions.maxPixels, minShortSide: wanted, keepAlpha: decodeOptions.keepAlpha))
            page = cleanPage(decoded.image)
            lines = segmentDigits(page.components, width: page.cleaned.width, height: page.cleaned.height)
        }
    }
    lines = mergeBrokenDigits(lines, page: page, classify: classify)
    let regions = splitTouchingDigits(lines, page: page, classify: classify)

    // Boxes are found in the working image (`toWorkingImage` may have box-averaged the decoded one).
    let scaleX = Double(displayedWidth(decoded)) / Double(max(1, page.cleaned.width))
    let scaleY = Double(displayedHeight(decoded)) / Double(max(1, page.cleaned.height))
    var reading = NumberReading(digits: [], digitImages: [], warnings: [],
                                page: keepingPage ? toWorkingImage(decoded.image).grayImage() : nil)
    for (lineIndex, line) in regions.enumerated() {
        for region in line {
            guard let digit = normalisedDigit(region, on: page) else { continue }
            let box = region.selection
            let pageBox = PixelBox(x: box.minX, y: box.minY, width: box.boxWidth, height: box.boxHeight)
            reading.digits.append(NumberDigit(prediction: classify(digit), box: scaled(pageBox, scaleX, scaleY),
                                              line: lineIndex))
            reading.digitImages.append(digit)
            if keepingPage { reading.pageBoxes.append(pageBox) }
        }
    }
    renumberLines(&reading.digits)
    if reading.digits.isEmpty { reading.warnings.append(noDigitFoundWarning) }
    return reading
}

/// Typical digit height (px) for `readNumber` to keep a coarse reading: enough that each digit,
/// scaled into MNIST's 20 px box, still averages about two pixels into one.
public let numberDigitHeight = 40

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
