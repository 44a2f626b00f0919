import Testing
@testable import DigitCore

/// What bounds a JPEG's decode memory: the coefficient buffers of progressive files (refused
/// from the header above `maxJPEGCoefficientBytes`) and the output size (`maxJPEGOutputPixels`).
@Suite struct JPEGMemoryLimitTests {
    static func picture(width: Int, height: Int) -> GrayImage {
        var image = GrayImage(width: width, height: height, filledWith: 220)
        for y in height / 4..<(3 * height / 4) { for x in width / 2..<(width / 2 + 8) { image[x, y] = 30 } }
        return image
    }

    @Test func aProgressiveFileWhoseCoefficientsExceedTheLimitIsRefusedFromItsHeader() throws {
        // Gray 1000×800: 125 × 100 blocks of 64 two-byte coefficients = 1,600,000 bytes.
        let file = try encodeJPEG(Self.picture(width: 1000, height: 800), progressive: true)
        var options = DecodeOptions()
        options.maxJPEGCoefficientBytes = 1_599_999
        #expect(throws: DecodeError.needsTooMuchMemory(width: 1000, height: 800, bytes: 1_600_000, limit: 1_599_999)) {
            try decodeImage(bytes: file, options: options)
        }
        options.maxJPEGCoefficientBytes = 1_600_000
        #expect(try decodeImage(bytes: file, options: options).image.width == 1000 / 2)   // short side 800 → 1/2
        let header = try #require(jpegHeader(file, options: options))
        #expect(header.coefficient_bytes == 1_600_000)
        let message = DecodeError.needsTooMuchMemory(width: 1000, height: 800, bytes: 300 << 20, limit: 256 << 20).description
        #expect(message == "image is 1000×800 pixels in several scans (progressive): decoding it needs 300 MiB, above the limit of 256 MiB")
    }

    @Test func aBaselineFileHasNoCoefficientBuffersToRefuse() throws {
        let file = try encodeJPEG(Self.picture(width: 1000, height: 800))
        var options = DecodeOptions()
        options.maxJPEGCoefficientBytes = 0
        #expect(try decodeImage(bytes: file, options: options).image.height == 400)
        #expect(try #require(jpegHeader(file, options: options)).coefficient_bytes == 0)
    }

    @Test func theOutputIsScaledFurtherWhenItWouldHaveTooManyPixels() throws {
        let file = try encodeJPEG(Self.picture(width: 2000, height: 1000))
        var options = DecodeOptions(minShortSide: 0)
        #expect(try decodeImage(bytes: file, options: options).image.width == 2000)
        options.maxJPEGOutputPixels = 600_000        // 2 MP → 1/2 (500,000)
        let decoded = try decodeImage(bytes: file, options: options)
        #expect(decoded.image.width == 1000 && decoded.image.height == 500)
        options.maxJPEGOutputPixels = 1               // never below 1/8
        #expect(try decodeImage(bytes: file, options: options).image.width == 250)
    }
}
