import Testing
@testable import DigitCore

/// `decodePNGReduced`: a large PNG read row by row and box-averaged while decoded agrees with the
/// full-size decode averaged afterwards, for every colour type, bit depth and interlacing.
@Suite struct ReducedPNGDecodeTests {
    static let pngFixtures = [
        "png/gray-1.png", "png/gray-2.png", "png/gray-4.png", "png/gray-8.png", "png/gray-16.png",
        "png/gray-8-adam7.png", "png/gray-8-gama-linear.png", "png/gray-8-trns.png",
        "png/gray-alpha-8.png", "png/gray-alpha-16.png",
        "png/palette-1.png", "png/palette-2.png", "png/palette-4.png", "png/palette-8.png",
        "png/palette-4-trns.png", "png/palette-8-trns.png", "png/palette-8-adam7.png",
        "png/rgb-8.png", "png/rgb-16.png", "png/rgb-8-adam7.png", "png/rgb-8-gama.png", "png/rgb-8-srgb.png",
        "png/rgba-8.png", "png/rgba-16.png", "png/rgba-16-adam7.png",
        "alpha/canvas-dark-ink.png", "alpha/canvas-light-ink.png", "alpha/canvas-dark-ink-gray-alpha.png",
    ]

    /// The full-size decode (flattened), block-averaged as `decodePNGReduced` defines it.
    static func blockAverage(_ image: GrayImage, factor: Int) -> GrayImage {
        let width = max(1, image.width / factor), height = max(1, image.height / factor)
        let bw = min(factor, image.width), bh = min(factor, image.height)
        var out = GrayImage(width: width, height: height, filledWith: 0)
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0
                for dy in 0..<bh { for dx in 0..<bw { sum += Int(image[x * factor + dx, y * factor + dy]) } }
                out[x, y] = UInt8((sum + bw * bh / 2) / (bw * bh))
            }
        }
        return out
    }

    @Test(arguments: pngFixtures, [1, 2, 3])
    func reducedDecodeMatchesTheFullSizeDecodeAveraged(_ file: String, _ factor: Int) throws {
        let bytes = try pngChunksForDecoding(try Fixtures.bytes(file))
        let header = try #require(PNGHeader(bytes))
        let full = try decodeImage(bytes: bytes, options: DecodeOptions(minShortSide: 0))
        let reduced = try decodePNGReduced(bytes: bytes, header: header, factor: factor, keepAlpha: false)
        let expected = Self.blockAverage(full.image, factor: factor)
        #expect(reduced.image.width == expected.width && reduced.image.height == expected.height)
        #expect(reduced.hadAlpha == full.hadAlpha)
        #expect(reduced.declaredWidth == header.width && reduced.declaredHeight == header.height)
        // 8-bit files: the same samples, rounding only; 16-bit: rounded to 8 bits before rather
        // than after the sRGB round trip through linear light (a level or two).
        let tolerance = header.bitDepth == 16 ? 3 : 1
        let worst = zip(reduced.image.luma, expected.luma).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= tolerance, "\(file) factor \(factor): off by \(worst)")
    }

    @Test func keptAlphaIsTheBlockMean() throws {
        let bytes = try pngChunksForDecoding(try Fixtures.bytes("alpha/canvas-dark-ink.png"))
        let header = try #require(PNGHeader(bytes))
        let full = try decodeImage(bytes: bytes, options: DecodeOptions(keepAlpha: true))
        let reduced = try decodePNGReduced(bytes: bytes, header: header, factor: 2, keepAlpha: true)
        let fullAlpha = GrayImage(width: full.image.width, height: full.image.height, luma: try #require(full.image.alpha))
        let expected = Self.blockAverage(fullAlpha, factor: 2)
        let alpha = try #require(reduced.image.alpha)
        #expect(zip(alpha, expected.luma).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
    }

    /// Through `decodeImage`: a PNG above `reducePNGAboveBytes` comes out at the working size, and
    /// preprocessing reads the same digit from it as from the full-size decode.
    @Test func aLargePNGIsReducedWhileDecodedAndReadTheSame() throws {
        var picture = GrayImage(width: 2400, height: 1800, filledWith: 225)
        for y in 500..<1300 { for x in 1000..<1100 { picture[x, y] = 30 } }          // a "1"
        for y in 500..<560 { for x in 900..<1100 { picture[x, y] = 30 } }
        let file = try encodePNG(picture)
        var reducing = DecodeOptions()
        reducing.reducePNGAboveBytes = 0
        let reduced = try decodeImage(bytes: file, options: reducing)
        #expect(reduced.image.width == 800 && reduced.image.height == 600)   // factor 3
        #expect(reduced.declaredWidth == 2400 && reduced.declaredHeight == 1800)
        let full = try decodeImage(bytes: file)   // 2400×1800 gray: 17 MB, under the default threshold
        #expect(full.image.width == 2400)
        let working = toWorkingImage(full.image)
        let fromReduced = toWorkingImage(reduced.image)
        #expect(zip(working.pixels, fromReduced.pixels).allSatisfy { abs($0 - $1) <= 0.5 / 255 + 1e-6 })
        let a = try #require(preprocess(full.image).digit), b = try #require(preprocess(reduced.image).digit)
        #expect(zip(a.pixels, b.pixels).map { abs($0 - $1) }.max()! < 0.05)
    }

    @Test func theThresholdFollowsTheFullSizeFootprint() throws {
        // 16-bit RGBA: 4 × 3 + 2 = 14 bytes a pixel; 8-bit gray: 2 × 1 + 2 = 4.
        var header = try #require(PNGHeader(try Fixtures.bytes("png/rgba-16.png")))
        header.width = 10_000; header.height = 10_000
        #expect(pngFullSizeBytes(header) == 1_400_000_000)
        #expect(pngReducedBytes(header, factor: 13) < 12 << 20)
        header.bitDepth = 8; header.colourType = 0
        #expect(pngFullSizeBytes(header) == 400_000_000)
    }
}
