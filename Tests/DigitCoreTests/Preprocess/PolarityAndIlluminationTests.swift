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
}
