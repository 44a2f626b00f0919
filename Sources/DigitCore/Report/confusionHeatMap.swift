/// The confusion matrix as a heat map: a 10×10 grid of `cellSize`-pixel squares, rows = true digit
/// (labelled down the left), columns = predicted digit (labelled along the top). Each cell's shade is
/// the fraction of its row (the images of that true digit), on a square-root scale so that
/// small error rates stay visible: white = 0, dark blue = 1. A legend bar below runs from 0% to 100%.
public func confusionHeatMap(_ matrix: ConfusionMatrix, cellSize: Int = 32) -> RGBImage {
    let n = ConfusionMatrix.classCount
    let fontScale = max(1, cellSize / 10)
    let margin = cellSize
    let gridSize = n * cellSize
    let legendTop = margin + gridSize + cellSize / 2
    let legendHeight = max(6, cellSize / 3)
    let textHeight = PixelFont.glyphHeight * fontScale
    let width = margin + gridSize + cellSize / 2
    let height = legendTop + legendHeight + 4 + textHeight + cellSize / 2
    var image = RGBImage(width: width, height: height, filledWith: heatMapBackground)

    for digit in 0..<n {
        let label = String(digit)
        let labelWidth = PixelFont.width(of: label, scale: fontScale)
        // Column label, centred above the column; row label, centred left of the row.
        PixelFont.draw(label, into: &image, x: margin + digit * cellSize + (cellSize - labelWidth) / 2,
                       y: (margin - textHeight) / 2, scale: fontScale, colour: heatMapInk)
        PixelFont.draw(label, into: &image, x: (margin - labelWidth) / 2,
                       y: margin + digit * cellSize + (cellSize - textHeight) / 2, scale: fontScale, colour: heatMapInk)
    }
    for label in 0..<n {
        let support = matrix.support(of: label)
        for predicted in 0..<n {
            let fraction = support == 0 ? 0 : Double(matrix[label, predicted]) / Double(support)
            fill(&image, x: margin + predicted * cellSize, y: margin + label * cellSize,
                 width: cellSize, height: cellSize, colour: heatMapColour(fraction))
        }
    }
    // Grid lines between cells.
    for i in 0...n {
        fill(&image, x: margin + i * cellSize, y: margin, width: 1, height: gridSize + 1, colour: heatMapGrid)
        fill(&image, x: margin, y: margin + i * cellSize, width: gridSize + 1, height: 1, colour: heatMapGrid)
    }
    // Legend: the colour scale from 0 to 1 of a row, labelled 0% and 100%.
    for x in 0..<gridSize {
        fill(&image, x: margin + x, y: legendTop, width: 1, height: legendHeight,
             colour: heatMapColour(Double(x) / Double(gridSize - 1)))
    }
    let labelTop = legendTop + legendHeight + 4
    PixelFont.draw("0%", into: &image, x: margin, y: labelTop, scale: fontScale, colour: heatMapInk)
    PixelFont.draw("100%", into: &image, x: margin + gridSize - PixelFont.width(of: "100%", scale: fontScale),
                   y: labelTop, scale: fontScale, colour: heatMapInk)
    return image
}

let heatMapBackground: (UInt8, UInt8, UInt8) = (255, 255, 255)
let heatMapInk: (UInt8, UInt8, UInt8) = (40, 40, 40)
let heatMapGrid: (UInt8, UInt8, UInt8) = (200, 200, 200)
let heatMapEmpty: (UInt8, UInt8, UInt8) = (255, 255, 255)
let heatMapFull: (UInt8, UInt8, UInt8) = (8, 48, 107)

/// The shade for a fraction 0…1 of a row: white → dark blue, on a square-root scale.
func heatMapColour(_ fraction: Double) -> (UInt8, UInt8, UInt8) {
    blend(heatMapEmpty, heatMapFull, fraction.squareRoot())
}
