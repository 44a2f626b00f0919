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

    /// A sharp box cropped to the frame (80×80, sides 2 px wide, 3 px inside): its sides are
    /// shorter than three of their thicknesses' worth of tilt, so the slope search finds several
    /// slopes with the same peak and settles on the first (−2°), whose band drifts 2.8 px along the
    /// side. The fitted line runs through every column of the side as the band did (a tie within
    /// 1.5 px), but centred on it (within 0.75 px): it is taken, and painting it leaves no corner
    /// behind to be read as a digit.
    @Test func aBoxSideFoundAtATiedSlopeIsFittedOntoItsInk() throws {
        var canvas = Canvas(width: 80, height: 80, paper: 0.85)
        let corners: [(Float, Float, Float, Float)] = [(3, 3, 76, 3), (76, 3, 76, 76), (76, 76, 3, 76), (3, 76, 3, 3)]
        for (x0, y0, x1, y1) in corners { canvas.stroke(x0, y0, x1, y1, width: 2, ink: 0.2) }
        canvas.addNoise(sigma: 0.01, seed: 5)
        let flattened = flattenIllumination(normalisePolarity(toWorkingImage(canvas.gray)))
        let thresholds = inkThresholds(flattened)
        let mask = inkMask(flattened, above: thresholds.low)
        let searched = try #require(searchHorizontalLines(mask).first)
        #expect(abs(searched.slope) > 0.02, "the search settles on a tilted slope among tied ones")
        let lines = findRuledLines(mask, image: flattened)
        #expect(lines.horizontal.count == 2 && lines.vertical.count == 2)
        for line in lines.horizontal + lines.vertical { #expect(abs(line.slope) < 0.002, "fitted flat: \(line)") }
        #expect(preprocess(canvas.gray).digit == nil, "the empty box leaves nothing to read")
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
