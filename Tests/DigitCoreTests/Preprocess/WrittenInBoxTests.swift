import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// A digit written in a form's box is what the form was filled in with (`chooseDigitWrittenInBox`,
/// `marksWrittenInBoxes`, `isWrittenIn`): print around the box is neither chosen over it nor dust
/// or marks alike beside it, and a caption printed inside an empty box is not a digit.
@Suite struct WrittenInBoxTests {
    /// A 400×300 form: a 100×110 box (2 px, ink 0.3) centred at (250, 150), a bold `label` 50 px
    /// tall (`PrintedTextTests.label`) with its top left corner at (`labelX`, 125), level with the
    /// box's middle, and, `withZero`, a pencil 0 in the box (60 px tall, `PrintedTextTests.pencilZero`).
    static func form(label: String, labelX: Float, withZero: Bool, noiseSeed: UInt64) -> Canvas {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        PrintedStructureTests.box(&page, cx: 250, cy: 150, w: 100, h: 110, degrees: 0, width: 2, ink: 0.3)
        PrintedTextTests.label(&page, label, x: labelX, y: 125, height: 50)
        if withZero { PrintedTextTests.pencilZero(&page) }
        page.addNoise(sigma: 0.01, seed: noiseSeed)
        return page
    }

    /// The label "AGE" left of the box: a sixth of the page tall, so not small print, and each
    /// letter about as heavy as the 0.
    static func formWithTallLabel(withZero: Bool = true) -> Canvas {
        form(label: "AGE", labelX: 20, withZero: withZero, noiseSeed: 11)
    }

    /// Old code read a letter of the label, the heaviest mark on the page (or refused the 0 among
    /// the letters alike).
    @Test func aDigitInItsBoxBesideATallLabelIsRead() throws {
        let digit = try #require(preprocess(Self.formWithTallLabel().gray).digit, "no digit found beside the label")
        let reference = try PrintedTextTests.pencilZeroAlone(noiseSeed: 11)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// The 0 is chosen, within its box, over the heavier letters of the label.
    @Test func theDigitInTheBoxIsChosenOverTheLabel() throws {
        let cleaned = cleanPage(Self.formWithTallLabel().gray)
        let selection = try #require(chooseDigit(cleaned))
        let box = try #require(selection.writtenIn)
        #expect(selection.minX >= box.x && selection.maxX < box.x + box.width)
        // The 0's centre, (250, 150).
        #expect(abs((selection.minX + selection.maxX) / 2 - 250) <= 3 && abs((selection.minY + selection.maxY) / 2 - 150) <= 3)
    }

    /// The same form with its box empty: nothing is written in the box, so the page is judged as
    /// before (the label is not read as the digit by the box rule).
    @Test func anEmptyBoxBesideATallLabelIsNotReadAsWrittenIn() {
        let page = Self.formWithTallLabel(withZero: false)
        let cleaned = cleanPage(page.gray)
        #expect(!cleaned.printedBoxes.isEmpty, "the box was found")
        let marks = DigitCore.marks(cleaned.components, rules: DigitSelectionRules(width: 400, height: 300))
        #expect(marksWrittenInBoxes(marks, boxes: cleaned.printedBoxes, marks: marks).isEmpty)
    }

    /// "AGE" printed 30 px tall inside an empty box: its letters stand as a word's do in the box,
    /// so none is written in it, and the page has no digit.
    @Test func aCaptionPrintedInsideAnEmptyBoxIsNotADigit() {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        PrintedStructureTests.box(&page, cx: 250, cy: 150, w: 100, h: 110, degrees: 0, width: 2, ink: 0.3)
        PrintedTextTests.label(&page, "AGE", x: 215, y: 135, height: 30)
        page.addNoise(sigma: 0.01, seed: 11)
        let cleaned = cleanPage(page.gray)
        #expect(!cleaned.printedBoxes.isEmpty, "the box was found")
        let marks = DigitCore.marks(cleaned.components, rules: DigitSelectionRules(width: 400, height: 300))
        #expect(marksWrittenInBoxes(marks, boxes: cleaned.printedBoxes, marks: marks).isEmpty)
    }

    /// The box found by line removal is the inside of the drawn box.
    @Test func theBoxFoundIsTheDrawnBoxsInside() throws {
        let cleaned = cleanPage(Self.formWithTallLabel().gray)
        let box = try #require(cleaned.printedBoxes.first)
        // Drawn from (200, 95) to (300, 205), its sides 2 px wide.
        #expect(abs(box.x - 200) <= 3 && abs(box.y - 95) <= 3)
        #expect(abs(box.x + box.width - 300) <= 3 && abs(box.y + box.height - 205) <= 3)
    }

    static let box = PixelBox(x: 100, y: 50, width: 80, height: 100)

    @Test func aMarkIsWrittenInABoxWhenItsCentreIsInsideAndItFillsIt() {
        let mark = { (x: Int, y: Int, w: Int, h: Int) in PrintedTextTests.mark(1, x: x, width: w, height: h, y: y) }
        #expect(isWrittenIn(mark(120, 70, 30, 60), Self.box))
        // Running over the box's bottom by 20 px (a fifth of its height): still written in it.
        #expect(isWrittenIn(mark(120, 100, 30, 70), Self.box))
        // Over a quarter of the box's height past its bottom: not.
        #expect(!isWrittenIn(mark(120, 100, 30, 90), Self.box))
        // Its centre outside the box (a label beside it): not.
        #expect(!isWrittenIn(mark(60, 70, 50, 60), Self.box))
        // Under 30% of the box's height (a speck, a remnant of a corner): not.
        #expect(!isWrittenIn(mark(120, 70, 30, 25), Self.box))
        #expect(boxHolding(mark(120, 70, 30, 60), among: [Self.box, PixelBox(x: 0, y: 0, width: 300, height: 200)]) == Self.box,
                "the smaller of two boxes holding it")
    }

    @Test func printInABoxIsNotWrittenInIt() {
        let digit = PrintedTextTests.mark(1, x: 125, width: 30, height: 60, y: 70)
        #expect(marksWrittenInBoxes([digit], boxes: [Self.box], marks: [digit]) == [1])
        // A letter beside it in the box, as in a word: print (or a number), not written.
        let letter = PrintedTextTests.mark(2, x: 160, width: 18, height: 50, y: 78)
        #expect(marksWrittenInBoxes([digit], boxes: [Self.box], marks: [digit, letter]).isEmpty)
        // The same letter outside the box (a label beside it) does not count.
        let outside = PrintedTextTests.mark(3, x: 60, width: 18, height: 50, y: 78)
        #expect(marksWrittenInBoxes([digit], boxes: [Self.box], marks: [digit, outside]) == [1])
        // A mark twice as wide as tall is letters run together.
        let word = PrintedTextTests.mark(4, x: 105, width: 70, height: 35, y: 80)
        #expect(marksWrittenInBoxes([word], boxes: [Self.box], marks: [word]).isEmpty)
        #expect(marksWrittenInBoxes([digit], boxes: [], marks: [digit]).isEmpty)
    }

    /// A mark written in its box but not lying mostly in it (a 58×58 mark over a 40×40 box: a
    /// quarter of the box's size past each side, 48% of its area inside) is tried once and given
    /// up. Old code tried it again for ever.
    @Test(.timeLimit(.minutes(1))) func aMarkOverflowingItsBoxIsTriedOnce() {
        let box = PixelBox(x: 100, y: 100, width: 40, height: 40)
        let mark = PrintedTextTests.mark(1, x: 91, width: 58, height: 58, y: 91)
        #expect(isWrittenIn(mark, box) && !mostlyLiesIn(mark, box))
        let image = FloatImage(width: 300, height: 200)
        var page = CleanedPage(cleaned: image, thresholds: InkThresholds(background: 0, noise: 0.01, high: 0.5, low: 0.25),
                               labels: [Int32](repeating: 0, count: image.count), components: [mark],
                               ruledLineCount: 4, flattened: image)
        page.printedBoxes = [box]
        #expect(chooseDigitWrittenInBox([mark], page: page, marks: [mark], acceptingLoneMark: false) == nil)
    }
}
