import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// The printed label beside an empty box is not a digit (`isLabelOfEmptyBox`).
@Suite struct LabelOfEmptyBoxTests {
    /// `WrittenInBoxTests.form` with a bold capital G 50 px tall (one mark, as a large capital or a
    /// word whose letters touch) 25 px left of the box, level with its middle.
    static func form(withZero: Bool) -> Canvas {
        WrittenInBoxTests.form(label: "G", labelX: 140, withZero: withZero, noiseSeed: 13)
    }

    /// Old code read the capital as a digit: the only mark on the page.
    @Test func theLabelBesideAnEmptyBoxIsNotADigit() {
        let result = preprocess(Self.form(withZero: false).gray)
        #expect(result.digit == nil)
        #expect(result.warnings == [noDigitFoundWarning])
    }

    @Test func aDigitInTheBoxBesideTheLabelIsRead() throws {
        let digit = try #require(preprocess(Self.form(withZero: true).gray).digit)
        let reference = try PrintedTextTests.pencilZeroAlone(noiseSeed: 13)
        #expect(correlation(digit.pixels, reference.pixels) > 0.9)
    }

    /// A digit written with no box on the page is not judged by this rule.
    @Test func aDigitOnAPageWithoutBoxesIsRead() {
        var page = Canvas(width: 400, height: 300, paper: 0.93)
        PrintedTextTests.pencilZero(&page)
        page.addNoise(sigma: 0.01, seed: 13)
        #expect(preprocess(page.gray).digit != nil)
    }

    static let box = PixelBox(x: 200, y: 100, width: 100, height: 110)

    static func selection(x: Int, y: Int, width: Int, height: Int) -> DigitSelection {
        DigitSelection(labels: [1], minX: x, minY: y, maxX: x + width - 1, maxY: y + height - 1, mass: 100,
                       otherCandidates: 0)
    }

    @Test func aLabelStandsBesideItsBox() {
        // Left of the box, level with it, 20 px away (under half the box's height, 55 px).
        #expect(Self.selection(x: 150, y: 130, width: 30, height: 40).standsBeside(Self.box))
        // Above it, in line with it, 10 px away.
        #expect(Self.selection(x: 210, y: 60, width: 60, height: 30).standsBeside(Self.box))
        // 80 px left of it: too far.
        #expect(!Self.selection(x: 90, y: 130, width: 30, height: 40).standsBeside(Self.box))
        // Diagonally off its corner: neither level nor in line.
        #expect(!Self.selection(x: 150, y: 40, width: 30, height: 40).standsBeside(Self.box))
        // Inside it: not beside.
        #expect(!Self.selection(x: 230, y: 130, width: 30, height: 40).standsBeside(Self.box))
    }

    @Test func whatIsALabelOfAnEmptyBox() {
        let label = Self.selection(x: 150, y: 130, width: 30, height: 40)
        #expect(isLabelOfEmptyBox(label, boxes: [Self.box], lines: [], components: []))
        // Taller than three quarters of the box (82 px): not a label.
        let tall = Self.selection(x: 150, y: 110, width: 40, height: 90)
        #expect(!isLabelOfEmptyBox(tall, boxes: [Self.box], lines: [], components: []))
        // The box holds a mark a quarter of its height tall or more: not empty.
        let written = PrintedTextTests.mark(2, x: 235, width: 30, height: 60, y: 125)
        #expect(!isLabelOfEmptyBox(label, boxes: [Self.box], lines: [], components: [written]))
        // A speck in it leaves it empty.
        let speck = PrintedTextTests.mark(3, x: 235, width: 6, height: 6, y: 125)
        #expect(isLabelOfEmptyBox(label, boxes: [Self.box], lines: [], components: [speck]))
        // Between two printed lines (a box of a row whose rectangle was not found): not a label.
        func line(at y: Float) -> LineSegment {
            LineSegment(axis: .horizontal, start: 100, end: 400, acrossAtStart: y, acrossAtEnd: y, thickness: 2, pixels: [])
        }
        #expect(!isLabelOfEmptyBox(label, boxes: [Self.box], lines: [line(at: 105), line(at: 200)], components: []))
        // One line only, or lines farther than its height: still a label.
        #expect(isLabelOfEmptyBox(label, boxes: [Self.box], lines: [line(at: 105)], components: []))
        #expect(isLabelOfEmptyBox(label, boxes: [Self.box], lines: [line(at: 80), line(at: 220)], components: []))
        #expect(!isLabelOfEmptyBox(label, boxes: [], lines: [], components: []))
    }
}

