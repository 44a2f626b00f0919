import Foundation

/// Splits regions that hold two (or more) touching or overlapping digits.
///
/// A region is a suspect when it is much wider than the page's typical digit. Cuts are tried at
/// the columns where the vertical ink profile is thinnest (local minima, nearest to where a digit
/// of typical width would end); each side of a cut is classified, and the cut whose two sides the
/// classifier is most confident about (highest summed log-probability) is kept, when the parts
/// read more confidently than the whole, by a margin that shrinks to nothing as the region widens
/// to 1.15× its height (and wider regions are split whatever the whole reads as). Parts are cut
/// again while they are still too wide (up to `maximumParts` digits from one region).
func splitTouchingDigits(_ lines: [[DigitSelection]], page: CleanedPage,
                         classify: (DigitImage) -> Prediction) -> [[DigitSelection]] {
    let all = lines.flatMap { $0 }
    guard !all.isEmpty else { return lines }
    let heights = all.map(\.boxHeight).sorted()
    let typicalHeight = Float(heights[heights.count / 2])
    let widths = all.filter { Float($0.boxWidth) >= 0.35 * Float($0.boxHeight) && $0.boxWidth <= $0.boxHeight }
        .map(\.boxWidth).sorted()
    let expectedWidth = widths.count >= 2 ? Float(widths[widths.count / 2]) : 0.7 * typicalHeight
    return withoutActuallyEscaping(classify) { classify in
        let splitter = TouchingDigitSplitter(page: page, expectedWidth: expectedWidth, typicalHeight: typicalHeight,
                                             classify: classify)
        return lines.map { line in line.flatMap { splitter.parts(of: $0, depth: 1) } }
    }
}

/// Most digits one region is split into.
let maximumParts = 4

private struct TouchingDigitSplitter {
    let page: CleanedPage
    /// Width and height (px) of a typical single digit on this page.
    let expectedWidth: Float
    let typicalHeight: Float
    let classify: (DigitImage) -> Prediction

    /// `region` as it should be read: itself, or the parts it splits into, left to right.
    func parts(of region: DigitSelection, depth: Int) -> [DigitSelection] {
        // Against the typical height too: a short, wide digit (a flat 5) is not two digits.
        let width = Float(region.boxWidth), height = max(Float(region.boxHeight), typicalHeight)
        guard depth < maximumParts, width >= 1.3 * expectedWidth, width >= 1.05 * height else { return [region] }
        // Touching digits are one component. A region merged from pieces (a 5 and its bar, or a
        // touching pair with a broken-off stroke end) is split only when too wide for one digit.
        if region.labels.count > 1 && width < 1.15 * height { return [region] }
        guard let best = bestCut(of: region) else { return [region] }
        // The wider the region, the less the parts must outscore the whole (log-probability per
        // digit); from 1.15× its height on, it is split whatever the whole reads as.
        if width < 1.15 * height {
            let margin = 0.3 * (1.15 - width / height) / 0.1
            let wholeScore = logf(max(1e-6, confidence(of: region)))
            guard best.score / 2 > wholeScore + margin else { return [region] }
        }
        return parts(of: best.left, depth: depth + 1) + parts(of: best.right, depth: depth + 1)
    }

    /// The classifier's top probability for a region (0 when it holds no ink).
    func confidence(of region: DigitSelection) -> Float {
        guard let digit = normalisedDigit(region, on: page) else { return 0 }
        return classify(digit).confidence
    }

    /// The cut among the thinnest columns whose two sides read best, with their summed log-confidence.
    func bestCut(of region: DigitSelection) -> (left: DigitSelection, right: DigitSelection, score: Float)? {
        var best: (left: DigitSelection, right: DigitSelection, score: Float)?
        for column in candidateCuts(of: region) {
            guard let (left, right) = cut(region, at: column, on: page) else { continue }
            let score = logf(max(1e-6, confidence(of: left))) + logf(max(1e-6, confidence(of: right)))
            if best == nil || score > best!.score { best = (left, right, score) }
        }
        return best
    }

    /// Up to six columns to try: local minima of the (3-column smoothed) ink profile, cheapest
    /// first, the cost being the profile's depth plus the distance from where a typical-width
    /// digit starting at either edge would end.
    func candidateCuts(of region: DigitSelection) -> [Int] {
        let profile = inkProfile(region, on: page)
        let n = profile.count
        let margin = max(2, Int(0.12 * Float(region.boxHeight)))
        guard n > 2 * margin + 1 else { return [] }
        var smooth = profile
        for i in 1..<(n - 1) { smooth[i] = (profile[i - 1] + profile[i] + profile[i + 1]) / 3 }
        let peak = max(1, smooth.max() ?? 1)
        let expected = [expectedWidth, Float(n) - expectedWidth, Float(n) / 2]
        var scored: [(column: Int, cost: Float)] = []
        for i in margin..<(n - margin) {
            let isMinimum = smooth[max(0, i - 2)...min(n - 1, i + 2)].allSatisfy { smooth[i] <= $0 }
            guard isMinimum else { continue }
            let distance = expected.map { abs(Float(i) - $0) }.min()! / max(1, expectedWidth)
            scored.append((i, smooth[i] / peak + 0.5 * distance))
        }
        if scored.isEmpty { scored.append((n / 2, 0)) }
        return scored.sorted { $0.cost < $1.cost }.prefix(6).map { region.minX + $0.column }
    }
}

/// Ink pixels of `region` (its components, inside its box) per column of its box.
func inkProfile(_ region: DigitSelection, on page: CleanedPage) -> [Float] {
    var profile = [Float](repeating: 0, count: region.boxWidth)
    let width = page.cleaned.width
    for y in region.minY...region.maxY {
        for x in region.minX...region.maxX where region.labels.contains(Int(page.labels[y * width + x])) {
            profile[x - region.minX] += 1
        }
    }
    return profile
}

/// `region` cut before column `column`: the part left of it and the part from it on, each
/// shrunk to the box of its own ink. `nil` when either side holds no ink.
func cut(_ region: DigitSelection, at column: Int, on page: CleanedPage) -> (DigitSelection, DigitSelection)? {
    var left = region, right = region
    left.maxX = column - 1
    right.minX = column
    guard left.minX <= left.maxX, right.minX <= right.maxX,
          let l = shrunkToInk(left, on: page), let r = shrunkToInk(right, on: page) else { return nil }
    return (l, r)
}

/// `region` with its box shrunk to the ink of its components inside it; `nil` when there is none.
func shrunkToInk(_ region: DigitSelection, on page: CleanedPage) -> DigitSelection? {
    var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
    let width = page.cleaned.width
    for y in region.minY...region.maxY {
        for x in region.minX...region.maxX where region.labels.contains(Int(page.labels[y * width + x])) {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    guard maxX >= 0 else { return nil }
    var shrunk = region
    shrunk.minX = minX; shrunk.maxX = maxX; shrunk.minY = minY; shrunk.maxY = maxY
    return shrunk
}

/// The 28×28 the classifier sees for one region: its ink through the single-digit normalisation.
func normalisedDigit(_ region: DigitSelection, on page: CleanedPage) -> DigitImage? {
    normaliseInk(extractInk(page.cleaned, labels: page.labels, selection: region, thresholds: page.thresholds))
}
