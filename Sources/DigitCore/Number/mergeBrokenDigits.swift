import Foundation

/// Joins neighbours in a line that are the pieces of one broken digit (a 5 whose bar and belly
/// came apart, a 4 whose left arm lost its stem, a faint stroke of a blurred photo), which
/// `segmentDigits`' geometric rules leave apart when the pieces sit side by side rather than
/// stacked. Two neighbours are candidates when one is shorter than a digit (`pieceHeight` × the
/// line's typical height H), they are at most `mergeGap` × H apart, and together they are no
/// bigger than one digit (`mergeWidth` × H wide, `mergeHeight` × H tall); they are joined when
/// the classifier reads the union more confidently than the pieces (log-probability of the union
/// above the mean log-probability of the pieces): the pieces of one digit read poorly alone and
/// well together, two digits the other way round.
func mergeBrokenDigits(_ lines: [[DigitSelection]], page: CleanedPage, classify: (DigitImage) -> Prediction,
                       rules: NumberSegmentationRules = NumberSegmentationRules()) -> [[DigitSelection]] {
    let heights = lines.flatMap { $0.map(\.boxHeight) }.sorted()
    guard !heights.isEmpty else { return lines }
    let h = Float(heights[heights.count / 2])
    func logConfidence(_ region: DigitSelection) -> Float {
        guard let digit = normalisedDigit(NumberRegion(region), on: page) else { return logf(1e-6) }
        return logf(max(1e-6, classify(digit).confidence))
    }
    return lines.map { line in
        var line = line
        var index = 0
        while index + 1 < line.count {
            let a = line[index], b = line[index + 1]
            let union = a.merged(with: b)
            let gap = max(b.minX - a.maxX, a.minX - b.maxX) - 1
            let candidate = Float(min(a.boxHeight, b.boxHeight)) < rules.pieceHeight * h
                && Float(gap) <= rules.mergeGap * h
                && Float(union.boxWidth) <= rules.mergeWidth * h && Float(union.boxHeight) <= rules.mergeHeight * h
            if candidate && logConfidence(union) > (logConfidence(a) + logConfidence(b)) / 2 {
                line[index] = union
                line.remove(at: index + 1)
            } else {
                index += 1
            }
        }
        return line
    }
}
