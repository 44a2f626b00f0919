import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// `readNumber` on pictures built here from MNIST test digits (see `NumberPictures`).
@Suite(.enabled(if: NumberPictures.mnistTestsRun, "\(TestMNIST.skipReason)"))
struct ReadNumberTests {
    typealias P = NumberPictures

    init() throws {
        try #require(P.testSet != nil, "MNIST test set not readable at \(TestMNIST.directory)")
        try #require(P.model != nil, "no bundled model")
        try #require(P.exemplars.count == 10, "an exemplar digit is misread by the bundled model (NumberPictures.exemplarIndices)")
    }

    /// True when `box` lies within `tolerance` px of `expected` on every side.
    func near(_ box: PixelBox, _ expected: PixelBox, _ tolerance: Int = 3) -> Bool {
        abs(box.x - expected.x) <= tolerance && abs(box.y - expected.y) <= tolerance
            && abs(box.x + box.width - expected.x - expected.width) <= tolerance
            && abs(box.y + box.height - expected.y - expected.height) <= tolerance
    }

    @Test func twoSeparateDigitsAreReadLeftToRightWithTheirBoxes() throws {
        var page = P.Page(width: 160, height: 90)
        let boxes = page.write([4, 2], x: 30, baseline: 65, gaps: [16])
        let reading = try P.read(page)
        #expect(reading.number == "42")
        #expect(reading.digits.count == 2)
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box), "\(digit.box) vs \(box)") }
        #expect(reading.digits.allSatisfy { $0.line == 0 })
        #expect(reading.warnings.isEmpty)
    }

    @Test func fourDigitsReadInOrder() throws {
        var page = P.Page(width: 260, height: 90)
        page.write([4, 2, 1, 7], x: 24, baseline: 66, gaps: [12, 14, 10])
        #expect(try P.read(page).number == "4217")
    }

    @Test func aTouchingPairIsSplitIntoTwoDigits() throws {
        var page = P.Page(width: 200, height: 90)
        page.write([3, 0, 8], x: 24, baseline: 66, gaps: [-3, 14])
        // The 3 and the 0 must really touch: one component.
        let cleaned = cleanPage(page.gray)
        let big = cleaned.components.filter { $0.area > 100 }
        #expect(big.count == 2, "the pair should be one component, the 8 another")
        let reading = try P.read(page)
        #expect(reading.number == "308")
    }

    @Test func anOverlappingPairIsCutAroundTheOverlap() throws {
        var page = P.Page(width: 200, height: 90)
        page.write([3, 1, 6], x: 24, baseline: 66, gaps: [16, -4])
        // The 1 leans over the 6's left side: one component, and no straight cut parts them.
        let cleaned = cleanPage(page.gray)
        #expect(cleaned.components.filter { $0.area > 100 }.count == 2, "the 1 and the 6 should be one component")
        #expect(try P.read(page).number == "316")
    }

    @Test func threeDigitsInTwoTouchingPairsAreReadAsThree() throws {
        var page = P.Page(width: 220, height: 90)
        page.write([4, 9, 6], x: 24, baseline: 66, gaps: [-3, -3])
        let cleaned = cleanPage(page.gray)
        #expect(cleaned.components.filter { $0.area > 100 }.count == 1, "the three digits should be one component")
        let number = try P.read(page).number
        // Known: the 512-unit model trained on distorted copies (session 13) reads this blob's
        // two-digit halves confidently (the 4 and the 9's loop as 0, the 9's stem and the 6 as
        // 8), so the greedy best-pair cut goes wrong and it reads 4970. Following the best three
        // cuts to their final digits did not help (696; numbers bench 86.6% against 86.7%).
        // When this passes again, drop withKnownIssue.
        withKnownIssue("three overlapping digits: the first cut splits the blob in the middle") {
            #expect(number == "496")
        }
    }

    @Test func aDigitBrokenSideBySideIsOneDigit() throws {
        var page = P.Page(width: 200, height: 90)
        let boxes = page.write([2, 4, 6], x: 24, baseline: 66, gaps: [16, 16])
        // Erase a vertical band through the middle of the 4: its arm and its stem come apart,
        // side by side (not stacked, so no geometric rule joins them), both taller than a speck.
        let four = boxes[1]
        let band = four.x + four.width / 2
        for y in four.y..<(four.y + four.height) { for x in band..<(band + 3) { page.ink[x, y] = 0 } }
        let cleaned = cleanPage(page.gray)
        #expect(cleaned.components.filter { $0.area > 20 }.count >= 4, "the 4 should be in two pieces")
        let reading = try P.read(page)
        #expect(reading.number == "246")
        #expect(reading.digits.count == 3)
        if reading.digits.count == 3 { #expect(near(reading.digits[1].box, four, 4), "\(reading.digits[1].box) vs \(four)") }
    }

    @Test func aFiveWithADetachedBarIsOneDigit() throws {
        var page = P.Page(width: 200, height: 90)
        let boxes = page.write([2, 5, 6], x: 24, baseline: 66, gaps: [16, 16])
        // Erase a band of the 5 below its top bar, so the bar is a separate piece.
        let five = boxes[1]
        let band = five.y + five.height / 5
        for y in band..<(band + 3) { for x in five.x..<(five.x + five.width) { page.ink[x, y] = 0 } }
        let cleaned = cleanPage(page.gray)
        #expect(cleaned.components.filter { $0.area > 20 }.count >= 4, "the bar should be detached")
        let reading = try P.read(page)
        #expect(reading.digits.count == 3)
        #expect(reading.number == "256")
        #expect(near(reading.digits[1].box, five, 4), "the 5's box should include its bar")
    }

    @Test func twoLinesAreReadTopToBottomJoinedByASpace() throws {
        var page = P.Page(width: 200, height: 150)
        page.write([4, 1, 7], x: 30, baseline: 60, gaps: [12, 12])
        page.write([2, 0, 9, 3], x: 20, baseline: 125, gaps: [12, 12, 12])
        let reading = try P.read(page)
        #expect(reading.number == "417 2093")
        #expect(reading.digits.map(\.line) == [0, 0, 0, 1, 1, 1, 1])
    }

    @Test func aNumberInACombFieldIgnoresThePrintedLines() throws {
        var page = P.Page(width: 240, height: 100)
        let pitch = 50
        for (i, digit) in [6, 0, 3, 8].enumerated() {
            let ink = P.digitInk(digit)
            page.add(ink, x: 20 + i * pitch + (pitch - ink.width) / 2, y: 72 - ink.height)
        }
        page.fill(x: 20, y: 76, width: 4 * pitch + 2, height: 2)                       // base line
        for i in 0...4 { page.fill(x: 20 + i * pitch, y: 62, width: 2, height: 14) }   // teeth
        let reading = try P.read(page)
        #expect(reading.number == "6038")
    }

    @Test func aNumberFieldCutOutWithItsBoxIsReadInsideTheBox() throws {
        // Three digits 18–20 px tall in a grey box 2 px wide, blurred, cut 1 px outside it: the
        // box and its fringe fill much of the small frame, and read whole the number was not found.
        var page = P.Page(width: 84, height: 32)
        let line = FloatImage(width: 82, height: 2, filledWith: 0.7), side = FloatImage(width: 2, height: 30, filledWith: 0.7)
        page.add(line, x: 1, y: 1); page.add(line, x: 1, y: 29); page.add(side, x: 1, y: 1); page.add(side, x: 81, y: 1)
        page.ink = boxBlur(boxBlur(page.ink, radius: 1), radius: 1)
        let boxes = page.write([4, 7, 2], x: 14, baseline: 26, gaps: [4, 4], scale: 1)
        let reading = try P.read(page)
        #expect(reading.number == "472")
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box), "\(digit.box) vs \(box)") }
    }

    @Test func dustBesideTheNumberIsNotADigit() throws {
        var page = P.Page(width: 220, height: 100)
        page.write([7, 2, 9], x: 40, baseline: 70, gaps: [14, 14])
        page.fill(x: 10, y: 30, width: 3, height: 3)
        page.fill(x: 200, y: 60, width: 4, height: 3)
        page.fill(x: 120, y: 85, width: 2, height: 2)
        page.fill(x: 95, y: 10, width: 3, height: 2)
        let reading = try P.read(page)
        #expect(reading.number == "729")
    }

    @Test func anExifRotatedPhotoGivesBoxesInDisplayedCoordinates() throws {
        var page = P.Page(width: 180, height: 90)
        let boxes = page.write([5, 3], x: 40, baseline: 66, gaps: [18])
        // Store the picture turned a quarter counter-clockwise, marked "rotate 90° clockwise to show".
        let shown = page.gray
        var stored = GrayImage(width: shown.height, height: shown.width, filledWith: 0)
        for y in 0..<shown.height { for x in 0..<shown.width { stored[y, shown.width - 1 - x] = shown[x, y] } }
        let jpeg = P.withExifOrientation(try encodeJPEG(stored, quality: 95), ExifOrientation.right.rawValue)
        let reading = try readNumber(fromFileBytes: jpeg, classify: { P.model!.predict($0) })
        #expect(reading.number == "53")
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box, 4), "\(digit.box) vs \(box)") }
    }

    @Test func aBlankPageHasNoNumber() throws {
        let reading = try P.read(P.Page(width: 120, height: 80))
        #expect(reading.number == nil)
        #expect(reading.digits.isEmpty)
        #expect(reading.warnings == [noDigitFoundWarning])
    }

    @Test func aLargeJPEGPhotoIsReadFinerAndBoxedAtFullSize() throws {
        // 1200×800 with 60-px digits: 15 px at the coarse 1/8 look, so it is decoded again, finer.
        var page = P.Page(width: 1200, height: 800)
        let boxes = page.write([9, 4], x: 500, baseline: 430, gaps: [30], scale: 3)
        let reading = try readNumber(fromFileBytes: try encodeJPEG(page.gray, quality: 90),
                                     classify: { P.model!.predict($0) })
        #expect(reading.number == "94")
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box, 6), "\(digit.box) vs \(box)") }
    }

    /// `page`'s ink written on a sheet (0.86) lying on a dark desk (`PaperSheetTests.sheetOnDesk`:
    /// the sheet 60% of the frame's width and 75% of its height, turned 6°), as a JPEG.
    func onASheetOnADesk(_ page: P.Page) throws -> [UInt8] {
        let (w, h) = (page.ink.width, page.ink.height)
        let photo = PaperSheetTests.sheetOnDesk(width: w, height: h, cx: Float(w) / 2, cy: Float(h) / 2,
                                                w: 0.6 * Float(w), h: 0.75 * Float(h), degrees: 6) { canvas in
            for i in 0..<canvas.image.count { canvas.image.pixels[i] *= 1 - 0.85 * page.ink.pixels[i] }
        }
        return try encodeJPEG(photo.gray, quality: 90)
    }

    /// A number on a sheet on a desk, 1200×900 (the old reading took the light sheet on the dark desk
    /// for ink): digits about 90 px tall, 22 px in the first look (300×225), so their band is looked
    /// at again, finer (`scale` 4); or about 200 px tall, 50 px there, read at the first look (9).
    @Test(arguments: [([3, 8], 480, 500, 50, 4, 6), ([4, 7], 420, 560, 60, 9, 10)])
    func aNumberOnASheetOnADeskIsReadOnTheSheetWithBoxesOnThePhoto(
        digits: [Int], x: Int, baseline: Int, gap: Int, scale: Int, tolerance: Int) throws {
        var page = P.Page(width: 1200, height: 900)
        let boxes = page.write(digits, x: x, baseline: baseline, gaps: [gap], scale: scale)
        let reading = try readNumber(fromFileBytes: try onASheetOnADesk(page), classify: { P.model!.predict($0) })
        #expect(reading.number == digits.map(String.init).joined())
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box, tolerance), "\(digit.box) vs \(box)") }
    }

    /// A number written beside a form's printed label ("AGE", 16 px: small print on a 240-px page,
    /// the digits about three times as tall). Old code read the label's letters as digits too.
    @Test func aNumberBesideAPrintedLabelIsReadWithoutTheLabel() throws {
        var page = P.Page(width: 420, height: 240)
        page.write([4, 2], x: 220, baseline: 150, gaps: [14])
        var form = Canvas(width: 420, height: 240, paper: 0.93)
        PrintedTextTests.label(&form, "AGE", x: 120, y: 112, height: 16)
        for i in 0..<form.image.count { form.image.pixels[i] *= 1 - 0.85 * page.ink.pixels[i] }
        let reading = try readNumber(fromFileBytes: try encodePNG(form.gray), classify: { P.model!.predict($0) })
        #expect(reading.number == "42")
    }

    /// A 420×240 form: a box (2 px, ink 0.3) around where "42" is written (or left empty), and the
    /// label "AGE" left of it, 30 px tall: not small print, so `segmentDigits` keeps it.
    /// Old code read the label's letters as digits of the number, and an empty form's label as a
    /// number.
    static func boxedForm(writing digits: [Int]) throws -> [UInt8] {
        var page = P.Page(width: 420, height: 240)
        let boxes = page.write([4, 2], x: 220, baseline: 150, gaps: [14])
        let minX = boxes.map(\.x).min()!, maxX = boxes.map { $0.x + $0.width }.max()!
        let minY = boxes.map(\.y).min()!, maxY = boxes.map { $0.y + $0.height }.max()!
        let height = Float(maxY - minY)
        var form = Canvas(width: 420, height: 240, paper: 0.93)
        PrintedStructureTests.box(&form, cx: Float(minX + maxX) / 2, cy: Float(minY + maxY) / 2,
                                  w: Float(maxX - minX) + 30, h: height + 30, degrees: 0, width: 2, ink: 0.3)
        // The label 30 px tall (an eighth of the page: not small print), level with the digits; its
        // three letters are 2.6 heights wide, and it ends 12 px left of the box.
        PrintedTextTests.label(&form, "AGE", x: Float(minX) - 15 - 12 - 78, y: Float(minY + maxY) / 2 - 15, height: 30)
        return try Self.filledIn(form, with: page, writing: !digits.isEmpty)
    }

    /// `form` as a PNG, with `page`'s ink written on it when `writing`.
    static func filledIn(_ form: Canvas, with page: P.Page, writing: Bool) throws -> [UInt8] {
        var form = form
        if writing {
            for i in 0..<form.image.count { form.image.pixels[i] *= 1 - 0.85 * page.ink.pixels[i] }
        }
        return try encodePNG(form.gray)
    }

    /// A form with "42" written in its box or on its answer line (`lined`), or left empty.
    static func form(lined: Bool, writing digits: [Int]) throws -> [UInt8] {
        lined ? try linedForm(writing: digits) : try boxedForm(writing: digits)
    }

    @Test(arguments: [false, true])
    func aNumberWrittenOnAFormIsReadWithoutItsLabel(lined: Bool) throws {
        let reading = try readNumber(fromFileBytes: try Self.form(lined: lined, writing: [4, 2]), classify: { P.model!.predict($0) })
        #expect(reading.number == "42")
    }

    @Test(arguments: [false, true])
    func anEmptyFormsLabelIsNotANumber(lined: Bool) throws {
        let reading = try readNumber(fromFileBytes: try Self.form(lined: lined, writing: []), classify: { P.model!.predict($0) })
        #expect(reading.digits.isEmpty, "read \(reading.number)")
    }

    /// A 420×240 form: an answer line (2 px, ink 0.3) under where "42" is written (or left empty),
    /// from 30 px before the digits to 60 px past them, and a label "AVA" 30 px tall before it, its
    /// foot on the line (slanted strokes: not taken for printed lines; not small print). Old code
    /// read the label's letters as digits of the number, and an empty form's label as a number.
    static func linedForm(writing digits: [Int]) throws -> [UInt8] {
        var page = P.Page(width: 420, height: 240)
        let boxes = page.write([4, 2], x: 220, baseline: 150, gaps: [14])
        let minX = boxes.map(\.x).min()!, maxX = boxes.map { $0.x + $0.width }.max()!
        let maxY = boxes.map { $0.y + $0.height }.max()!
        var form = Canvas(width: 420, height: 240, paper: 0.93)
        let lineY = Float(maxY) + 2, lineStart = Float(minX) - 30
        form.stroke(lineStart, lineY, Float(maxX) + 60, lineY, width: 2, ink: 0.3)
        PrintedTextTests.label(&form, "AVA", x: lineStart - 12 - 78, y: lineY - 31, height: 30, penWidth: 3)
        return try Self.filledIn(form, with: page, writing: !digits.isEmpty)
    }

    @Test func aPhotoWithLargeDigitsIsReadAtTheFirstLookAndBoxedAtFullSize() throws {
        // 1600×1200, digits about 195 px tall: decoded at 1/2 (800×600) and read in the 2× reduced
        // first look (400×300), where they are about 48 px tall.
        var page = P.Page(width: 1600, height: 1200)
        let boxes = page.write([3, 8], x: 500, baseline: 700, gaps: [60], scale: 10)
        let jpeg = try encodeJPEG(page.gray, quality: 90)
        let reading = try readNumber(fromFileBytes: jpeg, keepingPage: true, classify: { P.model!.predict($0) })
        #expect(reading.number == "38")
        #expect(reading.page?.width == 400 && reading.page?.height == 300)
        // One first-look pixel is 4 px of the photo.
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box, 10), "\(digit.box) vs \(box)") }
    }

    @Test func aPhotoWithSmallDigitsIsLookedAtAgainInTheirBandWithTheSameDigitsAndBoxesAsAtFullSize() throws {
        // Digits about 97 px tall: 24 px in the first look, so their band is looked at again at 800×600.
        var page = P.Page(width: 1600, height: 1200)
        let boxes = page.write([4, 0, 7], x: 900, baseline: 400, gaps: [40, 40], scale: 5)
        let jpeg = try encodeJPEG(page.gray, quality: 90)
        let reading = try readNumber(fromFileBytes: jpeg, keepingPage: true, classify: { P.model!.predict($0) })
        #expect(reading.number == "407")
        #expect(reading.page?.width == 800 && reading.page?.height == 600)
        for (digit, box) in zip(reading.digits, boxes) { #expect(near(digit.box, box, 6), "\(digit.box) vs \(box)") }
        // The same file decoded at full size and read in one look over the whole page.
        let whole = try readNumber(fromFileBytes: jpeg, decodeOptions: DecodeOptions(minShortSide: 0),
                                   classify: { P.model!.predict($0) })
        #expect(whole.number == reading.number)
        for (a, b) in zip(reading.digits, whole.digits) { #expect(near(a.box, b.box, 4), "\(a.box) vs \(b.box)") }
    }
}
