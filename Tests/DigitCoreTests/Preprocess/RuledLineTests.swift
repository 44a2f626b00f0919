import Testing
@testable import DigitCore

@Suite struct RuledLineTests {
    static func mask(_ image: FloatImage, above level: Float = 0.5) -> InkMask {
        InkMask(width: image.width, height: image.height, bits: image.pixels.map { $0 > level })
    }

    @Test func findsEveryRuledLineOfAPage() {
        var canvas = Canvas(width: 200, height: 150, paper: 0)
        canvas.ruledLines(first: 20, spacing: 30, width: 2, ink: 0)   // no-op on black, draw bright below
        var image = canvas.image
        for y in stride(from: 20, to: 150, by: 30) { for x in 0..<200 { image[x, y] = 1; image[x, y + 1] = 1 } }
        let lines = findHorizontalLines(Self.mask(image))
        #expect(lines.count == 5)
        for line in lines { #expect(line.slope == 0) }
    }

    @Test func findsATiltedLine() {
        var canvas = Canvas(width: 200, height: 120, paper: 0)
        let slope: Float = 0.12   // about 7°
        canvas.stroke(0, 60 - 100 * slope, 199, 60 + 99 * slope, width: 2, ink: 1)
        let lines = findHorizontalLines(Self.mask(canvas.image))
        #expect(lines.count == 1)
        #expect(abs(lines[0].slope - slope) < 0.02)
    }

    @Test func aDigitsBarIsNotALine() {
        var canvas = Canvas(width: 200, height: 150, paper: 0)
        canvas.stroke(60, 40, 140, 40, width: 6, ink: 1)     // the bar of a 7
        canvas.stroke(140, 40, 100, 120, width: 6, ink: 1)
        #expect(findHorizontalLines(Self.mask(canvas.image)).isEmpty)
    }

    @Test func aStrokeSpanningAFrameCutToTheDigitIsNotALine() {
        // A 1 cut to its box (28×28): its 3 px stem runs from edge to edge. And a 7's bar across
        // a 24 px frame.
        var one = Canvas(width: 28, height: 28, paper: 0)
        one.stroke(14, -2, 13, 30, width: 3, ink: 1)
        #expect(findRuledLines(Self.mask(one.image)).vertical.isEmpty)
        var seven = Canvas(width: 24, height: 28, paper: 0)
        seven.stroke(-2, 3, 26, 3, width: 3, ink: 1)
        seven.stroke(22, 3, 10, 27, width: 3, ink: 1)
        #expect(findRuledLines(Self.mask(seven.image)).horizontal.isEmpty)
        // The sides of an 8 cut to its box: two strokes across, not ruled paper.
        var eight = Canvas(width: 20, height: 28, paper: 0)
        eight.stroke(2, -2, 2, 30, width: 3, ink: 1)
        eight.stroke(17, -2, 17, 30, width: 3, ink: 1)
        #expect(findRuledLines(Self.mask(eight.image)).vertical.isEmpty)
    }

    @Test func aThinLineInASmallFrameAndThreeThickOnesAreLines() {
        // A 1 px line across 40 px is 40 thicknesses long: printed.
        var thin = Canvas(width: 40, height: 40, paper: 0)
        thin.stroke(-2, 20, 42, 20, width: 1, ink: 1)
        #expect(findHorizontalLines(Self.mask(thin.image, above: 0.4)).count == 1)
        // Three 3 px lines across 40 px (a small blurred scan of lined paper) are 13 thicknesses
        // long each, but three parallel strokes across a frame are no digit.
        var ruled = Canvas(width: 40, height: 48, paper: 0)
        for y: Float in [10, 24, 38] { ruled.stroke(-2, y, 42, y, width: 3, ink: 1) }
        #expect(findHorizontalLines(Self.mask(ruled.image)).count == 3)
        var single = Canvas(width: 40, height: 48, paper: 0)
        single.stroke(-2, 24, 42, 24, width: 3, ink: 1)
        #expect(findHorizontalLines(Self.mask(single.image)).isEmpty, "one such line alone may be a stroke")
    }

    /// Ruled lines found in `mask` (`findRuledLines`) and painted out of `image` (`paintRuledLines`),
    /// as `labelInk` does first; with how many were found.
    static func removeRuledLines(_ image: FloatImage, mask: InkMask) -> (image: FloatImage, lineCount: Int) {
        let lines = findRuledLines(mask)
        return (paintRuledLines(image, lines), lines.horizontal.count + lines.vertical.count)
    }

    @Test func inpaintingErasesTheLineAndBridgesACrossingStroke() {
        var image = FloatImage(width: 200, height: 100)
        for x in 0..<200 { image[x, 50] = 0.8; image[x, 51] = 0.8 }      // ruled line
        for y in 20..<80 { for x in 98..<104 { image[x, y] = 1 } }       // vertical stroke across it
        let (cleaned, count) = Self.removeRuledLines(image, mask: Self.mask(image, above: 0.3))
        #expect(count == 1)
        #expect(cleaned[20, 50] < 0.05 && cleaned[180, 51] < 0.05)
        #expect(cleaned[100, 50] > 0.9 && cleaned[100, 51] > 0.9)
    }

    @Test func verticalGridLinesAreRemovedToo() {
        var image = FloatImage(width: 150, height: 120)
        for y in 0..<120 { image[40, y] = 1; image[110, y] = 1 }
        let (cleaned, count) = Self.removeRuledLines(image, mask: Self.mask(image))
        #expect(count == 2)
        #expect(cleaned.pixels.allSatisfy { $0 < 0.05 })
    }

    @Test func aSolidBlockIsNotALine() {
        var image = FloatImage(width: 56, height: 56)
        for y in 8..<48 { for x in 8..<48 { image[x, y] = 1 } }
        let (cleaned, count) = Self.removeRuledLines(image, mask: Self.mask(image))
        #expect(count == 0)
        #expect(cleaned == image)
    }

    /// `couldHoldLine` is only a shortcut: whenever it says no, the full slope search finds
    /// nothing either. Masks of partial lines (random extent and tilt) and specks, many of them
    /// just short of what a line needs, in both orientations.
    @Test func theLineShortcutNeverSkipsALine() {
        var random = TestRandom(seed: 11)
        var skipped = 0, found = 0
        for _ in 0..<150 {
            let width = 60 + Int(random.uniform() * 80), height = 40 + Int(random.uniform() * 60)
            var mask = InkMask(width: width, height: height, bits: [Bool](repeating: false, count: width * height))
            for _ in 0..<(1 + Int(random.uniform() * 3)) {
                let x0 = Int(random.uniform() * Float(width) * 0.15)
                let x1 = width - 1 - Int(random.uniform() * Float(width) * 0.15)
                let y0 = random.uniform() * Float(height), slope = (random.uniform() - 0.5) * 0.4
                for x in x0...x1 where random.uniform() < 0.8 {
                    let y = Int(y0 + slope * Float(x - x0))
                    if y >= 0 && y < height { mask[x, y] = true }
                }
            }
            for _ in 0..<Int(random.uniform() * 40) {
                mask[Int(random.uniform() * Float(width)), Int(random.uniform() * Float(height))] = true
            }
            for candidate in [mask, InkMask(width: height, height: width,
                                            bits: transpose(mask.bits, width: width, height: height))] {
                let lines = searchHorizontalLines(candidate)
                if !couldHoldLine(inkColumns(candidate)) {
                    skipped += 1
                    #expect(lines.isEmpty)
                }
                if !lines.isEmpty { found += 1 }
                #expect(findHorizontalLines(candidate) == lines.map { $0.fittedToInk(candidate) })
            }
        }
        // Both branches were exercised.
        #expect(skipped > 20 && found > 20)
    }

    @Test func aDigitAloneSkipsTheSlopeSearch() {
        var canvas = Canvas(width: 200, height: 150, paper: 0)
        canvas.ring(cx: 100, cy: 75, rx: 30, ry: 45, width: 8, ink: 1)
        #expect(!couldHoldLine(inkColumns(Self.mask(canvas.image))))
        #expect(!couldHoldLine(inkRows(Self.mask(canvas.image))))
        var ruled = canvas.image
        for x in 0..<200 { ruled[x, 20] = 1 }
        #expect(couldHoldLine(inkColumns(Self.mask(ruled))))
    }
}
