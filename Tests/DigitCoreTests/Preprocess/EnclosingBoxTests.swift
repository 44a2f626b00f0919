import Foundation
import Testing
@testable import DigitCore

/// A form field cut out with its printed box is read inside the box (`fieldInsideBox`, `enclosingBox`);
/// pictures without such a box (a digit cut to its ink box, white ink on black, noise) are read
/// whole. Every picture is drawn by the test.
@Suite struct EnclosingBoxTests {
    /// A 40×40 field (`boxedField`): a pencil 1 in a box 2 px wide, 3 px inside the frame, σ ≈ 1 px.
    static func field(withDigit: Bool) -> Canvas { boxedField(side: 40, withOne: withDigit) }

    @Test func aDigitInAFieldCutToItsBoxIsReadInsideTheBox() throws {
        let picture = Self.field(withDigit: true)
        let working = toWorkingImage(picture.gray)
        let inside = try #require(enclosingBox(working)?.inside)
        #expect((4...9).contains(inside.x) && (4...9).contains(inside.y), "inside the lines: \(inside)")
        #expect(inside.x + inside.width <= 36 && inside.y + inside.height <= 36, "inside the lines: \(inside)")
        #expect(inside.width >= 22 && inside.height >= 22)
        // Read whole, the box and its fringe set the thresholds above the 1.
        #expect(preprocess(working: working, recordingSteps: false).digit == nil, "the whole field hides the 1")
        #expect(SoftDigitTests.reading(picture.gray) == 1)
        let steps = preprocess(picture.gray, recordingSteps: true).steps.map(\.name)
        #expect(steps.first == "1-field-in-its-box" && steps.dropFirst().first == "2-gray", "\(steps)")
        #expect(preprocess(Self.field(withDigit: false).gray).digit == nil, "the empty field")
    }

    /// A `side`×`side` field: a box `lineWidth` px wide whose lines' centres lie `inset` px inside
    /// the frame, `ink` 0.3 on paper 0.9, blurred (`blurs` 3×3 box blurs), `draw` adding the digit.
    static func field(side: Int, lineWidth: Float, inset: Float, blurs: Int = 3, draw: (inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(width: side, height: side, paper: 0.9)
        let (near, far) = (inset, Float(side - 1) - inset)
        for (x0, y0, x1, y1) in [(near, near, far, near), (far, near, far, far), (far, far, near, far), (near, far, near, near)] {
            canvas.stroke(x0, y0, x1, y1, width: lineWidth, ink: 0.3)
        }
        draw(&canvas)
        for _ in 0..<blurs { canvas.image = boxBlur(canvas.image, radius: 1) }
        canvas.addNoise(sigma: 0.01, seed: 7)
        return canvas
    }

    @Test func aSmallFieldWhoseBoxFillsHalfTheFrameIsStillABox() throws {
        // 30×30, lines 3.5 px wide: box and fringe cover half the frame, so the picture's median
        // tone is the fringe's, not the paper's (the rule `hasPaperInCorners` replaced).
        let picture = Self.field(side: 30, lineWidth: 3.5, inset: 3, blurs: 1) { $0.stroke(17, 8, 13, 22, width: 2.5, ink: 0.1) }
        let working = toWorkingImage(picture.gray)
        let median = quantile(histogram(working.pixels), 0.5)
        #expect(median < 0.7, "the fringe holds the median: \(median)")
        let found = enclosingBox(working)?.inside
        #expect(found != nil, "a box")
        if let inside = found {
            #expect((5...8).contains(inside.x) && (5...8).contains(inside.y), "inside the lines: \(inside)")
            #expect(inside.width >= 16 && inside.height >= 16, "inside the lines: \(inside)")
        }
        #expect(preprocess(Self.field(side: 30, lineWidth: 3.5, inset: 3, blurs: 1) { _ in }.gray).digit == nil, "the empty field")
    }

    @Test func aDigitRunningAlongTheBoxsBottomLeavesTheLineWhereItIs() {
        // A 2 whose base runs along the bottom line, 6 px above it, over most of its length;
        // blurred, the gap between them stays a little darker than the paper. Taken with the
        // line, the darkest pixels lay in the digit, and the bottom was no straight line.
        let picture = Self.field(side: 48, lineWidth: 2, inset: 3) { canvas in
            canvas.stroke(14, 10, 32, 8, width: 3, ink: 0.1)
            canvas.stroke(32, 8, 12, 36, width: 3, ink: 0.1)
            canvas.stroke(12, 36, 36, 36, width: 3, ink: 0.1)
        }
        let working = toWorkingImage(picture.gray)
        let bottom = boxSideLine(working, side: .bottom)
        #expect(bottom != nil, "a bottom line")
        if let bottom {
            #expect(abs(bottom.depth(at: 24) - 3) <= 1, "the line, not the digit: depth \(bottom.depth(at: 24))")
            #expect(bottom.reach <= 2, "the digit is not part of the line: reach \(bottom.reach)")
        }
        #expect(enclosingBox(working) != nil, "a box")
    }

    /// Expects a line along each of `picture`'s sides (`boxSideLine`), so that the rule under test,
    /// not a missing line, is what refuses the box, and no box (`enclosingBox`).
    static func expectLinesButNoBox(_ picture: Canvas, lines: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let working = toWorkingImage(picture.gray)
        #expect(BoxSide.allCases.allSatisfy { boxSideLine(working, side: $0) != nil }, lines, sourceLocation: sourceLocation)
        #expect(enclosingBox(working) == nil, "no box", sourceLocation: sourceLocation)
    }

    @Test func gridLinesRunningToTheEdgesAreNotABox() {
        // Grid paper with a line 12 px in from each edge: four straight lines near the edges,
        // meeting, with paper between them, but running on past each other to the frame.
        var grid = Canvas(width: 100, height: 100, paper: 0.92)
        for position in stride(from: Float(12), through: 88, by: 19) {
            grid.stroke(0, position, 99, position, width: 1.5, ink: 0.55)
            grid.stroke(position, 0, position, 99, width: 1.5, ink: 0.55)
        }
        grid.stroke(47, 40, 53, 58, width: 2.5, ink: 0.1)
        grid.image = boxBlur(grid.image, radius: 1)
        Self.expectLinesButNoBox(grid, lines: "four lines near the edges")
    }

    @Test func aBoldWhiteDigitCutCloseOnBlackIsNotABox() {
        // White ink on black, a bold 0 cut 3 px outside its ink: dark "lines" all round a light
        // inside, thin enough for printed lines, but the inside's corners are dark paper again.
        var zero = Canvas(width: 36, height: 40, paper: 0.08)
        zero.ring(cx: 17.5, cy: 19.5, rx: 11.5, ry: 13.5, width: 9, ink: 0.85)
        zero.image = boxBlur(zero.image, radius: 1)
        Self.expectLinesButNoBox(zero, lines: "four dark margins")
    }

    @Test func aTinyEmptyFieldIsABoxAndNoDigit() {
        // 20×22: a field from a form scanned at about 100 dpi, cut at its box.
        var canvas = Canvas(width: 20, height: 22, paper: 0.9)
        for (x0, y0, x1, y1) in [(Float(1.5), Float(1.5), Float(18.5), Float(1.5)), (18.5, 1.5, 18.5, 20.5),
                                 (18.5, 20.5, 1.5, 20.5), (1.5, 20.5, 1.5, 1.5)] {
            canvas.stroke(x0, y0, x1, y1, width: 1.5, ink: 0.3)
        }
        canvas.image = boxBlur(canvas.image, radius: 1)
        canvas.addNoise(sigma: 0.01, seed: 11)
        #expect(enclosingBox(toWorkingImage(canvas.gray)) != nil, "a box")
        #expect(preprocess(canvas.gray).digit == nil, "no digit in it")
    }

    @Test func aBoldWhiteShapeCutCloseInASmallFrameIsNotABox() {
        // 17×17, white ink on black: a bold squarish 0, one corner cut off, in thin dark margins:
        // dark "lines" all round and light in three of the inside's corners. Under 24 px all four
        // corners must be paper.
        var zero = Canvas(width: 17, height: 17, paper: 0.05)
        let (a, b) = (Float(3.5), Float(12.5))
        for (x0, y0, x1, y1) in [(a, a, b, a), (a, a, a, b), (b, a, b, b - 5), (a, b, b - 5, b), (b, b - 5, b - 5, b)] {
            zero.stroke(x0, y0, x1, y1, width: 4, ink: 0.9)
        }
        zero.image = boxBlur(zero.image, radius: 1)
        #expect(enclosingBox(toWorkingImage(zero.gray)) == nil, "no box")
    }

    @Test func aDigitCutToItsInkBoxIsNotABox() {
        // A bold 0 filling its frame: its sides are curves and its frame's corners are empty.
        var zero = Canvas(width: 40, height: 52, paper: 0.95)
        zero.ring(cx: 20, cy: 26, rx: 16, ry: 22, width: 6, ink: 0.05)
        #expect(enclosingBox(toWorkingImage(zero.gray))?.inside == nil)
        // A 7 cut to its box: one straight stroke along one side only.
        var seven = Canvas(width: 40, height: 52, paper: 0.95)
        seven.stroke(2, 3, 37, 3, width: 4, ink: 0.05)
        seven.stroke(37, 3, 15, 49, width: 4, ink: 0.05)
        #expect(enclosingBox(toWorkingImage(seven.gray))?.inside == nil)
    }

    @Test func whiteInkOnBlackAndNoiseAreNotBoxes() {
        // MNIST as stored: a white 0 on black, its dark paper all round it.
        var mnist = Canvas(width: 28, height: 28, paper: 0)
        mnist.ring(cx: 14, cy: 14, rx: 6, ry: 9, width: 2.5, ink: 1)
        #expect(enclosingBox(toWorkingImage(mnist.gray))?.inside == nil)
        var noise = Canvas(width: 60, height: 60, paper: 0.5)
        noise.addNoise(sigma: 0.3, seed: 3)
        #expect(enclosingBox(toWorkingImage(noise.gray))?.inside == nil)
    }

    /// Expects `picture` to be a box only under the lenient judgement (`BoxTolerance`), found by
    /// `enclosingBox`, and its 1 read inside it.
    static func expectLenientBoxAndOne(_ picture: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
        let working = toWorkingImage(picture.gray)
        #expect(enclosingBox(working, tolerance: .strict) == nil, "no box by the strict judgement", sourceLocation: sourceLocation)
        #expect(enclosingBox(working) != nil, "a box", sourceLocation: sourceLocation)
        #expect(SoftDigitTests.reading(picture.gray) == 1, "the 1 inside it", sourceLocation: sourceLocation)
    }

    @Test func aPhotographedFieldsBlurredLinesAreABox() {
        // 36×36, lines 4 px wide blurred twice: 5–6 px darker than halfway across, past the
        // strict 4 px (an eighth of the frame), under the lenient 6 (a sixth).
        let picture = Self.field(side: 36, lineWidth: 4, inset: 3, blurs: 2) { $0.stroke(18, 9, 17, 27, width: 2.5, ink: 0.1) }
        Self.expectLenientBoxAndOne(picture)
        #expect(preprocess(Self.field(side: 36, lineWidth: 4, inset: 3, blurs: 2) { _ in }.gray).digit == nil, "the empty field")
    }

    @Test func aBoxWhoseSideTheCropCutsOffIsABox() {
        // 40×44, the right line leaning out of the frame over the lower part of its length: there
        // the frame's edge is paper, and the line fitted to the rest lies at the edge.
        var picture = Canvas(width: 40, height: 44, paper: 0.9)
        picture.stroke(3, 3, 37, 3, width: 2, ink: 0.3)
        picture.stroke(3, 3, 3, 40, width: 2, ink: 0.3)
        picture.stroke(3, 40, 41, 40, width: 2, ink: 0.3)
        picture.stroke(37, 3, 41, 40, width: 2, ink: 0.3)
        picture.stroke(20, 10, 19, 32, width: 2.5, ink: 0.1)
        picture.image = boxBlur(picture.image, radius: 1)
        picture.addNoise(sigma: 0.01, seed: 5)
        Self.expectLenientBoxAndOne(picture)
    }

    @Test func aStrokeCoveringALineIsNoGapInIt() {
        // Black on white (a 1-bit scan), a 1 as wide as 3 px running into the bottom line: at
        // those positions the whole profile is ink, with no paper to be darker than.
        var picture = Canvas(width: 30, height: 35, paper: 1)
        for (x0, y0, x1, y1) in [(Float(1), Float(1), Float(28), Float(1)), (28, 1, 28, 33), (28, 33, 1, 33), (1, 33, 1, 1)] {
            picture.stroke(x0, y0, x1, y1, width: 3, ink: 0)
        }
        picture.stroke(15, 8, 14, 33, width: 3, ink: 0)
        Self.expectLenientBoxAndOne(picture)
    }

    /// A 32×36 field cut at its box's thick lines (4 px wide, ink 0.2, their centres 2 px inside
    /// the frame), paper 0.85, a `draw`n digit; blurred twice, noise σ 0.01.
    static func darkSurroundField(draw: (inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(width: 32, height: 36, paper: 0.85)
        let (left, top, right, bottom) = (Float(2), Float(2), Float(29), Float(33))
        for (x0, y0, x1, y1) in [(left, top, right, top), (right, top, right, bottom), (right, bottom, left, bottom),
                                 (left, bottom, left, top)] {
            canvas.stroke(x0, y0, x1, y1, width: 4, ink: 0.2)
        }
        draw(&canvas)
        canvas.image = boxBlur(boxBlur(canvas.image, radius: 1), radius: 1)
        canvas.addNoise(sigma: 0.01, seed: 9)
        return canvas
    }

    @Test func aFieldInADarkSurroundIsReadInsideItsBox() throws {
        // Dark along every edge and in every corner, the frame is judged white ink on black, and
        // its box (by the lenient judgement only) does not count; read whole, the box's lines and
        // fringe hide the 0.
        let picture = Self.darkSurroundField { $0.ring(cx: 15.5, cy: 17.5, rx: 7, ry: 10, width: 2.5, ink: 0.1) }
        let working = toWorkingImage(picture.gray)
        #expect(!inkIsDark(working), "the frame alone looks like light ink on dark paper")
        #expect(enclosingBox(working) == nil, "no box by the usual judgement")
        let field = try #require(fieldInDarkSurround(working))
        #expect((6...11).contains(field.origin.x) && (6...11).contains(field.origin.y), "inside the lines: \(field.origin)")
        #expect(preprocess(frame: working, inField: false, recordingSteps: false, stepsBefore: []).digit == nil,
                "the whole frame hides the 0")
        #expect(SoftDigitTests.reading(picture.gray) == 0, "the 0 inside the box")
        let steps = preprocess(picture.gray, recordingSteps: true).steps.map(\.name)
        #expect(steps.contains { $0.hasSuffix("-field-in-a-dark-surround") } && steps.last?.contains("-in-box-") == true,
                "\(steps)")
        #expect(preprocess(Self.darkSurroundField { _ in }.gray).digit == nil, "the empty field")
    }

    /// A 34×36 field cut close to its box: three sides 4 px wide (ink 0.3) centred 1.5 px inside the
    /// frame, the bottom one a faint 1.5 px line (ink 0.6: cut in half by the crop), paper 0.9, a
    /// `draw`n digit; blurred once, noise σ 0.02.
    static func fieldCutClose(draw: (inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(width: 34, height: 36, paper: 0.9)
        let (left, top, right, bottom) = (Float(1.5), Float(1.5), Float(32.5), Float(34.5))
        for (x0, y0, x1, y1) in [(left, top, right, top), (right, top, right, bottom), (left, bottom, left, top)] {
            canvas.stroke(x0, y0, x1, y1, width: 4, ink: 0.3)
        }
        canvas.stroke(left, bottom, right, bottom, width: 1.5, ink: 0.6)
        draw(&canvas)
        canvas.image = boxBlur(canvas.image, radius: 1)
        canvas.addNoise(sigma: 0.02, seed: 9)
        return canvas
    }

    @Test func aFieldCutCloseIsReadInsideItsEdgeBands() throws {
        // No box by the line judgement (its bottom is too faint a line), but its sides and their
        // fringe lift the first look's noise floor above full ink: read whole, nothing is found.
        let picture = Self.fieldCutClose { $0.ring(cx: 17, cy: 18, rx: 8, ry: 11, width: 3, ink: 0.15) }
        let working = toWorkingImage(picture.gray)
        #expect(enclosingBox(working) == nil && fieldInDarkSurround(working) == nil, "no box")
        #expect(isInkHiddenByItsFrame(working), "the frame's bands hide the ink")
        #expect(preprocess(frame: working, inField: false, recordingSteps: false, stepsBefore: []).digit == nil,
                "the whole frame hides the 0")
        let inside = try #require(frameInsideEdgeBands(working))
        #expect((5...7).contains(inside.origin.x) && (5...7).contains(inside.origin.y), "inside the bands: \(inside.origin)")
        #expect((22...26).contains(inside.image.width) && (26...28).contains(inside.image.height),
                "inside the bands: \(inside.image.width)×\(inside.image.height)")
        #expect(SoftDigitTests.reading(picture.gray) == 0, "the 0 inside the bands")
        let steps = preprocess(picture.gray, recordingSteps: true).steps.map(\.name)
        #expect(steps.contains { $0.hasSuffix("-inside-edge-bands") }, "\(steps)")
        #expect(preprocess(Self.fieldCutClose { _ in }.gray).digit == nil, "the empty field")
        // A blank noisy page's noise floor lies far below full ink.
        var blank = Canvas(width: 60, height: 60, paper: 0.85)
        blank.addNoise(sigma: 0.03, seed: 4)
        #expect(!isInkHiddenByItsFrame(toWorkingImage(blank.gray)))
    }

    @Test func aFieldLitUnevenlyHasItsBandsFoundWithItsLightingDividedOut() throws {
        // A field 56×48 cut close to its box: the box's top and right sides left along the frame's
        // edges as bands, a 1 inside, the light falling off toward the top (0.72 of the bottom's).
        // The paper below the top band is darker than the frame's lightest tenth by more than a
        // band's contrast, so in the picture itself the top seems dark all through its outer quarter.
        var canvas = Canvas(width: 56, height: 48, paper: 0.9)
        canvas.stroke(0, 2, 55, 2, width: 5, ink: 0.45)
        canvas.stroke(53, 0, 53, 47, width: 6, ink: 0.45)
        canvas.stroke(26, 12, 27, 40, width: 4, ink: 0.3)
        for y in 0..<48 {
            for x in 0..<56 { canvas.image[x, y] *= 0.72 + 0.28 * Float(y) / 47 }
        }
        canvas.addNoise(sigma: 0.01, seed: 5)
        let working = toWorkingImage(canvas.gray)
        #expect(edgeBandCuts(working, outermostDarkShare: 0.5) == nil, "the picture shows one band")
        let inside = try #require(frameInsideEdgeBands(working))
        #expect(inside.origin.y >= 4 && inside.origin.y <= 8, "below the top band: \(inside.origin)")
        #expect(inside.origin.x + inside.image.width <= 51, "left of the right band: \(inside.image.width)")
        #expect(SoftDigitTests.reading(canvas.gray) == 1, "the 1 inside the bands")
    }

    @Test func aFieldFilledByItsDigitIsReadWithPaperAroundIt() throws {
        // The field cut close (`fieldCutClose`'s box) around a 0 filling it (18×24 px, 3 px wide,
        // ink 0.3), blurred twice: inside the bands, a 26×27 frame, the 0's fringe still lifts the
        // noise floor above it; neither small nor bold, that frame was not read with paper around it.
        var canvas = Canvas(width: 34, height: 36, paper: 0.9)
        let (left, top, right, bottom) = (Float(1.5), Float(1.5), Float(32.5), Float(34.5))
        for (x0, y0, x1, y1) in [(left, top, right, top), (right, top, right, bottom), (left, bottom, left, top)] {
            canvas.stroke(x0, y0, x1, y1, width: 4, ink: 0.3)
        }
        canvas.stroke(left, bottom, right, bottom, width: 1.5, ink: 0.6)
        canvas.ring(cx: 17, cy: 18, rx: 9, ry: 12, width: 3, ink: 0.3)
        canvas.image = boxBlur(boxBlur(canvas.image, radius: 1), radius: 1)
        canvas.addNoise(sigma: 0.02, seed: 9)
        let field = try #require(frameInsideEdgeBands(toWorkingImage(canvas.gray)))
        #expect(preprocess(working: field.image, recordingSteps: false).digit == nil, "nothing found inside the bands")
        #expect(withPaperAround(field.image) == nil, "neither small nor bold")
        #expect(isFieldFilledByItsDigit(field.image))
        #expect(SoftDigitTests.reading(canvas.gray) == 0)
        let steps = preprocess(canvas.gray, recordingSteps: true).steps.map(\.name)
        #expect(steps.contains { $0.hasSuffix("-in-box-padded-gray") }, "\(steps)")
    }

    @Test func aBoxsLinesRunCornerToCornerABoldDigitsStrokesDoNot() {
        // The same four lines, 4 px inside a 30×40 frame, on a printed box and on a bold 0 cut
        // close (its strokes 6 px wide, their middles 4 px inside the frame at the sides' middles).
        let lines = BoxSide.allCases.map {
            BoxSideLine(side: $0, offset: 4, slope: 0, deepest: 6, reach: 2, darkness: 0.1, contrast: 0.8)
        }
        var box = Canvas(width: 30, height: 40, paper: 0.9)
        for (x0, y0, x1, y1) in [(Float(4), Float(4), Float(25), Float(4)), (25, 4, 25, 35), (25, 35, 4, 35), (4, 35, 4, 4)] {
            box.stroke(x0, y0, x1, y1, width: 3, ink: 0.1)
        }
        var zero = Canvas(width: 30, height: 40, paper: 0.9)
        zero.ring(cx: 14.5, cy: 19.5, rx: 10.5, ry: 15.5, width: 6, ink: 0.1)
        #expect(linesRunCornerToCorner(box.image, lines, darkerThan: 0.5))
        #expect(!linesRunCornerToCorner(zero.image, lines, darkerThan: 0.5))
    }

    @Test func aLightDigitsDarkMarginsAreABoxOnlyByTheStrictJudgement() {
        // A bold white 5 on black, cut 4 px outside its strokes: its dark margins pass the lenient
        // judgement's thickness, but the picture is light ink on dark paper.
        var five = Canvas(width: 25, height: 25, paper: 0.1)
        let (a, b) = (Float(7), Float(17))
        for (x0, y0, x1, y1) in [(a, a, b, a), (a, a, a, 12), (a, 12, b, 12), (b, 12, b, b), (b, b, a, b)] {
            five.stroke(x0, y0, x1, y1, width: 6, ink: 0.85)
        }
        five.image = boxBlur(five.image, radius: 1)
        let working = toWorkingImage(five.gray)
        #expect(enclosingBox(working, tolerance: .lenient) != nil, "dark margins thin enough for the lenient judgement")
        #expect(enclosingBox(working) == nil, "no box")
    }

    @Test func aFaintPhotographedBoxIsABoxByTheLenientJudgement() {
        // 40×40, lines 2 px wide in a light grey 0.78 on paper 0.92, blurred: at their darkest
        // under 0.1 darker than the paper, over the lenient 0.08.
        var picture = Canvas(width: 40, height: 40, paper: 0.92)
        for (x0, y0, x1, y1) in [(Float(3), Float(3), Float(36), Float(3)), (36, 3, 36, 36), (36, 36, 3, 36), (3, 36, 3, 3)] {
            picture.stroke(x0, y0, x1, y1, width: 2, ink: 0.78)
        }
        picture.stroke(20, 10, 19, 30, width: 2.5, ink: 0.1)
        picture.image = boxBlur(picture.image, radius: 1)
        picture.addNoise(sigma: 0.005, seed: 3)
        let working = toWorkingImage(picture.gray)
        #expect(enclosingBox(working, tolerance: .strict) == nil, "too faint for the strict judgement")
        #expect(enclosingBox(working) != nil, "a box")
    }

    @Test func aLenientLinesValleyEndsAtItsFirstMinimum() {
        // A 2 whose straight base (ink 0.05) runs 4 px above the bottom line (grey 0.45): between
        // them the profile rises only 0.3 of the way back to the paper. The strict valley runs on
        // into the base and takes it for the line; the lenient one stops at the line.
        var picture = Canvas(width: 48, height: 48, paper: 0.9)
        for (x0, y0, x1, y1) in [(Float(3), Float(3), Float(44), Float(3)), (44, 3, 44, 44), (44, 44, 3, 44), (3, 44, 3, 3)] {
            picture.stroke(x0, y0, x1, y1, width: 2, ink: 0.45)
        }
        picture.stroke(14, 12, 32, 10, width: 3, ink: 0.05)
        picture.stroke(32, 10, 8, 40, width: 3, ink: 0.05)
        picture.stroke(8, 40, 40, 40, width: 3, ink: 0.05)
        picture.image = boxBlur(picture.image, radius: 1)
        picture.addNoise(sigma: 0.01, seed: 7)
        let working = toWorkingImage(picture.gray)
        let strict = boxSideLine(working, side: .bottom)?.depth(at: 24)
        let lenient = boxSideLine(working, side: .bottom, tolerance: .lenient)?.depth(at: 24)
        #expect(strict.map { $0 >= 6 } == true, "strict: the base, \(String(describing: strict))")
        #expect(lenient.map { abs($0 - 3) <= 1 } == true, "lenient: the line, \(String(describing: lenient))")
    }

    @Test func aFaintBoxsCornersAreAsFaintAsItsLines() {
        // Lines 0.085 darker than the paper, unblurred: dark enough for the lenient judgement's
        // lines (0.08 beside them, 0.05 against the inside), and their corners are no darker.
        var picture = Canvas(width: 40, height: 40, paper: 0.92)
        for (x0, y0, x1, y1) in [(Float(3), Float(3), Float(36), Float(3)), (36, 3, 36, 36), (36, 36, 3, 36), (3, 36, 3, 3)] {
            picture.stroke(x0, y0, x1, y1, width: 2, ink: 0.835)
        }
        picture.stroke(20, 10, 19, 30, width: 2.5, ink: 0.1)
        picture.addNoise(sigma: 0.003, seed: 3)
        let working = toWorkingImage(picture.gray)
        #expect(BoxSide.allCases.allSatisfy { boxSideLine(working, side: $0, tolerance: .lenient) != nil }, "four faint lines")
        #expect(enclosingBox(working) != nil, "a box")
    }
}
