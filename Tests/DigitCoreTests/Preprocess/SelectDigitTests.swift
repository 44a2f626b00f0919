import Testing
@testable import DigitCore

@Suite struct SelectDigitTests {
    static func component(_ label: Int, x: Int, y: Int, width: Int, height: Int, area: Int? = nil,
                          mass: Float? = nil, imageWidth: Int = 300, imageHeight: Int = 200) -> InkComponent {
        let area = area ?? width * height
        // A solid box: its sides that lie on the image's edge are all border pixels.
        let onEdge = (x == 0 ? height : 0) + (x + width == imageWidth ? height : 0)
            + (y == 0 ? width : 0) + (y + height == imageHeight ? width : 0)
        return InkComponent(label: label, area: area, mass: mass ?? Float(area), minX: x, minY: y,
                            maxX: x + width - 1, maxY: y + height - 1, reachesHigh: true,
                            touchesBorder: x == 0 || y == 0 || x + width == imageWidth || y + height == imageHeight,
                            borderPixels: onEdge,
                            sidePixels: SidePixels(top: y == 0 ? width : 0, bottom: y + height == imageHeight ? width : 0,
                                                   left: x == 0 ? height : 0, right: x + width == imageWidth ? height : 0),
                            coreArea: area, highArea: area, outlinePixels: area)
    }

    @Test func mergesTheOtherHalfOfADigitBrokenAcrossAWiderGap() {
        // A 5 whose stroke broke: its top (the seed, 30 wide × 20 tall) and its bowl (40% of the
        // seed's mass) 8 px below: beyond 15% of the seed's height, within 30% of its longer side.
        let parts = [Self.component(1, x: 100, y: 40, width: 30, height: 20, area: 300),
                     Self.component(2, x: 95, y: 68, width: 30, height: 18, area: 120)]
        #expect(Set(selectDigit(parts, width: 300, height: 200)!.labels) == [1, 2])
        // A speck at the same distance (a tenth of the mass) stays out.
        let speck = [parts[0], Self.component(2, x: 110, y: 68, width: 6, height: 5, area: 30)]
        #expect(selectDigit(speck, width: 300, height: 200)!.labels == [1])
    }

    @Test func aSpeckBesideTheDigitStaysOutWhereAPieceOfStrokeAtTheSameGapJoins() {
        // A 0 60 px tall; 5 px beyond its box (within the 9-px merge gap): a 4×4 dot of dust, and a
        // 3×10 piece of stroke (a broken stroke's end).
        let digit = Self.component(1, x: 100, y: 50, width: 40, height: 60, area: 700)
        var speck = Self.component(2, x: 145, y: 80, width: 4, height: 4)
        speck.outlinePixels = 12   // a filled dot: mean stroke width 2.7, two thirds of its side
        var piece = Self.component(2, x: 145, y: 80, width: 3, height: 10)
        piece.outlinePixels = 24   // a stroke: mean width 2.5, a quarter of its length
        #expect(selectDigit([digit, speck], width: 300, height: 200)!.labels == [1])
        #expect(Set(selectDigit([digit, piece], width: 300, height: 200)!.labels) == [1, 2])
        // Touching the digit's box, the dot joins it (it may be the dot of ink where a stroke ends).
        var touching = speck
        touching.minX = 140; touching.maxX = 143
        #expect(Set(selectDigit([digit, touching], width: 300, height: 200)!.labels) == [1, 2])
    }

    @Test func mergesTheBrokenPiecesOfOneDigit() {
        // An open 4: a vertical stroke and a separate hooked piece 5 px to its left.
        let parts = [Self.component(1, x: 150, y: 50, width: 10, height: 100, area: 600),
                     Self.component(2, x: 100, y: 50, width: 45, height: 60, area: 400)]
        let chosen = selectDigit(parts, width: 300, height: 200)!
        #expect(Set(chosen.labels) == [1, 2])
        #expect(chosen.minX == 100 && chosen.maxX == 159 && chosen.otherCandidates == 0)
    }

    @Test func picksTheDominantOfTwoDigitsAndCountsTheOther() {
        let parts = [Self.component(1, x: 40, y: 50, width: 60, height: 100, area: 900),
                     Self.component(2, x: 180, y: 60, width: 50, height: 80, area: 700)]
        let chosen = selectDigit(parts, width: 300, height: 200)!
        #expect(chosen.labels == [1])
        #expect(chosen.otherCandidates == 1)
    }

    @Test func dropsSpecksAndBorderJunk() {
        let parts = [Self.component(1, x: 120, y: 60, width: 40, height: 70, area: 500, mass: 300),
                     Self.component(2, x: 10, y: 10, width: 2, height: 2),                          // speck
                     Self.component(3, x: 0, y: 0, width: 8, height: 200, area: 1600, mass: 1600)]  // scanner edge
        let chosen = selectDigit(parts, width: 300, height: 200)!
        #expect(chosen.labels == [1])
        #expect(chosen.otherCandidates == 0)
    }

    /// What a crop left of a line just outside the frame lies along the edge: half its pixels or
    /// more on the outermost rows and columns. It is not a digit; a stroke the frame cuts has most
    /// of its ink inside and is still read.
    @Test func aSliverAlongTheEdgeIsNotADigitButAStrokeCutByTheFrameIs() {
        let sliver = Self.component(1, x: 0, y: 40, width: 2, height: 24)
        #expect(isEdgeJunk(sliver, width: 300, height: 200))
        #expect(selectDigit([sliver], width: 300, height: 200) == nil)
        let cut = Self.component(2, x: 140, y: 150, width: 8, height: 50, area: 400)
        #expect(!isEdgeJunk(cut, width: 300, height: 200))
        #expect(selectDigit([cut], width: 300, height: 200)?.labels == [2])
    }

    /// A mark without a plateau (a noisy or blurred digit's hill) seeds a digit only when lone marks
    /// are accepted (`chooseDigit`'s last resort, on a page where no printed line was removed) and it
    /// is the only mark, inside the frame, 20 px or more, and drawn with strokes at most a fifth of
    /// its size (`isLoneDrawnMark`).
    @Test func aLoneDrawnMarkWithoutAPlateauSeedsOnlyAloneOnAnUnprintedPage() {
        var hill = Self.component(1, x: 120, y: 60, width: 40, height: 70, area: 500, mass: 300)
        hill.coreArea = 50; hill.outlinePixels = 400   // stroke width 2·500/400 = 2.5 px
        #expect(!hasStrokeStructure(hill))
        #expect(selectDigit([hill], width: 300, height: 200, acceptingLoneMark: true)?.labels == [1])
        #expect(selectDigit([hill], width: 300, height: 200, acceptingLoneMark: false) == nil, "not accepting lone marks")
        let other = Self.component(2, x: 20, y: 20, width: 30, height: 40, area: 300, mass: 200)
        #expect(selectDigit([hill, other], width: 300, height: 200, acceptingLoneMark: true)?.labels != [1],
                "one of several hills")
        var filled = hill
        filled.outlinePixels = 60   // stroke width 2·500/60 ≈ 17 px: over a fifth of its 70-px height
        #expect(selectDigit([filled], width: 300, height: 200, acceptingLoneMark: true) == nil)
        var small = Self.component(3, x: 120, y: 60, width: 10, height: 16, area: 60, mass: 40)
        small.coreArea = 5; small.outlinePixels = 60
        #expect(selectDigit([small], width: 300, height: 200, acceptingLoneMark: true) == nil)
    }

    @Test func specksAloneAreNoDigit() {
        let parts = (1...20).map { Self.component($0, x: 10 * $0, y: 100, width: 2, height: 2) }
        #expect(selectDigit(parts, width: 300, height: 200) == nil)
    }

    @Test func regionsThatNeverReachTheHighThresholdAreIgnored() {
        var faint = Self.component(1, x: 120, y: 60, width: 40, height: 70, area: 500)
        faint.reachesHigh = false
        #expect(selectDigit([faint], width: 300, height: 200) == nil)
    }

    /// A digit whose stroke end grazes the frame's bottom edge (a 9 whose tail reaches it in a
    /// photographed comb) is read over a comb's tick inside the frame that it outweighs twice; a
    /// region the frame cuts across, a filled disc at the edge, or one not twice as heavy is not.
    @Test func aDigitGrazingTheEdgeOutweighsATickInside() {
        func digit(borderPixels: Int, outline: Int = 200, mass: Float = 300) -> InkComponent {
            var c = Self.component(1, x: 120, y: 130, width: 40, height: 70, area: 500, mass: mass)
            c.borderPixels = borderPixels           // stroke width 2·500/200 = 5 px
            c.sidePixels = SidePixels(top: 0, bottom: borderPixels, left: 0, right: 0)
            c.outlinePixels = outline
            return c
        }
        let tick = Self.component(2, x: 60, y: 150, width: 6, height: 25, area: 130, mass: 100)
        let grazing = digit(borderPixels: 6)
        #expect(isGrazingTheEdge(grazing) && !isEdgeJunk(grazing, width: 300, height: 200))
        #expect(selectDigit([grazing, tick], width: 300, height: 200)?.labels == [1])
        let cut = digit(borderPixels: 24)               // the frame crosses it over five stroke widths
        #expect(!isGrazingTheEdge(cut) && selectDigit([cut, tick], width: 300, height: 200)?.labels == [2])
        let disc = digit(borderPixels: 6, outline: 40)  // stroke width 25 px: filled
        #expect(!isGrazingTheEdge(disc) && selectDigit([disc, tick], width: 300, height: 200)?.labels == [2])
        let light = digit(borderPixels: 6, mass: 150)
        #expect(selectDigit([light, tick], width: 300, height: 200)?.labels == [2])
    }
}
