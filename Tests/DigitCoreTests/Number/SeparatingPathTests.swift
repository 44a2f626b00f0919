import Testing
@testable import DigitCore

/// `separatingPath` and cutting along it, on strokes drawn here (no MNIST needed).
struct SeparatingPathTests {
    /// An "L" (column x 30…34, foot x 30…44 along the bottom) and, above its foot, a bar
    /// (x 40…44, y 30…56) joined to the L's column by a 2-row bridge: one component whose two
    /// parts overlap in columns, so no straight cut separates them.
    func overlappingStrokes() -> (page: CleanedPage, region: NumberRegion) {
        var page = NumberPictures.Page(width: 90, height: 90)
        page.fill(x: 30, y: 30, width: 5, height: 41)     // the L's column, y 30…70
        page.fill(x: 30, y: 66, width: 15, height: 5)     // its foot, x 30…44, y 66…70
        page.fill(x: 40, y: 30, width: 5, height: 27)     // the bar, y 30…56
        page.fill(x: 35, y: 40, width: 5, height: 2)      // the bridge
        let cleaned = cleanPage(page.gray)
        let c = cleaned.components.max { $0.area < $1.area }!
        let selection = DigitSelection(labels: [c.label], minX: c.minX, minY: c.minY, maxX: c.maxX, maxY: c.maxY,
                                       mass: c.mass, otherCandidates: 0)
        return (cleaned, NumberRegion(selection))
    }

    @Test func thePathBendsAroundTheOverlapAndSeversOnlyTheBridge() throws {
        let (page, region) = overlappingStrokes()
        let path = try #require(separatingPath(through: region, near: 38, on: page))
        for y in 30...56 { #expect(path.firstRightColumn(atRow: y) <= 40, "row \(y): the bar is right of the cut") }
        for y in 66...70 { #expect(path.firstRightColumn(atRow: y) >= 45, "row \(y): the foot is left of the cut") }
        let (left, right) = try #require(cut(region, along: path, on: page))
        #expect(left.selection.minX == 30 && left.selection.maxY == 70)
        // The bar (with at most the bridge's stub): none of the foot.
        #expect(right.selection.minX >= 35 && right.selection.maxX == 44 && right.selection.maxY == 56)
    }

    @Test func noStraightCutSeparatesTheOverlappingParts() throws {
        let (page, region) = overlappingStrokes()
        for column in 31...44 {
            let straight = CutPath(straightAt: column, top: region.selection.minY, bottom: region.selection.maxY)
            guard let (_, right) = cut(region, along: straight, on: page) else { continue }
            #expect(!(right.selection.minX >= 35 && right.selection.maxY == 56), "column \(column)")
        }
    }

    @Test func aPartIsExtractedWithoutTheInkBeyondItsCut() throws {
        let (page, region) = overlappingStrokes()
        let path = try #require(separatingPath(through: region, near: 38, on: page))
        let (_, right) = try #require(cut(region, along: path, on: page))
        // The bar alone: a thin vertical stroke, as the classifier sees it (centred, 20 px tall).
        let digit = try #require(normalisedDigit(right, on: page))
        var inkColumns = 0
        for x in 0..<28 where (0..<28).contains(where: { digit.pixels[$0 * 28 + x] > 0.5 }) { inkColumns += 1 }
        #expect(inkColumns <= 8, "only the bar's columns should hold ink, found \(inkColumns)")
    }
}
