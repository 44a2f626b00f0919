/// The model's ten weight maps side by side, so a user can see what each class looks for.
///
/// Each map is the 28×28 column of weights for one digit, every weight drawn as a `scale`×`scale`
/// square: red where ink raises that digit's score, blue where ink lowers it, near-white for zero.
/// All ten maps share one colour scale, ±(largest |weight|). The digit is written above each map;
/// a legend bar below runs from −max (blue) through 0 to +max (red), its ends labelled with the values.
public func weightMapsImage(_ model: SoftmaxModel, scale: Int = 4) -> RGBImage {
    let classes = SoftmaxModel.classCount
    let maps = (0..<classes).map { digit in
        WeightMap(label: String(digit), weights: (0..<DigitImage.pixelCount).map { model.weights[$0 * classes + digit] })
    }
    return weightMapsImage(maps, scale: scale)
}

/// The input weights of an MLP's ten strongest hidden units, strongest first, each labelled
/// with its unit number: "strongest" is ‖W1[:, j]‖ · ‖W2[j, :]‖, how much the unit can move
/// the logits. Same colours and legend as the softmax's maps.
public func hiddenUnitMapsImage(_ model: MLPModel, scale: Int = 4) -> RGBImage {
    let n = model.hiddenCount
    func strength(_ j: Int) -> Float {
        let input = (0..<MLPModel.inputCount).reduce(Float(0)) { $0 + model.hiddenWeights[$1 * n + j] * model.hiddenWeights[$1 * n + j] }
        let output = (0..<MLPModel.classCount).reduce(Float(0)) { $0 + model.outputWeights[j * 10 + $1] * model.outputWeights[j * 10 + $1] }
        return (input * output).squareRoot()
    }
    let strengths = (0..<n).map(strength)
    let strongest = (0..<n).sorted { strengths[$0] > strengths[$1] || (strengths[$0] == strengths[$1] && $0 < $1) }.prefix(10)
    let maps = strongest.map { j in
        WeightMap(label: String(j), weights: (0..<MLPModel.inputCount).map { model.hiddenWeights[$0 * n + j] })
    }
    return weightMapsImage(maps, scale: scale)
}

/// The picture `inspect -o` draws for either kind of model.
public func weightMapsImage(_ classifier: Classifier, scale: Int = 4) -> RGBImage {
    switch classifier {
    case .linear(let model): return weightMapsImage(model, scale: scale)
    case .mlp(let model): return hiddenUnitMapsImage(model, scale: scale)
    }
}

/// One 28×28 map of input weights (row-major, 784 values) and the label drawn above it.
struct WeightMap {
    var label: String
    var weights: [Float]
}

/// Up to ten maps side by side on one colour scale, ±(largest |weight|), with a legend.
func weightMapsImage(_ maps: [WeightMap], scale: Int) -> RGBImage {
    let layout = WeightMapsLayout(scale: scale)
    let side = DigitImage.side
    let (mapSize, gap, fontScale) = (layout.mapSize, layout.gap, layout.fontScale)
    let (mapsTop, legendTop, legendHeight) = (layout.mapsTop, layout.legendTop, layout.legendHeight)
    let width = layout.width
    var image = RGBImage(width: layout.width, height: layout.height, filledWith: (255, 255, 255))

    let largest = maps.reduce(Float(0)) { top, map in map.weights.reduce(top) { max($0, abs($1)) } }
    for (digit, map) in maps.enumerated() {
        let left = layout.mapLeft(digit)
        let label = map.label
        PixelFont.draw(label, into: &image, x: left + (mapSize - PixelFont.width(of: label, scale: fontScale)) / 2,
                       y: gap, scale: fontScale, colour: weightMapInk)
        // A one-pixel frame, so near-white maps still show their extent.
        fill(&image, x: left - 1, y: mapsTop - 1, width: mapSize + 2, height: mapSize + 2, colour: weightMapFrame)
        for y in 0..<side {
            for x in 0..<side {
                let weight = map.weights[y * side + x]
                fill(&image, x: left + x * scale, y: mapsTop + y * scale, width: scale, height: scale,
                     colour: weightColour(weight, largest: largest))
            }
        }
    }
    // Legend: −largest … 0 … +largest.
    let legendLeft = gap, legendWidth = width - 2 * gap
    for x in 0..<legendWidth {
        let value = largest * (2 * Float(x) / Float(max(1, legendWidth - 1)) - 1)
        fill(&image, x: legendLeft + x, y: legendTop, width: 1, height: legendHeight,
             colour: weightColour(value, largest: largest))
    }
    let labelTop = legendTop + legendHeight + gap / 2
    let magnitude = formatLegendValue(largest)
    PixelFont.draw("-" + magnitude, into: &image, x: legendLeft, y: labelTop, scale: fontScale, colour: weightMapInk)
    PixelFont.draw("0", into: &image, x: legendLeft + (legendWidth - PixelFont.width(of: "0", scale: fontScale)) / 2,
                   y: labelTop, scale: fontScale, colour: weightMapInk)
    PixelFont.draw("+" + magnitude, into: &image,
                   x: legendLeft + legendWidth - PixelFont.width(of: "+" + magnitude, scale: fontScale),
                   y: labelTop, scale: fontScale, colour: weightMapInk)
    return image
}

/// Where `weightMapsImage` puts things, in pixels, for a given `scale`.
struct WeightMapsLayout {
    let scale: Int
    var mapSize: Int { DigitImage.side * scale }
    var gap: Int { max(4, 2 * scale) }
    var fontScale: Int { max(1, scale / 2 + 1) }
    var textHeight: Int { PixelFont.glyphHeight * fontScale }
    /// Top row of every map.
    var mapsTop: Int { gap + textHeight + gap }
    var legendTop: Int { mapsTop + mapSize + 2 * gap }
    var legendHeight: Int { max(6, 3 * scale) }
    var width: Int { gap + SoftmaxModel.classCount * (mapSize + gap) }
    var height: Int { legendTop + legendHeight + gap / 2 + textHeight + gap }
    /// Left column of the map of `digit`.
    func mapLeft(_ digit: Int) -> Int { gap + digit * (mapSize + gap) }
}

let weightPositive: (UInt8, UInt8, UInt8) = (178, 24, 43)
let weightNegative: (UInt8, UInt8, UInt8) = (33, 102, 172)
let weightNeutral: (UInt8, UInt8, UInt8) = (247, 247, 247)
let weightMapInk: (UInt8, UInt8, UInt8) = (40, 40, 40)
let weightMapFrame: (UInt8, UInt8, UInt8) = (190, 190, 190)

/// Red for positive, blue for negative, near-white for zero; full colour at ±`largest`.
func weightColour(_ weight: Float, largest: Float) -> (UInt8, UInt8, UInt8) {
    guard largest > 0, weight.isFinite else { return weightNeutral }
    let t = Double(min(1, abs(weight) / largest))
    return blend(weightNeutral, weight > 0 ? weightPositive : weightNegative, t)
}

/// A short decimal for the legend: 3 significant digits, e.g. `0.532`, `12.4`.
func formatLegendValue(_ value: Float) -> String {
    var text = String(format: "%.3g", Double(value))
    if text.contains("e") { text = String(format: "%.4f", Double(value)) }
    return text
}
