import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// A digit written on a printed answer line is judged among what lies in the line's field
/// (`answerLineField`), not among the letters of the label printed beside the line.
@Suite struct AnswerLineFieldTests {
    /// A 400×300 form: a gray label "AVA" 50 px tall (slanted strokes: not taken for printed lines) (`PrintedTextTests.label`, 3 px, ink 0.4) from
    /// (20, 134), its foot on the line's level, and an answer line (2 px, ink 0.3) from x = 190 to
    /// 330 at y = 184; with `withZero`, a pencil 0 (`PrintedTextTests.pencilZero`, 60 px tall)
    /// standing on the line. The letters are nearly as tall as the 0 and half as heavy or more.
    static func form(withZero: Bool) -> Canvas {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        page.stroke(190, 184, 330, 184, width: 2, ink: 0.3)
        PrintedTextTests.label(&page, "AVA", x: 20, y: 134, height: 50, penWidth: 3, ink: 0.4)
        if withZero { PrintedTextTests.pencilZero(&page) }
        page.addNoise(sigma: 0.01, seed: 11)
        return page
    }

    /// Old code refused the 0 among the label's letters, as heavy as it and as tall.
    @Test func aDigitOnAnAnswerLineBesideATallLabelIsRead() throws {
        let digit = try #require(preprocess(Self.form(withZero: true).gray).digit, "no digit found on the line")
        let reference = try PrintedTextTests.pencilZeroAlone(noiseSeed: 11)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// The empty form: nothing stands on the line, and the label is not a digit.
    @Test func theEmptyFormHasNoDigit() {
        #expect(preprocess(Self.form(withZero: false).gray).digit == nil)
    }

    /// A bold label "AVA" (4 px, ink 0.05), each letter heavier than the pencil 0 on the line: the
    /// 0 is chosen all the same, as the mark written on the line (`chooseDigitWrittenOnLine`), and
    /// read as the 0 alone is. Old code chose a letter of the label.
    @Test func theDigitOnTheLineIsChosenOverABoldLabel() throws {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        page.stroke(190, 184, 330, 184, width: 2, ink: 0.3)
        PrintedTextTests.label(&page, "AVA", x: 20, y: 134, height: 50)
        PrintedTextTests.pencilZero(&page)
        page.addNoise(sigma: 0.01, seed: 11)
        let cleaned = cleanPage(page.gray)
        let selection = try #require(chooseDigit(cleaned))
        #expect(selection.writtenIn != nil)
        #expect(abs((selection.minX + selection.maxX) / 2 - 250) <= 3 && abs((selection.minY + selection.maxY) / 2 - 150) <= 3)
        let digit = try #require(preprocess(page.gray).digit, "no digit found on the line")
        let reference = try PrintedTextTests.pencilZeroAlone(noiseSeed: 11)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// A mark standing on a line is written on it when the line is alone at its height: not on
    /// lined paper (another line within its height above), not a word's letter (a neighbour alike
    /// beside it on the line), not a speck.
    @Test func whatIsWrittenOnALine() {
        func mark(_ label: Int, minX: Int, height: Int = 60, width: Int = 40) -> InkComponent {
            SelectDigitTests.component(label, x: minX, y: 200 - height, width: width, height: height,
                                       imageWidth: 1000, imageHeight: 1000)
        }
        let line = Self.line
        let digit = mark(1, minX: 180)
        #expect(marksWrittenOnLines([digit], lines: [line], allLines: [line], marks: [digit]) == [1])
        let above = LineSegment(axis: .horizontal, start: 0, end: 999, acrossAtStart: 160, acrossAtEnd: 160,
                                thickness: 1, pixels: [])
        #expect(marksWrittenOnLines([digit], lines: [line], allLines: [line, above], marks: [digit]).isEmpty)
        let letter = mark(2, minX: 225)
        #expect(marksWrittenOnLines([digit, letter], lines: [line], allLines: [line], marks: [digit, letter]).isEmpty)
        let speck = mark(3, minX: 180, height: 5, width: 5)
        #expect(marksWrittenOnLines([speck], lines: [line], allLines: [line], marks: [speck]).isEmpty)
    }

    /// A capital A 50 px tall, alone before an empty answer line (its label, a word printed as one
    /// mark), is not a digit; old code read it as one. A 0 written on the line in marker is read.
    @Test func theLabelOfAnEmptyAnswerLineIsNotADigit() throws {
        func page(withZero: Bool) -> Canvas {
            var page = Canvas(width: 400, height: 300, paper: 0.93)
            page.stroke(215, 184, 355, 184, width: 2, ink: 0.3)
            PrintedTextTests.label(&page, "A", x: 150, y: 134, height: 50)
            if withZero { page.ring(cx: 285, cy: 150, rx: 18, ry: 30, width: 5, ink: 0.1) }
            page.addNoise(sigma: 0.01, seed: 11)
            return page
        }
        #expect(preprocess(page(withZero: false).gray).digit == nil)
        let empty = cleanPage(page(withZero: false).gray)
        let label = try #require(chooseDigit(empty))
        #expect(isLabelOfEmptyAnswerLine(label, answerLines: empty.answerLines, lines: empty.printedLines, components: empty.components))
        #expect(preprocess(page(withZero: true).gray).digit != nil)
    }

    /// A word "AVA" 40 px tall before an empty answer line on a small page (so not small in its
    /// frame), its first letter the boldest: that letter, chosen, ends 100 px before the line, but
    /// its row of print ends 24 px before it, so the word is the line's label. Old code read the A
    /// as a digit.
    @Test func aLabelsFirstLetterIsJudgedWithItsWord() throws {
        var page = Canvas(width: 260, height: 160, paper: 0.93)
        page.stroke(150, 100, 250, 100, width: 2, ink: 0.3)
        PrintedTextTests.label(&page, "A", x: 20, y: 60, height: 40, penWidth: 6)
        PrintedTextTests.label(&page, "VA", x: 58, y: 60, height: 40)
        page.addNoise(sigma: 0.01, seed: 5)
        #expect(preprocess(page.gray).digit == nil)
    }

    /// The label rule's limits: the line starts at most the label's height after it, is twice as
    /// long as the label is tall, lies at its foot, and is alone at its height.
    @Test func whatIsTheLabelOfAnEmptyAnswerLine() {
        // A label 40 px tall (y 160…199) ending at x = 79.
        let label = DigitSelection(labels: [1], minX: 50, minY: 160, maxX: 79, maxY: 199, mass: 100, otherCandidates: 0)
        func line(start: Int, length: Int = 200, y: Float = 200) -> LineSegment {
            LineSegment(axis: .horizontal, start: start, end: start + length - 1, acrossAtStart: y, acrossAtEnd: y,
                        thickness: 2, pixels: [])
        }
        func isLabel(_ lines: [LineSegment]) -> Bool {
            isLabelOfEmptyAnswerLine(label, answerLines: answerLines(lines, width: 1000), lines: lines, components: [])
        }
        #expect(isLabel([line(start: 100)]))
        #expect(!isLabel([line(start: 130)]), "too far after the label")
        #expect(!isLabel([line(start: 100, length: 70)]), "too short")
        #expect(!isLabel([line(start: 100, y: 180)]), "across the label, not at its foot")
        #expect(!isLabel([line(start: 100), line(start: 100, y: 165)]), "lined paper")
        let written = SelectDigitTests.component(2, x: 150, y: 150, width: 30, height: 48, imageWidth: 1000, imageHeight: 1000)
        #expect(!isLabelOfEmptyAnswerLine(label, answerLines: [line(start: 100)], lines: [line(start: 100)], components: [written]), "not empty")
    }

    /// The field found for the 0: the line's length, from a quarter of the 0's height above its top
    /// to half of it below the line; the label, left of the line, lies outside it.
    @Test func theFieldIsTheBandAboveTheLine() throws {
        let page = cleanPage(Self.form(withZero: true).gray)
        let selection = try #require(chooseDigit(page))
        let field = try #require(answerLineField(of: selection, answerLines: page.answerLines))
        #expect(abs(field.x - 190) <= 3 && abs(field.x + field.width - 331) <= 3)
        #expect(abs(field.y + field.height - 1 - (184 + selection.boxHeight / 2)) <= 3)
        #expect(abs(selection.minY - field.y - selection.boxHeight / 4) <= 2)
        // The label's last letter ends at 20 + 3 · 35 + 2 · 12.5 = 150.
        #expect(field.x > 150)
    }

    /// A bold capital of a title printed above the line, up and to the right of the 0 (its foot 26
    /// px above the 0's top): not in the line's field, so the 0 is not refused among marks alike.
    /// Old code's field reached 1.5 times the 0's height above the line, over the title's foot.
    @Test func aTitleAboveTheLineIsNotInItsField() throws {
        var page = Self.form(withZero: true)
        PrintedTextTests.label(&page, "A", x: 285, y: 40, height: 50)
        let digit = try #require(preprocess(page.gray).digit, "no digit found under the title")
        let reference = try #require(preprocess(Self.form(withZero: true).gray).digit)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// `answerLineField` over the answer lines among `lines` on a page `width` px wide (`answerLines`).
    static func field(of selection: DigitSelection, lines: [LineSegment], width: Int) -> PixelBox? {
        answerLineField(of: selection, answerLines: answerLines(lines, width: width))
    }

    static let line = LineSegment(axis: .horizontal, start: 100, end: 300, acrossAtStart: 200, acrossAtEnd: 200,
                                  thickness: 2, pixels: [])
    /// A digit 60 px tall whose bottom lies at `bottom`, from x = `minX` to `minX` + 40.
    static func digit(minX: Int = 180, bottom: Int) -> DigitSelection {
        DigitSelection(labels: [1], minX: minX, minY: bottom - 59, maxX: minX + 39, maxY: bottom, mass: 100, otherCandidates: 0)
    }

    @Test func aDigitStandsOnTheLineWrittenOnItAboveItOrAcrossIt() {
        for bottom in [199, 175, 215] {
            #expect(Self.field(of: Self.digit(bottom: bottom), lines: [Self.line], width: 1000) != nil, "bottom at \(bottom)")
        }
        // Floating more than half its height above, or sunk a third below.
        for bottom in [165, 222] {
            #expect(Self.field(of: Self.digit(bottom: bottom), lines: [Self.line], width: 1000) == nil, "bottom at \(bottom)")
        }
    }

    /// Beside the line's end (a box's side standing there, a label) is not on it.
    @Test func aMarkPastTheLinesEndIsNotOnIt() {
        #expect(Self.field(of: Self.digit(minX: 70, bottom: 199), lines: [Self.line], width: 1000) == nil)
        #expect(Self.field(of: Self.digit(minX: 280, bottom: 199), lines: [Self.line], width: 1000) == nil)
    }

    /// A line across the page (ruled paper) or one that a vertical line meets (a box's side) is not
    /// an answer line.
    @Test func ruledLinesAndBoxSidesAreNotAnswerLines() {
        #expect(Self.field(of: Self.digit(bottom: 199), lines: [Self.line], width: 210) == nil)
        let side = LineSegment(axis: .vertical, start: 120, end: 201, acrossAtStart: 300, acrossAtEnd: 300,
                               thickness: 2, pixels: [])
        #expect(Self.field(of: Self.digit(bottom: 199), lines: [Self.line, side], width: 1000) == nil)
        let apart = LineSegment(axis: .vertical, start: 120, end: 180, acrossAtStart: 300, acrossAtEnd: 300,
                                thickness: 2, pixels: [])
        #expect(Self.field(of: Self.digit(bottom: 199), lines: [Self.line, apart], width: 1000) != nil)
    }
}
