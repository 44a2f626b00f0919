import Foundation
import Testing
@testable import DigitCore

/// Ruled lines fitted to their own ink (`RuledLine.fittedToInk`): a band found at the page's one
/// slope is moved onto the line it stands for, and a stroke lying along a line does not pull it.
@Suite struct RuledLineFitTests {
    static func mask(_ canvas: Canvas, above level: Float = 0.3) -> InkMask {
        InkMask(width: canvas.image.width, height: canvas.image.height, bits: canvas.image.pixels.map { $0 > level })
    }

    @Test func aLineFoundAtTheWrongSlopeIsFittedToItsInk() {
        // A line tilted 4°, 5 px thick; the band found at slope 0 holds it only near the middle.
        var canvas = Canvas(width: 200, height: 100, paper: 0)
        let slope = Float(tan(4 * Double.pi / 180))
        canvas.stroke(0, 50 - 100 * slope, 199, 50 + 99 * slope, width: 5, ink: 1)
        let mask = Self.mask(canvas)
        let found = RuledLine(slope: 0, lowOffset: 47, highOffset: 53)
        let fitted = found.fittedToInk(mask)
        #expect(abs(fitted.slope - slope) < 0.005)
        #expect(abs((fitted.lowOffset + fitted.highOffset) / 2 - 50) < 0.5)
        #expect(clearLines(mask, [found]).bits.contains(true), "the band at slope 0 leaves the line's ends")
        #expect(!clearLines(mask, [fitted]).bits.contains(true), "the fitted band covers the whole line")
    }

    @Test func aStrokeLeavingALineDoesNotPullItsFit() {
        var canvas = Canvas(width: 200, height: 100, paper: 0)
        canvas.stroke(0, 50, 199, 50, width: 3, ink: 1)
        canvas.stroke(110, 50, 190, 57, width: 3, ink: 1)   // a stroke leaving the line at 5°
        let fitted = RuledLine(slope: 0, lowOffset: 48, highOffset: 52).fittedToInk(Self.mask(canvas))
        #expect(abs(fitted.slope) < 0.003)
        #expect(abs((fitted.lowOffset + fitted.highOffset) / 2 - 50) < 0.5)
        #expect(fitted.highOffset - fitted.lowOffset <= 5, "the band stays as thin as the line")
    }

    /// A band across a page with no line in it (specks, a stretch of a digit's stroke) is kept as
    /// found: the fit would follow the stroke, which runs with the band for a short way only.
    @Test func aBandWithoutALineIsKeptAsFound() {
        var canvas = Canvas(width: 200, height: 100, paper: 0)
        for x in stride(from: 3, to: 200, by: 9) { canvas.stroke(Float(x), 50, Float(x) + 1, 50, width: 2, ink: 1) }
        canvas.stroke(60, 44, 140, 58, width: 4, ink: 1)   // a stroke at 10° through the specks
        let found = RuledLine(slope: 0, lowOffset: 48, highOffset: 52)
        #expect(found.fittedToInk(Self.mask(canvas)) == found)
    }
}
