import Testing
@testable import DigitCore

@Suite struct InkMaskTests {
    @Test func otsuSplitsTwoModes() {
        var counts = [Int](repeating: 0, count: histogramBins)
        counts[100] = 900
        counts[800] = 100
        let t = otsuThreshold(counts)
        #expect(t > 100 / 1023 && t < 800 / 1023)
    }

    @Test func quantileOfAHistogram() {
        let counts = histogram([0, 0.25, 0.5, 0.75, 1])
        #expect(abs(quantile(counts, 0.5) - 0.5) < 0.002)
    }

    @Test func noiseAloneNeverReachesTheHighThreshold() {
        var canvas = Canvas(width: 150, height: 100, paper: 0.8)
        canvas.addNoise(sigma: 0.04, seed: 7)
        let flattened = flattenIllumination(normalisePolarity(canvas.gray.floatImage))
        let t = inkThresholds(flattened)
        let (_, components) = connectedComponents(flattened, low: t.low, high: t.high)
        let big = components.filter { $0.reachesHigh && $0.area >= 10 }
        #expect(big.isEmpty, "\(big.count) noise regions reached the high threshold \(t.high)")
    }

    @Test func hysteresisKeepsAFaintTailAttachedToAStrongStroke() {
        var image = FloatImage(width: 40, height: 20)
        for x in 5..<20 { image[x, 10] = 0.9 }    // strong
        for x in 20..<30 { image[x, 10] = 0.4 }   // faint, connected
        for x in 33..<38 { image[x, 10] = 0.4 }   // faint, alone
        let (labels, components) = connectedComponents(image, low: 0.3, high: 0.6)
        #expect(components.count == 2)
        let attached = components.first { $0.reachesHigh }!
        #expect(attached.area == 25 && attached.minX == 5 && attached.maxX == 29)
        #expect(components.first { !$0.reachesHigh }!.area == 5)
        #expect(labels[10 * 40 + 25] == Int32(attached.label))
    }

    @Test func componentsReportBoxesAndBorderContact() {
        var image = FloatImage(width: 30, height: 30)
        for y in 5..<15 { for x in 5..<9 { image[x, y] = 1 } }
        for y in 0..<4 { image[29, y] = 1 }
        let (_, components) = connectedComponents(image, low: 0.5, high: 0.5)
        #expect(components.count == 2)
        let block = components.first { $0.area == 40 }!
        #expect(block.minX == 5 && block.maxX == 8 && block.minY == 5 && block.maxY == 14)
        #expect(!block.touchesBorder)
        #expect(components.first { $0.area == 4 }!.touchesBorder)
    }
}

extension GrayImage {
    /// The image as the pipeline's working floats (0…1).
    var floatImage: FloatImage { toWorkingImage(self) }
}
