import Testing
@testable import DigitCore

/// Issue 9 item 3: the stroke stage never closes a loop that is open in the ink.
@Suite struct HoleTests {
    /// A "0" 200 px tall (ring) or an "8" (two rings), `width` px stroke, bright on black.
    static func digit(_ shape: Character, strokeWidth width: Float) -> FloatImage {
        var canvas = Canvas(width: 240, height: 240, paper: 0)
        if shape == "0" {
            canvas.ring(cx: 120, cy: 120, rx: 55, ry: 100 - width / 2, width: width, ink: 1)
        } else {
            canvas.ring(cx: 120, cy: 70, rx: 40, ry: 50 - width / 2, width: width, ink: 1)
            canvas.ring(cx: 120, cy: 170, rx: 48, ry: 50 - width / 2, width: width, ink: 1)
        }
        return canvas.image
    }

    @Test func countHolesCountsEnclosedBackgroundOnly() {
        #expect(countHoles(Self.digit("0", strokeWidth: 16)) == 1)
        #expect(countHoles(Self.digit("8", strokeWidth: 16)) == 2)
        var bar = FloatImage(width: 20, height: 20)
        for y in 2..<18 { for x in 8..<11 { bar[x, y] = 1 } }
        #expect(countHoles(bar) == 0)
        // A diagonal gap in an 8-connected ring does not open it (background is 4-connected).
        var diamond = FloatImage(width: 7, height: 7)
        for (x, y) in [(3, 1), (4, 2), (5, 3), (4, 4), (3, 5), (2, 4), (1, 3), (2, 2)] { diamond[x, y] = 1 }
        #expect(countHoles(diamond) == 1)
    }

    @Test(arguments: [Float(12), 16, 20, 40])
    func thickZerosAndEightsKeepTheirHoles(width: Float) {
        for (shape, holes) in [(Character("0"), 1), ("8", 2)] {
            let stages = normaliseInkStages(Self.digit(shape, strokeWidth: width))!
            #expect(countHoles(stages.strokeNormalised) == holes, "\(shape), \(width) px: stroke stage")
            #expect(countHoles(stages.boxed) == holes, "\(shape), \(width) px: 20-px box")
            #expect(countHoles(FloatImage(stages.final)) == holes, "\(shape), \(width) px: 28×28")
        }
        let zero = normaliseInkStages(Self.digit("0", strokeWidth: width))!.final
        #expect(FloatImage(zero)[14, 14] < 0.5, "centre of a \(width) px 0 is background")
    }

    @Test func aThinPenZeroIsNotFilledByDilation() {
        let ink = Self.digit("0", strokeWidth: 3)
        let stroke = scaleToBox(cropToInk(ink)!, side: strokeBoxSide)
        #expect(boxStrokeWidth(stroke) < acceptedStrokeWidths.lowerBound)  // it is dilated
        let dilated = normaliseStrokeWidth(stroke)
        #expect(boxStrokeWidth(dilated) > boxStrokeWidth(stroke))
        #expect(dilated[dilated.width / 2, dilated.height / 2] == 0)
        #expect(FloatImage(normaliseInk(ink)!)[14, 14] < 0.5)
    }

    @Test func aBroadMarkerIsThinnedNearMNISTWidthAndKeepsItsHole() {
        let ink = Self.digit("0", strokeWidth: 56)
        let stroke = scaleToBox(cropToInk(ink)!, side: strokeBoxSide)
        #expect(boxStrokeWidth(stroke) > acceptedStrokeWidths.upperBound)
        let thinned = normaliseStrokeWidth(stroke)
        #expect(abs(boxStrokeWidth(thinned) - mnistStrokeWidth) < 1, "\(boxStrokeWidth(thinned))")
        #expect(countHoles(thinned) == 1)
    }
}
