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

    @Test func inpaintingErasesTheLineAndBridgesACrossingStroke() {
        var image = FloatImage(width: 200, height: 100)
        for x in 0..<200 { image[x, 50] = 0.8; image[x, 51] = 0.8 }      // ruled line
        for y in 20..<80 { for x in 98..<104 { image[x, y] = 1 } }       // vertical stroke across it
        let (cleaned, count) = removeRuledLines(image, mask: Self.mask(image, above: 0.3))
        #expect(count == 1)
        #expect(cleaned[20, 50] < 0.05 && cleaned[180, 51] < 0.05)
        #expect(cleaned[100, 50] > 0.9 && cleaned[100, 51] > 0.9)
    }

    @Test func verticalGridLinesAreRemovedToo() {
        var image = FloatImage(width: 150, height: 120)
        for y in 0..<120 { image[40, y] = 1; image[110, y] = 1 }
        let (cleaned, count) = removeRuledLines(image, mask: Self.mask(image))
        #expect(count == 2)
        #expect(cleaned.pixels.allSatisfy { $0 < 0.05 })
    }

    @Test func aSolidBlockIsNotALine() {
        var image = FloatImage(width: 56, height: 56)
        for y in 8..<48 { for x in 8..<48 { image[x, y] = 1 } }
        let (cleaned, count) = removeRuledLines(image, mask: Self.mask(image))
        #expect(count == 0)
        #expect(cleaned == image)
    }
}
