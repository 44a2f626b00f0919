import Testing
@testable import DigitCore

@Suite struct AlphaFlatteningTests {
    /// A 4×1 canvas: ink colour flat everywhere, strokes only in alpha.
    static func canvas(ink: UInt8) -> GrayImage {
        GrayImage(width: 4, height: 1, luma: [ink, ink, ink, ink], alpha: [0, 255, 128, 0])
    }

    @Test func darkInkOnTransparentGoesOnWhite() {
        let flat = flattenedAlpha(Self.canvas(ink: 0))
        #expect(flat.alpha == nil)
        // 0·128 + 255·127 = 32385, /255 → 127.
        #expect(flat.luma == [255, 0, 127, 255])
    }

    @Test func lightInkOnTransparentGoesOnBlack() {
        let flat = flattenedAlpha(Self.canvas(ink: 255))
        #expect(flat.luma == [0, 255, 128, 0])
    }

    @Test func opaqueImageKeepsItsLuma() {
        let image = GrayImage(width: 3, height: 1, luma: [10, 200, 90], alpha: [255, 255, 255])
        #expect(flattenedAlpha(image) == GrayImage(width: 3, height: 1, luma: [10, 200, 90]))
    }

    @Test func fullyTransparentImageIsWhite() {
        let image = GrayImage(width: 2, height: 1, luma: [0, 255], alpha: [0, 0])
        #expect(flattenedAlpha(image).luma == [255, 255])
    }

    @Test func imageWithoutAlphaIsUnchanged() {
        let image = GrayImage(width: 2, height: 1, luma: [3, 4])
        #expect(flattenedAlpha(image) == image)
    }

    /// The background follows the alpha-weighted mean of what is drawn, not the
    /// colour hidden under transparent pixels.
    @Test func hiddenColourUnderTransparencyDoesNotChooseTheBackground() {
        let image = GrayImage(width: 3, height: 1, luma: [255, 255, 20], alpha: [0, 0, 255])
        #expect(flattenedAlpha(image).luma == [255, 255, 20])
    }

    /// Canvas exports of a "4" (200×200): the vertical stroke passes through (120, 100).
    @Test(arguments: ["alpha/canvas-dark-ink.png", "alpha/canvas-dark-ink-gray-alpha.png"])
    func darkInkCanvasExportKeepsStrokes(_ file: String) throws {
        let decoded = try Fixtures.decode(file)
        #expect(decoded.hadAlpha && decoded.image.alpha == nil)
        #expect(decoded.image.width == 200 && decoded.image.height == 200)
        #expect(decoded.image[120, 100] <= 10, "stroke: \(decoded.image[120, 100])")
        #expect(decoded.image[10, 10] == 255, "background: \(decoded.image[10, 10])")
    }

    @Test func lightInkCanvasExportKeepsStrokes() throws {
        let decoded = try Fixtures.decode("alpha/canvas-light-ink.png")
        #expect(decoded.image[120, 100] >= 245, "stroke: \(decoded.image[120, 100])")
        #expect(decoded.image[10, 10] == 0, "background: \(decoded.image[10, 10])")
    }

    @Test func keepAlphaReturnsTheFileAsIs() throws {
        let decoded = try Fixtures.decode("alpha/canvas-dark-ink.png", options: DecodeOptions(keepAlpha: true))
        let alpha = try #require(decoded.image.alpha)
        #expect(decoded.image.luma.allSatisfy { $0 == 0 })
        #expect(alpha[100 * 200 + 120] >= 245 && alpha[10 * 200 + 10] == 0)
    }
}
