import Testing
@testable import DigitCore

@Suite struct CMYKTests {
    /// Adobe files store each ink inverted: 255 = no ink.
    @Test func adobeInvertedInkBecomesLuma() {
        let samples: [UInt8] = [
            255, 255, 255, 255,  // no ink: white
            255, 255, 255, 0,    // full black ink
            0, 255, 255, 255,    // full cyan: RGB (0, 255, 255), luma 179
            255, 255, 255, 127,  // black ink 128: gray 127
        ]
        #expect(lumaFromCMYK(samples, invertedByAdobe: true) == [255, 0, 179, 127])
    }

    /// Without the Adobe marker, 0 = no ink.
    @Test func plainInkBecomesLuma() {
        let samples: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 0]
        #expect(lumaFromCMYK(samples, invertedByAdobe: false) == [255, 0, 179])
    }
}
