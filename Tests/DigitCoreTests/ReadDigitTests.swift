import Testing
@testable import DigitCore

/// `readDigit`: a large JPEG is read first at a coarse DCT scale, and again at the finer one only
/// when the digit found there is too small, none is found, or the paper is ruled.
@Suite struct ReadDigitTests {
    /// A `width × height` JPEG of a dark "0" on light paper: an elliptical ring `digitHeight` px
    /// tall overall, its stroke a tenth of that, centred. Preprocessing's ink box comes out a few
    /// percent smaller (the mask leaves out the anti-aliased edge), hence the ±1/8 tolerances.
    static func ringPhoto(width: Int, height: Int, digitHeight: Int, ruledEvery spacing: Int? = nil) throws -> [UInt8] {
        var image = GrayImage(width: width, height: height, filledWith: 235)
        if let spacing {   // ruled paper: lines 1/12 of the spacing thick, mid-grey
            for y in stride(from: spacing / 2, to: height, by: spacing) {
                for yy in y..<min(height, y + spacing / 12) { for x in 0..<width { image[x, yy] = 150 } }
            }
        }
        let cx = Float(width) / 2, cy = Float(height) / 2
        let halfStroke = Float(digitHeight) / 20
        let ry = Float(digitHeight) / 2 - halfStroke, rx = ry * 0.7
        for y in Int(cy - ry - 2)...Int(cy + ry + 2) {
            for x in Int(cx - rx - 2)...Int(cx + rx + 2) {
                let dx = (Float(x) - cx) / rx, dy = (Float(y) - cy) / ry
                let distance = abs((dx * dx + dy * dy).squareRoot() - 1) * ry
                if distance <= halfStroke { image[x, y] = 40 }
            }
        }
        return try encodeJPEG(image, quality: 90)
    }

    static func preprocessed(_ bytes: [UInt8], minShortSide: Int) throws -> PreprocessResult {
        preprocess(try decodeImage(bytes: bytes, options: DecodeOptions(minShortSide: minShortSide)).image)
    }

    @Test func aLargeDigitIsReadFromTheCoarseDecode() throws {
        // 1280×1024 → 160×128 at 1/8: the 640 px ring is ~80 px tall there, over `minimumDigitHeight`.
        let photo = try Self.ringPhoto(width: 1280, height: 1024, digitHeight: 640)
        let result = try readDigit(fromFileBytes: photo)
        let coarse = try Self.preprocessed(photo, minShortSide: firstLookShortSide)
        #expect(result.digit != nil)
        #expect(result.digit == coarse.digit)
        let height = try #require(result.digitHeight)
        #expect(height >= minimumDigitHeight && abs(height - 640 / 8) <= 640 / 8 / 8)  // 1/8, not 1/4 (160)
    }

    @Test func aSmallDigitIsReadAgainAtTheFinerScale() throws {
        // The 240 px ring is ~30 px tall at 1/8 (under `minimumDigitHeight`), ~60 px at 1/4.
        let photo = try Self.ringPhoto(width: 1280, height: 1024, digitHeight: 240)
        let coarse = try Self.preprocessed(photo, minShortSide: firstLookShortSide)
        let coarseHeight = try #require(coarse.digitHeight)
        #expect(coarseHeight < minimumDigitHeight)
        let result = try readDigit(fromFileBytes: photo)
        let fine = try Self.preprocessed(photo, minShortSide: DecodeOptions().minShortSide)
        #expect(result.digit != nil)
        #expect(result.digit == fine.digit)
        let height = try #require(result.digitHeight)
        #expect(abs(height - 240 / 4) <= 240 / 4 / 8)  // 1/4, not 1/8 (30)
    }

    @Test func aDigitOnRuledPaperIsReadAgainAtTheFinerScale() throws {
        // Large enough for the coarse reading, but ruled: lines are too faint at 1/8 to trust it.
        let photo = try Self.ringPhoto(width: 1280, height: 1024, digitHeight: 640, ruledEvery: 96)
        let coarse = try Self.preprocessed(photo, minShortSide: firstLookShortSide)
        #expect(coarse.ruledLineCount > 0)
        #expect((coarse.digitHeight ?? 0) >= minimumDigitHeight)
        let result = try readDigit(fromFileBytes: photo)
        let fine = try Self.preprocessed(photo, minShortSide: DecodeOptions().minShortSide)
        #expect(result.digit != nil)
        #expect(result.digit == fine.digit)
        #expect(result.ruledLineCount > 0)
        let height = try #require(result.digitHeight)
        #expect(abs(height - 640 / 4) <= 640 / 4 / 8)  // 1/4, not 1/8 (80)
    }

    @Test func fullSizeDecodingIsOnePass() throws {
        // minShortSide 0 asks for every pixel: no coarse first reading, although at 1/2 (the
        // first look's scale for 640×480) this digit would be tall enough to be kept there.
        let photo = try Self.ringPhoto(width: 640, height: 480, digitHeight: 300)
        let result = try readDigit(fromFileBytes: photo, decodeOptions: DecodeOptions(minShortSide: 0))
        let height = try #require(result.digitHeight)
        #expect(abs(height - 300) <= 300 / 8)  // full size, not 1/2 (150)
    }

    @Test func onlyACoarselyDecodedJPEGHasAFinerReading() throws {
        let options = DecodeOptions()  // minShortSide 256
        let jpeg = try Self.ringPhoto(width: 1280, height: 1024, digitHeight: 240)
        let coarse = try decodeImage(bytes: jpeg, options: DecodeOptions(minShortSide: firstLookShortSide))
        #expect(coarse.image.height == 128)
        #expect(decodesFiner(coarse, with: options))
        // A photo this large is read at 1/8 (263 px) first, which already meets the 256 px rule.
        let big = try decodeImage(bytes: try Self.ringPhoto(width: 2400, height: 2100, digitHeight: 900),
                                  options: DecodeOptions(minShortSide: firstLookShortSide))
        #expect(big.image.height == 263)
        #expect(!decodesFiner(big, with: options))
        // Full size, and PNGs (never DCT-scaled), have nothing finer.
        let small = try decodeImage(bytes: try Self.ringPhoto(width: 300, height: 200, digitHeight: 100),
                                    options: DecodeOptions(minShortSide: firstLookShortSide))
        #expect(small.image.width == 300)
        #expect(!decodesFiner(small, with: options))
        let png = try decodeImage(bytes: try encodePNG(GrayImage(width: 1280, height: 1024, filledWith: 200)))
        #expect(!decodesFiner(png, with: options))
    }
}
