import Foundation
import Testing
@testable import DigitCore

private func same(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Bool {
    a.0 == b.0 && a.1 == b.1 && a.2 == b.2
}

@Suite struct ConfusionHeatMapTests {
    /// Row 0: 4 images, all read as 0. Row 1: 4 images, 1 read as 1, 3 read as 7.
    let matrix = ConfusionMatrix(pairs: [(label: 0, predicted: 0), (0, 0), (0, 0), (0, 0),
                                         (1, 1), (1, 7), (1, 7), (1, 7)])

    /// Centre pixel of the cell (label, predicted) at the default cell size.
    func cellCentre(_ image: RGBImage, label: Int, predicted: Int, cellSize: Int = 32) -> (UInt8, UInt8, UInt8) {
        image[cellSize + predicted * cellSize + cellSize / 2, cellSize + label * cellSize + cellSize / 2]
    }

    @Test func cellShadeIsTheRowFraction() {
        let image = confusionHeatMap(matrix)
        #expect(same(cellCentre(image, label: 0, predicted: 0), heatMapFull))
        #expect(same(cellCentre(image, label: 0, predicted: 1), heatMapEmpty))
        // 1/4 of row 1 → √0.25 = halfway; 3/4 → √0.75.
        #expect(same(cellCentre(image, label: 1, predicted: 1), blend(heatMapEmpty, heatMapFull, 0.5)))
        #expect(same(cellCentre(image, label: 1, predicted: 7), blend(heatMapEmpty, heatMapFull, 0.75.squareRoot())))
        // Rows with no images stay empty.
        #expect(same(cellCentre(image, label: 5, predicted: 5), heatMapEmpty))
        // Darker means a larger fraction.
        #expect(cellCentre(image, label: 1, predicted: 7).0 < cellCentre(image, label: 1, predicted: 1).0)
    }

    @Test func encodesAsPNGOfTheSameSize() throws {
        let image = confusionHeatMap(matrix, cellSize: 20)
        let png = try encodePNG(image)
        let decoded = try decodeImage(bytes: png)
        #expect(decoded.image.width == image.width && decoded.image.height == image.height)
        #expect(image.width >= 10 * 20 && image.height >= 10 * 20)
    }
}

@Suite struct WeightMapsTests {
    /// Zero weights except pixel (x 3, y 5) for digit 2 (+1, the largest) and (10, 10) for digit 7 (−0.5).
    func model() -> SoftmaxModel {
        var weights = [Float](repeating: 0, count: 7840)
        weights[(5 * 28 + 3) * 10 + 2] = 1
        weights[(10 * 28 + 10) * 10 + 7] = -0.5
        return SoftmaxModel(weights: weights, bias: [Float](repeating: 0, count: 10))
    }

    @Test func positiveRedNegativeBlueZeroNeutral() {
        let scale = 4
        let layout = WeightMapsLayout(scale: scale)
        let image = weightMapsImage(model(), scale: scale)
        #expect(image.width == layout.width && image.height == layout.height)
        func pixel(digit: Int, x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
            image[layout.mapLeft(digit) + x * scale + 1, layout.mapsTop + y * scale + 1]
        }
        #expect(same(pixel(digit: 2, x: 3, y: 5), weightPositive))
        #expect(same(pixel(digit: 7, x: 10, y: 10), blend(weightNeutral, weightNegative, 0.5)))
        #expect(same(pixel(digit: 2, x: 10, y: 10), weightNeutral))
        #expect(same(pixel(digit: 7, x: 3, y: 5), weightNeutral))
        #expect(same(pixel(digit: 0, x: 14, y: 14), weightNeutral))
    }

    @Test func legendRunsFromNegativeToPositive() {
        let layout = WeightMapsLayout(scale: 4)
        let image = weightMapsImage(model(), scale: 4)
        let y = layout.legendTop + 1
        #expect(same(image[layout.gap, y], weightNegative))
        #expect(same(image[layout.width - layout.gap - 1, y], weightPositive))
        let middle = image[layout.width / 2, y]
        #expect(middle.0 > 230 && middle.1 > 230 && middle.2 > 230)
    }

    @Test func allZeroModelDrawsNeutralMaps() {
        let zero = SoftmaxModel(weights: [Float](repeating: 0, count: 7840), bias: [Float](repeating: 0, count: 10))
        let layout = WeightMapsLayout(scale: 2)
        let image = weightMapsImage(zero, scale: 2)
        #expect(same(image[layout.mapLeft(4) + 20, layout.mapsTop + 20], weightNeutral))
    }
}

@Suite struct WeightsTextTests {
    @Test func readsBackAsTheSameFloats() throws {
        var weights = [Float](repeating: 0, count: 7840)
        for i in weights.indices { weights[i] = Float(sin(Double(i) * 0.37)) * 0.01 * Float(i % 13) }
        weights[5] = 1e-7
        weights[6] = -123456.78
        let bias = (0..<10).map { Float($0) * -0.25 + 0.1 }
        let model = SoftmaxModel(weights: weights, bias: bias)

        let text = weightsText(model)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count == 785)
        let values = try rows.map { row in
            try row.split(separator: " ").map { try #require(Float(String($0)), "not a number: \($0)") }
        }
        #expect(values.allSatisfy { $0.count == 10 })
        #expect(Array(values[0..<784].joined()) == weights)
        #expect(values[784] == bias)
        #expect(text.allSatisfy { $0.isASCII }, "numpy.loadtxt's older default encoding is latin-1")
    }
}
