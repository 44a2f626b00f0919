import Testing
@testable import DigitCore

/// The decode scale and the two looks of `readNumber` (`numberDecodeOptions`,
/// `numberFirstLookFactor`, `numberFineArea`), on numbers built here.
struct NumberLookScaleTests {
    @Test func numbersAreDecodedAtTwiceTheSingleDigitShortSide() {
        #expect(numberDecodeOptions(DecodeOptions()).minShortSide == 512)
        #expect(numberDecodeOptions(DecodeOptions(minShortSide: 0)).minShortSide == 0)
        #expect(numberDecodeOptions(DecodeOptions(maxPixels: 1000, minShortSide: 100)).maxPixels == 1000)
    }

    @Test func theFirstLookIsAsSmallAsTheSingleDigitDecode() {
        #expect(numberFirstLookFactor(width: 800, height: 600, minShortSide: 256) == 2)   // 400×300
        #expect(numberFirstLookFactor(width: 500, height: 375, minShortSide: 256) == 1)   // one look
        #expect(numberFirstLookFactor(width: 700, height: 250, minShortSide: 256) == 1)   // a wide scan
        #expect(numberFirstLookFactor(width: 800, height: 600, minShortSide: 0) == 1)     // full size asked
        #expect(numberFirstLookFactor(width: 800, height: 1, minShortSide: 256) == 1)     // a strip
        #expect(numberFirstLookFactor(width: 0, height: 0, minShortSide: 256) == 1)
    }

    @Test func theFineAreaHoldsTheDigitsWidenedByOneDigitHeightAndClipped() {
        func region(_ minX: Int, _ minY: Int, _ maxX: Int, _ maxY: Int) -> DigitSelection {
            DigitSelection(labels: [1], minX: minX, minY: minY, maxX: maxX, maxY: maxY, mass: 1, otherCandidates: 0)
        }
        let lines = [[region(100, 120, 119, 149), region(130, 118, 150, 150)], [region(110, 170, 128, 199)]]
        // First look 2× coarser; typical height 30: x 100−30 … 150+1+30, y 118−30 … 199+1+30, doubled.
        #expect(numberFineArea(lines, typicalHeight: 30, factor: 2, width: 800, height: 600)
                == PixelBox(x: 140, y: 176, width: 222, height: 284))
        // Near the frame's edge the area stops at the image.
        let edge = [[region(5, 2, 30, 40)]]
        #expect(numberFineArea(edge, typicalHeight: 38, factor: 2, width: 100, height: 120)
                == PixelBox(x: 0, y: 0, width: 100, height: 120))
        #expect(numberFineArea([], typicalHeight: 30, factor: 2, width: 80, height: 60)
                == PixelBox(x: 0, y: 0, width: 80, height: 60))
    }
}
