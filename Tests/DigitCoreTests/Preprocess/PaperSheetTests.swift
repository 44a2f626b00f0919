import Foundation
import Testing
@testable import DigitCore

/// A sheet of paper photographed lying on a darker desk is read on the sheet alone
/// (`paperSheet`): the sheet is not the digit, an empty sheet has none. Every picture is drawn by
/// the test.
@Suite struct PaperSheetTests {
    /// A desk (`desk` level, wood-like grain of ±0.06 in bands about 9 px apart) with a sheet of
    /// `paper` lying on it: `w × h` centred at (cx, cy), turned by `degrees`, its edge anti-aliased;
    /// `write` draws on the canvas afterwards (on the sheet). Blurred a little, light noise.
    static func sheetOnDesk(width: Int = 320, height: Int = 240, desk: Float = 0.3, paper: Float = 0.86,
                            cx: Float = 165, cy: Float = 118, w: Float = 150, h: Float = 170, degrees: Float = 8,
                            seed: UInt64 = 1, write: (inout Canvas) -> Void = { _ in }) -> Canvas {
        var canvas = Canvas(width: width, height: height, paper: desk)
        let angle = degrees * .pi / 180, c = cos(angle), s = sin(angle)
        for y in 0..<height {
            for x in 0..<width {
                let grain = 0.06 * sin(Float(y) / 1.5 + 2 * sin(Float(x) / 40))
                let dx = Float(x) - cx, dy = Float(y) - cy
                let u = dx * c + dy * s, v = -dx * s + dy * c
                let outside = max(abs(u) - w / 2, abs(v) - h / 2)
                let coverage = min(1, max(0, 0.5 - outside))
                canvas.image[x, y] = (desk + grain) * (1 - coverage) + paper * coverage
            }
        }
        write(&canvas)
        canvas.addNoise(sigma: 0.01, seed: seed)
        return canvas
    }

    /// A handwritten-looking 7 (two 5 px strokes), 64 px tall, centred at (cx, cy).
    static func seven(_ canvas: inout Canvas, cx: Float, cy: Float) {
        canvas.stroke(cx - 20, cy - 30, cx + 20, cy - 32, width: 5, ink: 0.12)
        canvas.stroke(cx + 20, cy - 32, cx - 4, cy + 32, width: 5, ink: 0.12)
    }

    @Test func aDigitOnASheetOnADeskIsRead() throws {
        // The old pipeline took the light sheet for ink on the dark desk and read it as the digit.
        let photo = Self.sheetOnDesk { Self.seven(&$0, cx: 165, cy: 118) }
        let digit = try #require(preprocess(photo.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test(arguments: [(Float(0.3), Float(8)), (0.15, -10), (0.55, 3)])
    func anEmptySheetOnADeskHasNoDigit(desk: Float, degrees: Float) {
        let photo = Self.sheetOnDesk(desk: desk, degrees: degrees)
        #expect(preprocess(photo.gray).digit == nil)
    }

    @Test func aNoteRunningOffTheFrameIsStillASheet() throws {
        // Desk along three sides; the sheet is cut by the bottom edge.
        let photo = Self.sheetOnDesk(cy: 160, h: 200, degrees: 4) { Self.seven(&$0, cx: 165, cy: 130) }
        #expect(paperSheet(photo.image) != nil)
        let digit = try #require(preprocess(photo.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test func aSmallNoteIsASheetWrittenOnOrNeat() throws {
        // A note 130 px square in a 640×480 photo covers 5.5% of it: a sheet when written on, or,
        // blank, when it is a neat rectangle of paper's proportions.
        let written = Self.sheetOnDesk(width: 640, height: 480, cx: 300, cy: 250, w: 130, h: 130, degrees: -7) {
            Self.seven(&$0, cx: 300, cy: 250)
        }
        #expect(paperSheet(written.image) != nil)
        let digit = try #require(preprocess(written.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
        let blank = Self.sheetOnDesk(width: 640, height: 480, cx: 300, cy: 250, w: 130, h: 130, degrees: -7)
        #expect(paperSheet(blank.image) != nil)
        #expect(preprocess(blank.gray).digit == nil)
    }

    @Test func aSmallBlockyLightShapeIsNotASheet() {
        // A thumbnail's stroke of light ink enlarged by whole pixels: blocks of 28 px, 10% of the
        // frame, a rectangle with a block missing (fills 87% of its rectangle): blank and small,
        // it is not a sheet unless it is a neat rectangle.
        var thumbnail = Canvas(width: 228, height: 228, paper: 0.05)
        for y in 60..<160 { for x in 80..<140 where !(x >= 112 && y >= 132) { thumbnail.image[x, y] = 0.75 } }
        #expect(paperSheet(thumbnail.image) == nil)
    }

    @Test func aSheetHalfInAHandsShadowIsStillASheet() throws {
        // A shadow (paper and desk darkened by 40%) over the sheet's upper half, clear of the 7:
        // Otsu's split falls between the lit paper and the shadowed, and the lit part alone is no
        // rectangle (the old reading took the sheet for a 9). A shadow's rim that touches the
        // digit joins it: still misread.
        var photo = Self.sheetOnDesk { Self.seven(&$0, cx: 160, cy: 160) }
        for y in 0..<photo.image.height {
            for x in 0..<photo.image.width {
                let d = hypotf(Float(x) - 165, Float(y) + 60)
                photo.image[x, y] *= 1 - 0.4 * min(1, max(0, (150 - d) / 10))
            }
        }
        let sheet = try #require(paperSheet(photo.image))
        #expect(sheet.image.width >= 130 && sheet.image.height >= 150)
        let digit = try #require(preprocess(photo.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test func theCutHoldsPaperAndWritingOnly() throws {
        let photo = Self.sheetOnDesk { Self.seven(&$0, cx: 165, cy: 118) }
        let sheet = try #require(paperSheet(photo.image))
        // Within the turned sheet's bounding box (150×170 turned 8°: 172×189 around (165, 118)).
        #expect(sheet.origin.x >= 165 - 87 && sheet.origin.y >= 118 - 95)
        #expect(sheet.origin.x + sheet.image.width <= 165 + 87 && sheet.origin.y + sheet.image.height <= 118 + 95)
        #expect(sheet.image.width >= 130 && sheet.image.height >= 150)
        // No desk left: every pixel is paper (0.86) or the 7's ink, and the 7 is whole.
        let dark = sheet.image.pixels.filter { $0 < 0.6 }.count
        let inkArea = Self.sheetOnDesk(paper: 0.86) { Self.seven(&$0, cx: 165, cy: 118) }.image.pixels
            .enumerated().filter { i, v in
                let x = i % 320, y = i / 320
                return v < 0.6 && abs(Float(x) - 165) < 40 && abs(Float(y) - 118) < 45
            }.count
        #expect(dark == inkArea)
        // Away from the 7, paper's level, where the desk lay too.
        let paper = sheet.image.pixels.enumerated().filter { i, _ in
            let x = sheet.origin.x + i % sheet.image.width, y = sheet.origin.y + i / sheet.image.width
            return abs(Float(x) - 165) >= 40 || abs(Float(y) - 118) >= 45
        }.map { $0.1 }
        #expect(paper.allSatisfy { abs($0 - 0.86) < 0.06 })
    }

    @Test func aPageFillingTheFrameIsNotASheet() {
        // Paper to every edge, with a lighting gradient and ruled lines: its dark half is no desk.
        var page = Canvas(width: 320, height: 240, left: 0.45, right: 0.9)
        page.ruledLines(first: 12, spacing: 24, width: 2, ink: 0.35)
        Self.seven(&page, cx: 160, cy: 120)
        page.addNoise(sigma: 0.01, seed: 3)
        #expect(paperSheet(page.image) == nil)
    }

    @Test func aScanWithDarkStripsAlongTwoSidesIsNotASheet() {
        var scan = Canvas(width: 300, height: 400, paper: 0.92)
        for y in 0..<400 { for x in 0..<300 where x < 40 || y >= 350 { scan.image[x, y] = 0.1 } }
        Self.seven(&scan, cx: 170, cy: 180)
        #expect(paperSheet(scan.image) == nil)
    }

    @Test func aBoldLightRingOnBlackIsNotASheet() {
        // A marker 0 of light ink on black: a light region with a hole on a dark ground, but an oval.
        var board = Canvas(width: 300, height: 300, paper: 0.05)
        board.ring(cx: 150, cy: 150, rx: 80, ry: 110, width: 50, ink: 0.95)
        #expect(paperSheet(board.image) == nil)
    }

    @Test func aDigitRunIntoTheBoxOfALargeFieldIsNotCut() {
        // A field cut with its box and a dark surround, large enough to be looked at, its 1 run
        // into the box's top line: the stroke joins the surround, so the field is no sheet.
        var field = Canvas(width: 200, height: 200, paper: 0.15)
        for y in 20..<180 { for x in 20..<180 { field.image[x, y] = 0.9 } }
        field.stroke(105, 10, 95, 160, width: 7, ink: 0.1)
        #expect(paperSheet(field.image) == nil)
    }

    @Test func smallestEnclosingRectangleOfATurnedRectangleAndAnOval() throws {
        let (width, height) = (100, 100)
        func mask(_ inside: (Float, Float) -> Bool) -> [Bool] {
            (0..<(width * height)).map { inside(Float($0 % width) - 50, Float($0 / width) - 50) }
        }
        let angle: Float = 20 * .pi / 180
        let turned = mask { x, y in
            abs(x * cos(angle) + y * sin(angle)) <= 30 && abs(-x * sin(angle) + y * cos(angle)) <= 15
        }
        let rectangle = try #require(smallestEnclosingRectangle(turned, width: width, height: height))
        let area = Float(turned.filter { $0 }.count)
        #expect(area / rectangle.area > 0.9)
        #expect(abs(rectangle.longerSide - 61) < 3 && abs(rectangle.shorterSide - 31) < 3)
        let oval = mask { x, y in (x / 40) * (x / 40) + (y / 25) * (y / 25) <= 1 }
        let ovalRectangle = try #require(smallestEnclosingRectangle(oval, width: width, height: height))
        #expect(Float(oval.filter { $0 }.count) / ovalRectangle.area < 0.82)
    }
}
