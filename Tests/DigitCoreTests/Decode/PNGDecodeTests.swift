import Testing
@testable import DigitCore

/// Every PNG fixture draws the same 16×12 pattern: columns 0–3 black, 4–11 a mid
/// colour, 12–15 white; in the alpha variants rows 8–11 are fully transparent.
@Suite struct PNGDecodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// The mid region's luma as the file stores it (after 8-bit, sRGB conversion).
        var mid: Int
        var tolerance: Int = 0
        /// Rows 8–11 (or the mid region, for gray tRNS) are transparent.
        var hasAlpha = false
        var testDescription: String { file }
    }

    // Gray mids: 2-bit level 1 = 85, 4-bit level 8 = 136, 16-bit 0x8080 = 128; gray+alpha 100.
    // Colour mid (200, 40, 90): BT.601 luma 94. Palette-1 has only black and white.
    static let cases: [Case] = [
        Case(file: "png/gray-1.png", mid: 0),
        Case(file: "png/gray-2.png", mid: 85),
        Case(file: "png/gray-4.png", mid: 136),
        Case(file: "png/gray-8.png", mid: 128),
        Case(file: "png/gray-16.png", mid: 128),
        Case(file: "png/gray-8-adam7.png", mid: 128),
        Case(file: "png/gray-alpha-8.png", mid: 100, hasAlpha: true),
        Case(file: "png/gray-alpha-16.png", mid: 100, hasAlpha: true),
        Case(file: "png/rgb-8.png", mid: 94),
        Case(file: "png/rgb-16.png", mid: 94),
        Case(file: "png/rgb-8-adam7.png", mid: 94),
        Case(file: "png/rgba-8.png", mid: 94, hasAlpha: true),
        Case(file: "png/rgba-16.png", mid: 94, hasAlpha: true),
        Case(file: "png/rgba-16-adam7.png", mid: 94, hasAlpha: true),
        Case(file: "png/palette-1.png", mid: 0),
        Case(file: "png/palette-2.png", mid: 94),
        Case(file: "png/palette-4.png", mid: 94),
        Case(file: "png/palette-8.png", mid: 94),
        Case(file: "png/palette-8-adam7.png", mid: 94),
        Case(file: "png/palette-4-trns.png", mid: 94, hasAlpha: true),
        Case(file: "png/palette-8-trns.png", mid: 94, hasAlpha: true),
        // gAMA 1/2.2 and sRGB are (near) sRGB already: values barely move.
        Case(file: "png/rgb-8-gama.png", mid: 94, tolerance: 2),
        Case(file: "png/rgb-8-srgb.png", mid: 94, tolerance: 2),
    ]

    @Test(arguments: cases)
    func decodesSizeAndKnownPixels(_ c: Case) throws {
        let decoded = try Fixtures.decode(c.file, options: DecodeOptions(keepAlpha: true))
        #expect(decoded.format == .png)
        #expect(decoded.image.width == 16 && decoded.image.height == 12)
        #expect(decoded.declaredWidth == 16 && decoded.declaredHeight == 12)
        #expect(decoded.image[0, 0] == 0)
        #expect(decoded.image[15, 0] == 255)
        #expect(near(decoded.image[8, 4], c.mid, c.tolerance), "mid luma \(decoded.image[8, 4]) ≠ \(c.mid)")
        #expect(decoded.hadAlpha == c.hasAlpha)
        #expect((decoded.image.alpha != nil) == c.hasAlpha)
        if let alpha = decoded.image.alpha {
            #expect(alpha[4 * 16 + 8] == 255)   // (8, 4) opaque
            #expect(alpha[10 * 16 + 0] == 0)    // (0, 10) transparent
        }
    }

    /// Flattened (the default), the transparent rows take the background chosen to contrast
    /// with what is drawn: the opaque pattern's mean luma is below 128, so white.
    @Test(arguments: cases.filter(\.hasAlpha))
    func defaultDecodeFlattensTransparentRowsToWhite(_ c: Case) throws {
        let decoded = try Fixtures.decode(c.file)
        #expect(decoded.image.alpha == nil)
        #expect(decoded.hadAlpha)
        #expect(decoded.image[0, 10] == 255)
        #expect(decoded.image[0, 0] == 0)
        #expect(near(decoded.image[8, 4], c.mid, c.tolerance))
    }

    @Test func interlacedDecodesToTheSamePixelsAsPlain() throws {
        #expect(try Fixtures.decode("png/gray-8-adam7.png").image == Fixtures.decode("png/gray-8.png").image)
        #expect(try Fixtures.decode("png/rgb-8-adam7.png").image == Fixtures.decode("png/rgb-8.png").image)
        #expect(try Fixtures.decode("png/palette-8-adam7.png").image == Fixtures.decode("png/palette-8.png").image)
    }

    /// libpng's own 16→8-bit path swaps rows of Adam7 16-bit files (pnggroup/libpng#853,
    /// present in Debian's 1.6.39); our 16-bit linear path must give the plain file's pixels.
    @Test func sixteenBitInterlacedWithAlphaMatchesPlain() throws {
        let keep = DecodeOptions(keepAlpha: true)
        let interlaced = try Fixtures.decode("png/rgba-16-adam7.png", options: keep).image
        let plain = try Fixtures.decode("png/rgba-16.png", options: keep).image
        #expect(interlaced == plain)
        #expect(interlaced.alpha?[0] == 255 && interlaced.alpha?[8 * 16] == 0)
        #expect(try Fixtures.decode("png/gray-16.png").image == Fixtures.decode("png/gray-8.png").image)
        #expect(try Fixtures.decode("png/rgb-16.png").image == Fixtures.decode("png/rgb-8.png").image)
    }

    /// 8-bit (or 12-bit) data stored in 16-bit samples without an sBIT chunk, as NumPy's
    /// `astype(uint16)` writes it: paper 235 and ink 20 of 65,535 both round to 8-bit 0 or 1, a
    /// blank image; the samples are shifted up (here 8 bits) before the reduction instead, gray and
    /// RGB alike, while a file using the whole range, and one that really is black, are as stored.
    @Test func sixteenBitSamplesInTheLowBitsAreShiftedUp() throws {
        let width = 40, height = 30
        var low = [UInt16](repeating: 235, count: width * height)
        for y in 10..<20 { for x in 15..<25 { low[y * width + x] = 20 } }
        for (channels, name) in [(1, "gray"), (3, "RGB")] {
            let samples = low.flatMap { [UInt16](repeating: $0, count: channels) }
            let image = try decodeImage(bytes: png16File(width: width, height: height, channels: channels, samples: samples)).image
            #expect(abs(Int(image[0, 0]) - 234) <= 1 && abs(Int(image[20, 15]) - 20) <= 1,
                    "\(name): paper \(image[0, 0]), ink \(image[20, 15])")
        }
        let full = low.map { $0 * 257 }   // the same picture over the whole range: as stored
        let fullImage = try decodeImage(bytes: png16File(width: width, height: height, channels: 1, samples: full)).image
        #expect(fullImage[0, 0] == 235 && fullImage[20, 15] == 20)
        let black = try decodeImage(bytes: png16File(width: width, height: height, channels: 1,
                                                     samples: [UInt16](repeating: 0, count: width * height))).image
        #expect(black.luma.allSatisfy { $0 == 0 })
    }

    /// libpng's linear output is premultiplied; we undo it and re-encode as its sRGB (gamma 2.2).
    @Test func linearSamplesBecomeStraightSRGBBytes() {
        // Opaque linear 0.5 → 255 · 0.5^(1/2.2) = 186.0; half-transparent premultiplied
        // 0.25 at alpha 0.5 is straight 0.5 → 186; alpha 0 → colour 0.
        let samples: [UInt16] = [32_768, 65_535, 16_384, 32_768, 9_999, 0]
        #expect(sRGBBytes(fromLinear: samples, channels: 2, alpha: true) == [186, 255, 186, 128, 0, 0])
        #expect(sRGBBytes(fromLinear: [0, 65_535], channels: 1, alpha: false) == [0, 255])
    }

    /// A gray tRNS key (128) makes exactly the mid region transparent.
    @Test func grayTRNSKeyBecomesAlpha() throws {
        let decoded = try Fixtures.decode("png/gray-8-trns.png", options: DecodeOptions(keepAlpha: true))
        let alpha = try #require(decoded.image.alpha)
        #expect(alpha[0] == 255 && alpha[8] == 0 && alpha[15] == 255)
    }

    /// gAMA 1.0 says the samples are linear light: libpng re-encodes them as sRGB,
    /// so linear 128/255 (0.502) shows as sRGB ≈ 188.
    @Test func linearGammaIsConvertedToSRGB() throws {
        let decoded = try Fixtures.decode("png/gray-8-gama-linear.png")
        #expect(near(decoded.image[8, 4], 188, 2), "got \(decoded.image[8, 4])")
        #expect(decoded.image[0, 0] == 0 && decoded.image[15, 0] == 255)
    }

    @Test func lumaFromRGBUsesBT601Weights() {
        #expect(lumaFromRGB(0, 0, 0) == 0)
        #expect(lumaFromRGB(255, 255, 255) == 255)
        #expect(lumaFromRGB(255, 0, 0) == 76)    // 0.299 · 255 = 76.2
        #expect(lumaFromRGB(0, 255, 0) == 150)   // 0.587 · 255 = 149.7
        #expect(lumaFromRGB(0, 0, 255) == 29)    // 0.114 · 255 = 29.1
        #expect(lumaFromRGB(200, 40, 90) == 94)
    }
}
