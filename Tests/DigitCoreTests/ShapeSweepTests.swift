import Testing
@testable import DigitCore

/// Every shape the decoders accept goes through `readDigit` (decode → every preprocessing stage)
/// without a crash: it gives a 28×28 digit, or no digit with its warning, or, past a limit, the
/// specific `DecodeError` that names it. Images are built here as PNG and JPEG bytes: a dark ring
/// (or, on a strip, the ring's cuts) on light paper with a little deterministic noise.
@Suite struct ShapeSweepTests {
    enum Encoding: String, Sendable, CaseIterable { case png, pngWithAlpha, jpeg }

    struct Shape: Sendable, CustomTestStringConvertible {
        var width: Int, height: Int
        var testDescription: String { "\(width)×\(height)" }
    }

    /// Shapes both formats can hold: tiny, strips either way round (around the working image's
    /// 800 px factor steps, where `toWorkingImage` once read past the buffer), three-pixel bands,
    /// extreme aspect ratios, and JPEG's largest side (65500).
    static let commonShapes: [Shape] = [
        (1, 1), (2, 2), (3, 3), (1, 2), (2, 1), (7, 5),
        (799, 1), (801, 1), (1600, 1), (1601, 1), (1, 1601), (2, 1601), (1601, 2),
        (3, 5000), (5000, 3), (8000, 2), (2, 8000), (20_000, 15), (15, 20_000), (4000, 40), (40, 4000),
        (65_500, 1), (1, 65_500), (65_500, 3), (3, 65_500),
    ].map { Shape(width: $0.0, height: $0.1) }

    /// Shapes beyond JPEG's 65500 px side: PNG only (libpng's own limit is 1,000,000 px a side).
    static let pngOnlyShapes: [Shape] = [
        (90_000, 3), (3, 90_000), (100_000, 1), (1, 100_000), (1_000_000, 1), (1, 1_000_000),
    ].map { Shape(width: $0.0, height: $0.1) }

    static func picture(_ shape: Shape) -> GrayImage {
        var image = GrayImage(width: shape.width, height: shape.height, filledWith: 230)
        var state: UInt32 = 12345
        for y in 0..<shape.height {
            let v = (Float(y) + 0.5) / Float(shape.height) - 0.5
            for x in 0..<shape.width {
                let u = (Float(x) + 0.5) / Float(shape.width) - 0.5
                let r = ((u / 0.3) * (u / 0.3) + (v / 0.35) * (v / 0.35)).squareRoot()
                state = state &* 1_664_525 &+ 1_013_904_223
                let noise = Int(state >> 29) - 4   // −4…3
                image[x, y] = UInt8(clamping: (abs(r - 1) < 0.25 ? 30 : 230) + noise)
            }
        }
        return image
    }

    static func bytes(_ shape: Shape, _ encoding: Encoding) throws -> [UInt8] {
        var image = picture(shape)
        switch encoding {
        case .png: return try encodePNG(image)
        case .pngWithAlpha:   // canvas-style: flat colour, the drawing only in alpha
            image.alpha = image.luma.map { 255 - $0 }
            image.luma = [UInt8](repeating: 20, count: image.luma.count)
            return try encodePNG(image)
        case .jpeg: return try encodeJPEG(image, quality: 85)
        }
    }

    /// The result must be a digit of 784 values in 0…1, or no digit with the warning.
    static func expectSound(_ result: PreprocessResult, _ label: String) {
        if let digit = result.digit {
            #expect(digit.pixels.count == DigitImage.pixelCount, "\(label)")
            #expect(digit.pixels.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(label)")
            #expect(digit.pixels.contains { $0 > 0 }, "\(label): a digit with no ink")
            #expect(result.digitHeight != nil, "\(label)")
        } else {
            #expect(result.warnings == [noDigitFoundWarning], "\(label): \(result.warnings)")
        }
    }

    @Test(arguments: commonShapes, Encoding.allCases)
    func everyShapeIsReadOrRefused(_ shape: Shape, _ encoding: Encoding) throws {
        let file = try Self.bytes(shape, encoding)
        let result = try readDigit(fromFileBytes: file)
        Self.expectSound(result, "\(shape.testDescription) \(encoding)")
        // The stages also take the decoded image directly, at full size (no DCT scaling).
        let decoded = try decodeImage(bytes: file, options: DecodeOptions(minShortSide: 0))
        #expect(decoded.image.width == shape.width && decoded.image.height == shape.height)
        Self.expectSound(preprocess(decoded.image, recordingSteps: true), "\(shape.testDescription) \(encoding) full")
    }

    @Test(arguments: pngOnlyShapes, [Encoding.png, .pngWithAlpha])
    func longPNGStripsAreRead(_ shape: Shape, _ encoding: Encoding) throws {
        let result = try readDigit(fromFileBytes: try Self.bytes(shape, encoding))
        Self.expectSound(result, "\(shape.testDescription) \(encoding)")
    }

    /// A ring that fills a square frame is found as the digit at every size from tiny up
    /// (the sweep's other shapes may legitimately hold no digit).
    @Test(arguments: [64, 500, 1601, 2400])
    func aSquareRingIsADigit(_ side: Int) throws {
        for encoding in Encoding.allCases {
            let result = try readDigit(fromFileBytes: try Self.bytes(Shape(width: side, height: side), encoding))
            #expect(result.digit != nil, "\(side)×\(side) \(encoding): \(result.warnings)")
        }
    }

    @Test func aSideBeyondLibpngsLimitIsATypedError() throws {
        // libpng will not write such a file: a 1×1 PNG whose IHDR is made to say 1000001×1
        // (refused from the header, before the CRC or the pixel data are looked at).
        var file = try encodePNG(GrayImage(width: 1, height: 1, filledWith: 0))
        file.replaceSubrange(16..<20, with: [0x00, 0x0F, 0x42, 0x41])   // 1_000_001
        let error = try #require(throws: DecodeError.self) { try readDigit(fromFileBytes: file) }
        #expect(error == .sideTooLong(width: 1_000_001, height: 1, limit: maxPNGSide), "\(error)")
    }

    /// `toWorkingImage` averages a side shorter than its factor over the pixels it has.
    @Test func workingImageOfAStripAveragesOnlyItsOwnRows() {
        var strip = GrayImage(width: 1601, height: 1, filledWith: 0)
        for x in 0..<1601 { strip[x, 0] = UInt8(x % 2 == 0 ? 255 : 0) }
        let working = toWorkingImage(strip)   // factor 3: 533×1, blocks of 3×1
        #expect(working.width == 533 && working.height == 1)
        for x in 0..<533 {
            let block = (0..<3).map { Float(strip[3 * x + $0, 0]) }.reduce(0, +) / (3 * 255)
            #expect(abs(working.pixels[x] - block) < 1e-6)
        }
        let column = toWorkingImage(GrayImage(width: 2, height: 100_000, filledWith: 255))   // factor 125
        #expect(column.width == 1 && column.height == 800)
        #expect(column.pixels.allSatisfy { abs($0 - 1) < 1e-6 })
    }
}
