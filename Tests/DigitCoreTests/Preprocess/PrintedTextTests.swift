import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// A form's printed label is not the digit and not dust around it (`printedTextMarks`,
/// `printedTextRows`, `isPrintedWord`). The labels are block letters drawn by the test.
@Suite struct PrintedTextTests {
    /// Block capitals A, G, E, V (each one connected mark) with their top left corner at (x, y),
    /// `height` px tall, `height · 0.7` wide, strokes `penWidth` px wide in `ink` (by default 4 px,
    /// ink 0.05: a bold printed label).
    static func label(_ canvas: inout Canvas, _ letters: String, x: Float, y: Float, height h: Float,
                      penWidth: Float = 4, ink: Float = 0.05) {
        let w = h * 0.7, gap = h * 0.25
        var left = x
        for letter in letters {
            var strokes: [(Float, Float, Float, Float)] = []
            switch letter {
            case "A": strokes = [(0, h, w / 2, 0), (w / 2, 0, w, h), (w * 0.25, h * 0.6, w * 0.75, h * 0.6)]
            case "G": strokes = [(w, 0, 0, 0), (0, 0, 0, h), (0, h, w, h), (w, h, w, h / 2), (w, h / 2, w / 2, h / 2)]
            case "E": strokes = [(w, 0, 0, 0), (0, 0, 0, h), (0, h, w, h), (0, h / 2, w * 0.8, h / 2)]
            case "V": strokes = [(0, 0, w / 2, h), (w / 2, h, w, 0)]
            default: break
            }
            for (x0, y0, x1, y1) in strokes {
                canvas.stroke(left + x0, y + y0, left + x1, y + y1, width: penWidth, ink: ink)
            }
            left += w + gap
        }
    }

    /// A 0 written in pencil (a ring 60 px tall, 3 px stroke, ink 0.4) centred at (250, 150): each
    /// letter of a bold label weighs over a fifth of it.
    static func pencilZero(_ canvas: inout Canvas) {
        canvas.ring(cx: 250, cy: 150, rx: 18, ry: 30, width: 3, ink: 0.4)
    }

    /// What `preprocess` reads from the pencil 0 (`pencilZero`) alone on a 400×300 page (paper
    /// 0.93, noise σ 0.01 drawn from `noiseSeed`): what a form's 0 must be read as.
    static func pencilZeroAlone(noiseSeed: UInt64) throws -> DigitImage {
        var alone = Canvas(width: 400, height: 300, paper: 0.93)
        pencilZero(&alone)
        alone.addNoise(sigma: 0.01, seed: noiseSeed)
        return try #require(preprocess(alone.gray).digit)
    }

    /// A 400×300 form: the label "AGE" (`labelHeight` px; 20 px is a fifteenth of the page) left of,
    /// or above, a 100×110 box (2 px, ink 0.3) centred at (250, 150), with or without a pencil 0 in it.
    static func form(labelAbove: Bool, withZero: Bool, labelHeight: Float = 20) -> Canvas {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        PrintedStructureTests.box(&page, cx: 250, cy: 150, w: 100, h: 110, degrees: 0, width: 2, ink: 0.3)
        if labelAbove {
            label(&page, "AGE", x: 200, y: 84 - labelHeight, height: labelHeight)
        } else {
            label(&page, "AGE", x: 190 - 2.4 * labelHeight, y: 150 - labelHeight / 2, height: labelHeight)
        }
        if withZero { pencilZero(&page) }
        page.addNoise(sigma: 0.01, seed: 11)
        return page
    }

    /// Old code: the label's letters, each a fifth as heavy as the 0 or more, were taken for dust
    /// around it ("no digit found").
    @Test(arguments: [false, true])
    func aDigitInABoxBesideAPrintedLabelIsRead(labelAbove: Bool) throws {
        let page = Self.form(labelAbove: labelAbove, withZero: true)
        let digit = try #require(preprocess(page.gray).digit, "no digit found beside the label")
        let reference = try Self.pencilZeroAlone(noiseSeed: 11)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// Old code: a letter of the label (or two run together) was read as the digit.
    @Test(arguments: [false, true])
    func anEmptyBoxBesideAPrintedLabelIsNotADigit(labelAbove: Bool) {
        let result = preprocess(Self.form(labelAbove: labelAbove, withZero: false).gray)
        #expect(result.digit == nil)
        #expect(result.warnings == [noDigitFoundWarning])
    }

    /// A label 23 px tall (under a tenth of the page, 300 px): the last look, averaged 5×5, joins
    /// its letters into one mark of a word's proportions (not twice as wide as tall) and over a tenth
    /// of the page tall. Old code read it as a 2; the first look found print there, and the later
    /// looks leave it alone (`CleanedPage.printedRegions`).
    @Test(arguments: [false, true])
    func anEmptyBoxBesideALargerLabelIsNotADigitInAnyLook(labelAbove: Bool) {
        let result = preprocess(Self.form(labelAbove: labelAbove, withZero: false, labelHeight: 23).gray)
        #expect(result.digit == nil)
    }

    @Test func aMarkLiesInPrintWhenMostOfItsBoxDoes() {
        let region = PixelBox(x: 10, y: 10, width: 60, height: 30)
        #expect(liesInPrint(Self.mark(1, x: 20, width: 40, height: 24, y: 12), [region]))
        #expect(liesInPrint(Self.mark(1, x: 50, width: 30, height: 24, y: 12), [region]), "two thirds inside")
        #expect(!liesInPrint(Self.mark(1, x: 60, width: 30, height: 24, y: 12), [region]), "a third inside")
        #expect(!liesInPrint(Self.mark(1, x: 20, width: 40, height: 24, y: 12), []))
    }

    /// Two written 0s side by side, each 60 px tall on a 300×150 page, stand in a row too, but
    /// they are not small print: the page still has a digit.
    @Test func aWrittenNumberIsNotPrint() throws {
        var page = Canvas(width: 300, height: 150, paper: 0.93)
        PrintedStructureTests.zero(&page, cx: 120, cy: 75)
        PrintedStructureTests.zero(&page, cx: 175, cy: 75)
        page.addNoise(sigma: 0.01, seed: 12)
        let result = preprocess(page.gray)
        #expect(result.digit != nil)
    }

    /// A mark `width × height` px with its top left corner at (x, y), as a letter or a digit.
    static func mark(_ label: Int, x: Int, width: Int = 14, height: Int = 20, y: Int = 40) -> InkComponent {
        SelectDigitTests.component(label, x: x, y: y, width: width, height: height)
    }

    static func rowLabels(_ marks: [InkComponent]) -> Set<Int> {
        Set(printedTextRows(marks).flatMap { $0.map(\.label) })
    }

    @Test func lettersOfAWordStandInARow() {
        // Four letters 5 px apart, a capital beside x-height letters, a descender.
        let word = [Self.mark(1, x: 10), Self.mark(2, x: 29, height: 14, y: 46), Self.mark(3, x: 48, height: 14, y: 46),
                    Self.mark(4, x: 67, height: 19, y: 46)]
        #expect(Self.rowLabels(word) == [1, 2, 3, 4])
        #expect(Self.rowLabels([Self.mark(1, x: 10), Self.mark(2, x: 50), Self.mark(3, x: 90)]).isEmpty,
                "marks further apart than letters")
        #expect(Self.rowLabels([Self.mark(1, x: 10), Self.mark(2, x: 29, y: 60), Self.mark(3, x: 48, y: 80)]).isEmpty,
                "marks not level")
        // A written digit three letters tall beside two letters: the digit is not one of them, and
        // two letters narrower than twice their height are not a word.
        let digit = Self.mark(9, x: 48, width: 40, height: 60, y: 20)
        #expect(Self.rowLabels([Self.mark(1, x: 10), Self.mark(2, x: 29), digit]).isEmpty)
        // Two pieces of a word run together, twice as wide as tall.
        #expect(Self.rowLabels([Self.mark(1, x: 10, width: 40), Self.mark(2, x: 55)]) == [1, 2])
    }

    /// Around a chosen digit, only rows of print apart from it and shorter than it are set aside.
    @Test func printBesideADigitIsApartFromItAndShorter() {
        let label = [Self.mark(1, x: 10), Self.mark(2, x: 29), Self.mark(3, x: 48)]
        let digit = Self.mark(9, x: 120, width: 40, height: 60, y: 20)
        #expect(printedTextMarks(label + [digit], apartFrom: [9], shorterThan: 60) == [1, 2, 3])
        #expect(printedTextMarks(label + [digit], apartFrom: [9], shorterThan: 24).isEmpty,
                "a mark hardly taller than the print")
        #expect(printedTextMarks(label + [digit], apartFrom: [2], shorterThan: 20).isEmpty,
                "the chosen mark is a letter of the row")
    }

    @Test func aPrintedWordIsSmallInItsFrameAndTwiceAsWideAsTall() {
        #expect(isPrintedWord(width: 60, height: 20, frameSide: 300))
        #expect(!isPrintedWord(width: 30, height: 20, frameSide: 300), "a digit's proportions")
        #expect(!isPrintedWord(width: 60, height: 20, frameSide: 150), "a fifth of the frame tall: not small print")
    }
}
