import Foundation
import Testing
@testable import DigitCore

/// A pale pencil digit beside solid marks (a scanner's black edge strips, punched holes), which are
/// darker than it and set the first look's thresholds above its ink: `findDigitPastSolidMarks`
/// takes the thresholds again without them. Every picture is drawn here.
@Suite struct SolidMarkTests {
    /// A pale ring (ink 0.62 on paper 0.93) in a 220×200 scan, with `strips` (black bands 16 px
    /// deep along the top and bottom) and/or `holes` (two black discs 30 px across at the left).
    static func paleRingScan(strips: Bool, holes: Bool) -> Canvas {
        var page = Canvas(width: 220, height: 200, paper: 0.93)
        page.ring(cx: 120, cy: 100, rx: 22, ry: 32, width: 4, ink: 0.62)
        if strips {
            for y in 0..<16 { for x in 0..<220 { page.image[x, y] = 0.08; page.image[x, 199 - y] = 0.08 } }
        }
        if holes {
            for (cx, cy) in [(Float(30), Float(55)), (30, 145)] {
                page.paint(ink: 0.05, halfWidth: 15) { x, y in hypotf(x - cx, y - cy) }
            }
        }
        page.addNoise(sigma: 0.01, seed: 21)
        return page
    }

    @Test(arguments: [(true, false), (false, true), (true, true)])
    func aPaleDigitBesideSolidMarksIsFoundWhole(strips: Bool, holes: Bool) throws {
        let page = Self.paleRingScan(strips: strips, holes: holes)
        let firstLook = cleanPage(page.gray)
        // The marks hide the ring from the first look: this is the case the mechanism is for.
        #expect(chooseDigit(firstLook) == nil)
        let (retaken, selection) = try #require(findDigitPastSolidMarks(firstLook))
        #expect(retaken.thresholds.high < firstLook.thresholds.high)
        // The ring, whole: its box, not a mark's.
        #expect(abs(selection.minX - 98) <= 3 && abs(selection.maxX - 142) <= 3)
        #expect(abs(selection.minY - 68) <= 3 && abs(selection.maxY - 132) <= 3)
        let digit = try #require(preprocess(page.gray).digit)
        #expect(countHoles(FloatImage(digit)) == 1)
    }

    @Test func solidMarksAloneAreNoDigit() {
        var page = Self.paleRingScan(strips: true, holes: true)
        // Paper where the ring was.
        for y in 60..<140 { for x in 90..<150 { page.image[x, y] = 0.93 } }
        page.addNoise(sigma: 0.01, seed: 22)
        #expect(preprocess(page.gray).digit == nil)
    }
}
