import Testing
@testable import DigitCore

@Suite struct PolarityAndIlluminationTests {
    static func ringPage(paper: Float, ink: Float) -> FloatImage {
        var canvas = Canvas(width: 120, height: 90, paper: paper)
        canvas.ring(cx: 60, cy: 45, rx: 15, ry: 22, width: 4, ink: ink)
        return canvas.image
    }

    @Test func darkInkOnPaperIsDetectedAndInverted() {
        let page = Self.ringPage(paper: 0.9, ink: 0.15)
        #expect(inkIsDark(page))
        let bright = normalisePolarity(page)
        #expect(bright[60, 23] > 0.8)    // on the ring (top)
        #expect(bright[5, 5] < 0.2)      // paper
    }

    @Test func brightInkOnDarkBoardIsKept() {
        let board = Self.ringPage(paper: 0.15, ink: 0.9)
        #expect(!inkIsDark(board))
        #expect(normalisePolarity(board) == board)
    }

    @Test func darkInkUnderALightingGradientIsStillDark() {
        var canvas = Canvas(width: 160, height: 100, left: 0.95, right: 0.35)
        canvas.stroke(70, 20, 90, 80, width: 4, ink: 0.05)
        #expect(inkIsDark(canvas.image))
    }

    @Test func flatteningRemovesAGradientAndKeepsStrokesOnBothSides() {
        var canvas = Canvas(width: 200, height: 100, left: 0.95, right: 0.3)
        // Ink reflects 20% of the local light, on the bright and the dark side.
        for x in [30, 170] {
            let local = 0.95 + (0.3 - 0.95) * Float(x) / 199
            canvas.stroke(Float(x), 20, Float(x), 80, width: 5, ink: 0.2 * local)
        }
        let flattened = flattenIllumination(normalisePolarity(canvas.image))
        for x in [30, 170] { #expect(flattened[x, 50] > 0.6, "stroke at x=\(x): \(flattened[x, 50])") }
        #expect(flattened[100, 50] < 0.03, "paper in the middle: \(flattened[100, 50])")
        // Near the edges the clipped windows leave a little residue, below the high threshold, which is at least 0.1.
        for x in [3, 196] { #expect(flattened[x, 50] < 0.1, "paper at x=\(x): \(flattened[x, 50])") }
    }

    @Test func aFrameALittleLongerThanOneWindowGetsNoFalseGradient() {
        // A blurred 3 in a 36×33 frame of even, noisy paper (a digit cut with a little margin):
        // the background windows are 32 px, and whole windows' centres would sit 4 and 1 px apart,
        // so the few thousandths the noise and the digit's fringe make between them were
        // extrapolated into grey corners (0.04–0.07 on average on seven of these ten noise draws).
        var canvas = Canvas(width: 36, height: 33, paper: 0.85)
        canvas.ring(cx: 15, cy: 16, rx: 5, ry: 4, width: 3, ink: 0.35)
        canvas.ring(cx: 16, cy: 25, rx: 6, ry: 5, width: 3, ink: 0.35)
        canvas.image = boxBlur(canvas.image, radius: 1)
        for seed in UInt64(1)...10 {
            var noisy = canvas
            noisy.addNoise(sigma: 0.03, seed: seed)
            let flattened = flattenIllumination(normalisePolarity(noisy.image))
            for (x0, y0) in [(0, 0), (32, 0), (0, 29), (32, 29)] {
                // The corner's 4×4 pixels on average: one pixel of the paper's noise alone may reach 0.07.
                let corner = (0..<16).map { flattened[x0 + $0 % 4, y0 + $0 / 4] }.reduce(0, +) / 16
                #expect(corner < 0.04, "seed \(seed), paper in the corner at (\(x0), \(y0)): \(corner)")
            }
            #expect(flattened[15, 12] > 0.4, "seed \(seed), the top stroke: \(flattened[15, 12])")
        }
    }

    @Test func aGradientAcrossAFrameALittleLongerThanOneWindowIsStillFollowed() {
        // Light falling off from top to bottom of a 120×40 strip (a form's field photographed):
        // the two background windows along its height are half its height apart, and measure it
        // (whole 32 px windows, 8 px apart, left the paper at 0.11 in the middle, 0.14 at the bottom).
        var canvas = Canvas(width: 120, height: 40, paper: 0.9)
        for y in 0..<40 { for x in 0..<120 { canvas.image[x, y] = 0.95 - 0.4 * Float(y) / 39 } }
        canvas.stroke(60, 8, 60, 32, width: 3, ink: 0.1)
        let flattened = flattenIllumination(normalisePolarity(canvas.image))
        for y in [0, 20, 39] { #expect(flattened[10, y] < 0.06, "paper at y=\(y): \(flattened[10, y])") }
        #expect(flattened[60, 20] > 0.6, "the stroke: \(flattened[60, 20])")
    }

    @Test func flatteningKeepsTheInsideOfABoldDigitThatFillsTheFrame() {
        // A ring 60% of the frame tall with strokes a quarter of its height (a bold MNIST digit).
        var canvas = Canvas(width: 240, height: 180, paper: 0.85)
        canvas.ring(cx: 120, cy: 90, rx: 40, ry: 41, width: 27, ink: 0.15)
        let flattened = flattenIllumination(normalisePolarity(canvas.image))
        #expect(flattened[120 - 40, 90] > 0.6, "middle of the left stroke: \(flattened[80, 90])")
        #expect(flattened[120, 90 - 41] > 0.6, "middle of the top stroke: \(flattened[120, 49])")
        #expect(flattened[5, 5] < 0.05)
    }

    @Test func aSolidBlockFillingTheFrameIsNotTakenForBackground() {
        var image = FloatImage(width: 56, height: 56, filledWith: 1)
        for y in 8..<48 { for x in 8..<48 { image[x, y] = 0 } }
        let flattened = flattenIllumination(normalisePolarity(image))
        #expect(flattened[28, 28] > 0.9)
        #expect(flattened[2, 2] < 0.05)
    }

    /// A marker 8 cut to its box: two rings drawn 9 px wide in a 40×56 frame, ink covering more of
    /// it than paper, touching every side.
    static func boldEight(paper: Float, ink: Float) -> FloatImage {
        var canvas = Canvas(width: 40, height: 56, paper: paper)
        canvas.ring(cx: 20, cy: 15, rx: 15, ry: 11, width: 9, ink: ink)
        canvas.ring(cx: 20, cy: 40, rx: 16, ry: 12.5, width: 9, ink: ink)
        return canvas.image
    }

    @Test func aBoldDigitCutToItsBoxIsJudgedByItsCorners() throws {
        for (paper, ink) in [(Float(0.92), Float(0.08)), (0.08, 0.92)] {
            let image = Self.boldEight(paper: paper, ink: ink)
            let inkShare = Float(image.pixels.filter { abs($0 - ink) < abs($0 - paper) }.count) / Float(image.count)
            #expect(inkShare > 0.5, "ink is the majority (else this checks nothing): \(inkShare)")
            #expect(inkIsDarkByCorners(image) == (ink < paper))
            #expect(inkIsDark(image) == (ink < paper))
            let digit = try #require(preprocess(Canvas(image: image).gray).digit)
            #expect(try Classifier.bundled().predict(digit).digit == 8)
        }
    }

    @Test func stripsAlongTwoSidesAreNotTakenForPaperCorners() {
        // A scan whose dark edge strips run along the top and bottom: every corner is dark, the
        // paper between them is the majority, and a 0 is written on it.
        var canvas = Canvas(width: 70, height: 80, paper: 0.9)
        for y in 0..<80 where y < 13 || y >= 67 { for x in 0..<70 { canvas.image[x, y] = 0.1 } }
        canvas.ring(cx: 35, cy: 40, rx: 10, ry: 14, width: 3, ink: 0.15)
        let image = canvas.image
        #expect(cornersAgree(image, in: PixelBox(x: 0, y: 0, width: 70, height: 80), threshold: 0.5) == false,
                "every corner dark (else this checks nothing)")
        #expect(inkIsDarkByCorners(image) == nil)
        #expect(inkIsDark(image))
        // A pen digit on open paper: ink is a small minority, the corners do not judge.
        #expect(inkIsDarkByCorners(Self.ringPage(paper: 0.9, ink: 0.15)) == nil)
    }

    @Test func aFrameFilledByABoldDigitIsGivenPaperAroundItAndAPageWithPaperIsNot() throws {
        // The bold 8 cut to its box (40×56): paper around it, 11 px (a fifth of 56), at the paper's
        // level, then doubled to reach 84 px. A ring on open paper, or pure noise, is not padded.
        let bold = Self.boldEight(paper: 0.92, ink: 0.08)
        let (padded, factor) = try #require(withPaperAround(bold))
        #expect(factor == 2 && padded.width == (40 + 22) * 2 && padded.height == (56 + 22) * 2)
        #expect(abs(padded[0, 0] - 0.92) < 0.01 && abs(padded[padded.width - 1, padded.height / 2] - 0.92) < 0.01)
        #expect(withPaperAround(Self.ringPage(paper: 0.9, ink: 0.15)) == nil)
        var noise = FloatImage(width: 60, height: 60)
        var random = TestRandom(seed: 7)
        for i in 0..<noise.count { noise.pixels[i] = random.uniform() < 0.5 ? 0.05 : 0.95 }
        #expect(classChangeRate(noise, threshold: 0.5) > 0.4)
        #expect(inkIsDarkByCorners(noise) == nil && withPaperAround(noise) == nil)
    }

    /// A marker 9 (strokes 14 px wide) cut to its box, 56×64, black on white.
    static func boldNine() -> Canvas {
        let s: Float = 64 / 56
        var canvas = Canvas(width: 45, height: 64, paper: 0.95)
        canvas.ring(cx: 20 * s, cy: 16 * s, rx: 14 * s, ry: 11 * s, width: 12 * s, ink: 0.05)
        canvas.stroke(32 * s, 18 * s, 26 * s, 53 * s, width: 12 * s, ink: 0.05)
        return canvas
    }

    @Test func aFrameFilledByABoldDigitIsReadWithPaperAroundItFirst() throws {
        // Read as it is, the marker 9's frame is all strokes: its strokes fill lighting windows,
        // and what the page's measures make of it is not a 9. With paper around it, it is.
        let nine = Self.boldNine()
        let working = toWorkingImage(nine.gray)
        #expect(inkPolarity(working) == (inkIsDark: true, byCorners: true))
        let classifier = try Classifier.bundled()
        let asItIs = try #require(preprocess(working: working, recordingSteps: false).digit)
        #expect(classifier.predict(asItIs).digit != 9, "read as it is, it is not a 9 (else this checks nothing)")
        let result = preprocess(nine.gray, recordingSteps: true)
        #expect(classifier.predict(try #require(result.digit)).digit == 9)
        #expect(result.steps.first?.name == "1-padded-gray")
        // A digit with paper around it is read as it is.
        let steps = preprocess(Canvas(image: Self.ringPage(paper: 0.9, ink: 0.15)).gray, recordingSteps: true).steps
        #expect(steps.first?.name == "1-gray")
    }
}
