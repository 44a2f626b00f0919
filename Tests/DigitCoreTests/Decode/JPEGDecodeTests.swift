import Testing
@testable import DigitCore

/// Every JPEG fixture draws a 64×48 pattern in 16-px blocks: columns 0–15 black,
/// 16–47 a mid colour, 48–63 white; probes sit at block centres (JPEG is lossy).
@Suite struct JPEGDecodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// Gray files: 128. Colour files: (200, 40, 90), luma 94. CMYK files: K ink 128, gray 127.
        var mid: Int
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "jpeg/baseline-gray.jpg", mid: 128),
        Case(file: "jpeg/baseline-ycbcr-420.jpg", mid: 94),
        Case(file: "jpeg/baseline-ycbcr-444.jpg", mid: 94),
        Case(file: "jpeg/progressive-gray.jpg", mid: 128),
        Case(file: "jpeg/progressive-ycbcr.jpg", mid: 94),
        Case(file: "jpeg/restart-ycbcr.jpg", mid: 94),
        Case(file: "jpeg/arithmetic-ycbcr.jpg", mid: 94),
        Case(file: "jpeg/cmyk-adobe.jpg", mid: 127),
        Case(file: "jpeg/ycck-adobe.jpg", mid: 127),
        Case(file: "jpeg/cmyk-plain.jpg", mid: 127),
        Case(file: "jpeg/exif-garbage.jpg", mid: 128),
        Case(file: "jpeg/progressive-379-scans.jpg", mid: 128),  // below the 500-scan limit
    ]

    @Test(arguments: cases)
    func decodesSizeAndKnownPixels(_ c: Case) throws {
        let decoded = try Fixtures.decode(c.file)
        #expect(decoded.format == .jpeg)
        #expect(decoded.image.width == 64 && decoded.image.height == 48)
        #expect(decoded.image.alpha == nil)
        #expect(decoded.orientation == .up)
        #expect(decoded.image[8, 24] <= 6, "black block: \(decoded.image[8, 24])")
        #expect(near(decoded.image[32, 24], c.mid, 5), "mid block: \(decoded.image[32, 24]) ≠ \(c.mid)")
        #expect(decoded.image[56, 24] >= 249, "white block: \(decoded.image[56, 24])")
    }

    /// The same picture saved as PNG and as JPEG (4:4:4) gives the same gray.
    @Test func pngAndJPEGAgreeOnColourLuma() throws {
        let png = try Fixtures.decode("png/rgb-8.png").image[8, 4]
        let jpeg = try Fixtures.decode("jpeg/baseline-ycbcr-444.jpg").image[32, 24]
        #expect(abs(Int(png) - Int(jpeg)) <= 3, "PNG \(png) vs JPEG \(jpeg)")
    }

    @Test func encodedJPEGRoundTripsWithinCompressionError() throws {
        var image = GrayImage(width: 32, height: 16, filledWith: 230)
        for y in 0..<16 { for x in 0..<8 { image[x, y] = 20 } }
        let decoded = try decodeImage(bytes: encodeJPEG(image, quality: 95, progressive: true))
        #expect(decoded.image.width == 32 && decoded.image.height == 16)
        #expect(near(decoded.image[3, 8], 20, 4) && near(decoded.image[28, 8], 230, 4))
    }
}
