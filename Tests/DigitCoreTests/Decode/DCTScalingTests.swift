import Testing
@testable import DigitCore

/// Large JPEGs decode at 1/2, 1/4 or 1/8, the smallest keeping the short side ≥ `minShortSide`.
@Suite struct DCTScalingTests {
    static func jpeg(width: Int, height: Int) throws -> [UInt8] {
        var image = GrayImage(width: width, height: height, filledWith: 240)
        for y in 0..<height / 2 { for x in 0..<width / 2 { image[x, y] = 30 } }
        return try encodeJPEG(image, quality: 75)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var width: Int, height: Int, minShortSide: Int, expectedWidth: Int, expectedHeight: Int
        var testDescription: String { "\(width)×\(height) min \(minShortSide) → \(expectedWidth)×\(expectedHeight)" }
    }

    static let cases: [Case] = [
        Case(width: 2400, height: 2100, minShortSide: 256, expectedWidth: 300, expectedHeight: 263),  // 1/8: 262.5 ≥ 256
        Case(width: 2048, height: 1536, minShortSide: 256, expectedWidth: 512, expectedHeight: 384),  // 1/4 (1/8 gives 192)
        Case(width: 1100, height: 520, minShortSide: 256, expectedWidth: 550, expectedHeight: 260),   // 1/2
        Case(width: 500, height: 600, minShortSide: 256, expectedWidth: 500, expectedHeight: 600),    // 1/2 gives 250: full
        Case(width: 2048, height: 1536, minShortSide: 0, expectedWidth: 2048, expectedHeight: 1536),  // 0: never scale
        Case(width: 1536, height: 2048, minShortSide: 100, expectedWidth: 192, expectedHeight: 256),  // 1/8, portrait
    ]

    @Test(arguments: cases)
    func picksTheSmallestScaleKeepingTheShortSide(_ c: Case) throws {
        let decoded = try decodeImage(bytes: Self.jpeg(width: c.width, height: c.height),
                                      options: DecodeOptions(minShortSide: c.minShortSide))
        #expect(decoded.image.width == c.expectedWidth && decoded.image.height == c.expectedHeight)
        #expect(decoded.declaredWidth == c.width && decoded.declaredHeight == c.height)
        // The dark quadrant survives the scaling.
        #expect(decoded.image[decoded.image.width / 4, decoded.image.height / 4] < 60)
        #expect(decoded.image[decoded.image.width * 3 / 4, decoded.image.height * 3 / 4] > 210)
    }

    @Test func pngIsNeverScaled() throws {
        let png = try encodePNG(GrayImage(width: 1200, height: 1000, filledWith: 9))
        let decoded = try decodeImage(bytes: png)
        #expect(decoded.image.width == 1200 && decoded.image.height == 1000)
    }
}
