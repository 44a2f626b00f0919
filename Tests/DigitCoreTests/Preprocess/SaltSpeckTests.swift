import Testing
@testable import DigitCore

/// A grey digit under salt specks at full contrast: the specks set Otsu's threshold (the high
/// threshold) at the digit's own ink level, so a region's plateau is judged on the noise floor.
@Suite struct SaltSpeckTests {
    /// A grey 1 (contrast about 0.4, edges softened) on white paper with 3% of the pixels black.
    static func greyOneUnderSaltSpecks() -> Canvas {
        var canvas = Canvas(width: 120, height: 140, paper: 0.95)
        canvas.stroke(62, 25, 55, 115, width: 9, ink: 0.55)
        canvas.image = SoftDigitTests.blurred(canvas.image, radius: 1)
        var random = TestRandom(seed: 41)
        for i in canvas.image.pixels.indices where random.uniform() < 0.03 { canvas.image.pixels[i] = 0 }
        return canvas
    }

    @Test func theSpecksLiftOtsusThresholdIntoTheDigitsInk() {
        let page = cleanPage(Self.greyOneUnderSaltSpecks().gray)
        #expect(page.thresholds.high > page.thresholds.noiseFloor + 0.1,
                "Otsu's threshold, set by the specks, lies far above the noise floor")
    }

    @Test func aGreyDigitUnderSaltSpecksIsFound() {
        let picture = Self.greyOneUnderSaltSpecks().gray
        #expect(preprocess(picture).digit != nil)
        #expect(SoftDigitTests.reading(picture) == 1)
    }
}
