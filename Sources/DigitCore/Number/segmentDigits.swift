/// Finding the digits of a number on a cleaned page: which components are digits, which pieces
/// belong together, and the reading order (lines top to bottom, each left to right).
/// Touching neighbours are split afterwards by `splitTouchingDigits`, which needs the classifier.

/// Rules for `segmentDigits`, as fractions of the page's typical digit height `H`.
struct NumberSegmentationRules {
    /// A component whose longer side is below this × H is a speck (dust, a full stop).
    var speckSide: Float = 0.3
    /// A group shorter than this × H after merging is not a digit (a comma, a hyphen, a dot).
    var minimumHeight: Float = 0.5
    /// Pieces are merged when their columns overlap by this fraction of the narrower one…
    var mergeOverlap: Float = 0.4
    /// …the vertical gap between them is at most this × H…
    var mergeGap: Float = 0.4
    /// …and the merged box is at most this × H tall and `mergeWidth` × H wide.
    var mergeHeight: Float = 1.35
    var mergeWidth: Float = 1.05
    /// A piece too short to be a digit joins the digit beside it while the union is at most this × H wide.
    var attachWidth: Float = 1.25
    /// Only a piece shorter than this × H is merged (two full-height marks are two digits).
    var pieceHeight: Float = 0.8
    /// A thin straight mark taller than this × H is printed structure (a box side), not a digit.
    var tallestDigit: Float = 1.7
}

/// The digits' regions in reading order: lines from top to bottom, each from left to right.
/// `components` are the ink's connected components of a `width × height` page.
/// Returns `[]` when nothing digit-like is there.
func segmentDigits(_ components: [InkComponent], width: Int, height: Int,
                   rules: NumberSegmentationRules = NumberSegmentationRules()) -> [[DigitSelection]] {
    // A form's printed label beside the box the number is written in is not part of it.
    let print = smallPrintBesideTallerMarks(components, width: width, height: height)
    let marks = withoutCombTeeth(components.filter { c in
        c.reachesHigh && c.area >= 3 && !isHorizontalStroke(c) && !print.contains(c.label)
            && !(c.touchesBorder && (c.boxWidth * 10 >= width * 9 || c.boxHeight * 10 >= height * 9))
    })
    guard let typical = typicalDigitHeight(marks) else { return [] }
    let h = Float(typical)
    let pieces = marks
        .filter { Float(max($0.boxWidth, $0.boxHeight)) >= rules.speckSide * h }
        .sorted { $0.mass > $1.mass }
        .prefix(400)
        .map { DigitSelection(labels: [$0.label], minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY,
                              mass: $0.mass, otherCandidates: 0) }
    let stacked = mergePiecesOfOneDigit(Array(pieces), typicalHeight: h, rules: rules)
    let groups = attachShortPieces(stacked, typicalHeight: h, rules: rules)
    let digits = groups.filter { g in
        let gh = Float(g.boxHeight), gw = Float(g.boxWidth)
        let printedLine = gw * 5 < gh && (gh > rules.tallestDigit * h)
        return gh >= rules.minimumHeight * h && !printedLine && gw < 4 * gh
    }
    return readingOrder(digits)
}

/// A long flat mark (an underline, a box's edge left after line removal): at least 4× wider than tall.
private func isHorizontalStroke(_ c: InkComponent) -> Bool {
    c.boxWidth >= 4 * c.boxHeight && c.boxWidth >= 12
}

/// The marks without a comb field's teeth: printed ticks are straight vertical bars (thin, filling
/// their box) of one height standing on one line; three or more such bars whose bottoms lie within
/// 2 px of each other and whose heights agree within 15% are taken for printed structure.
/// (The comb's base line itself is a ruled line, already painted out, or a flat mark.)
func withoutCombTeeth(_ marks: [InkComponent]) -> [InkComponent] {
    let bars = marks.filter { $0.boxWidth * 6 <= $0.boxHeight && $0.area * 10 >= $0.boxWidth * $0.boxHeight * 8 }
    var teeth = Set<Int>()
    for bar in bars {
        let alike = bars.filter {
            abs($0.maxY - bar.maxY) <= 2 && abs($0.boxHeight - bar.boxHeight) * 20 <= 3 * bar.boxHeight
        }
        if alike.count >= 3 { teeth.formUnion(alike.map(\.label)) }
    }
    return teeth.isEmpty ? marks : marks.filter { !teeth.contains($0.label) }
}

/// The height (px) of a typical digit on the page: the mass-weighted median height of the marks
/// (dust and detached bars weigh little). `nil` when there is no ink.
func typicalDigitHeight(_ marks: [InkComponent]) -> Int? {
    let sorted = marks.sorted { $0.boxHeight < $1.boxHeight }
    let total = sorted.reduce(Float(0)) { $0 + $1.mass }
    guard total > 0 else { return nil }
    var seen: Float = 0
    for mark in sorted {
        seen += mark.mass
        if seen >= total / 2 { return mark.boxHeight }
    }
    return sorted.last?.boxHeight
}

/// Merges the pieces of one digit (a 5's detached bar, an open 4, a broken stroke): repeatedly
/// joins the closest pair (by vertical gap) that overlaps in columns, of which one is shorter
/// than a digit, and whose union is still digit-sized.
func mergePiecesOfOneDigit(_ pieces: [DigitSelection], typicalHeight h: Float,
                           rules: NumberSegmentationRules = NumberSegmentationRules()) -> [DigitSelection] {
    var groups = pieces
    while true {
        var best: (i: Int, j: Int, gap: Int)?
        for i in groups.indices {
            for j in groups.indices where j > i {
                let a = groups[i], b = groups[j]
                let overlap = min(a.maxX, b.maxX) - max(a.minX, b.minX) + 1
                guard Float(overlap) >= rules.mergeOverlap * Float(min(a.boxWidth, b.boxWidth)) else { continue }
                guard Float(min(a.boxHeight, b.boxHeight)) < rules.pieceHeight * h else { continue }
                let gap = max(a.minY, b.minY) - min(a.maxY, b.maxY) - 1
                guard Float(gap) <= rules.mergeGap * h else { continue }
                let union = a.merged(with: b)
                guard Float(union.boxHeight) <= rules.mergeHeight * h,
                      Float(union.boxWidth) <= rules.mergeWidth * h else { continue }
                if best == nil || gap < best!.gap { best = (i, j, gap) }
            }
        }
        guard let (i, j, _) = best else { return groups }
        groups[i] = groups[i].merged(with: groups[j])
        groups.remove(at: j)
    }
}

/// Joins each piece too short to be a digit (a 5's bar drawn apart to the right of its body, a
/// broken-off stroke end) to the nearest digit-height group beside it, when they are at most
/// `mergeGap` × H apart, share rows, and the union is at most `attachWidth` × H wide.
func attachShortPieces(_ groups: [DigitSelection], typicalHeight h: Float,
                       rules: NumberSegmentationRules = NumberSegmentationRules()) -> [DigitSelection] {
    var groups = groups
    var index = 0
    while index < groups.count {
        let piece = groups[index]
        guard Float(piece.boxHeight) < rules.minimumHeight * h else { index += 1; continue }
        var best: (target: Int, gap: Int)?
        for (other, group) in groups.enumerated() where other != index && Float(group.boxHeight) >= rules.minimumHeight * h {
            let gap = max(group.minX - piece.maxX, piece.minX - group.maxX) - 1
            let sharesRows = piece.maxY >= group.minY && piece.minY <= group.maxY
            guard sharesRows, Float(gap) <= rules.mergeGap * h,
                  Float(piece.merged(with: group).boxWidth) <= rules.attachWidth * h else { continue }
            if best == nil || gap < best!.gap { best = (other, gap) }
        }
        guard let best else { index += 1; continue }
        groups[best.target] = groups[best.target].merged(with: piece)
        groups.remove(at: index)
        index = 0
    }
    return groups
}

/// Groups regions into lines (a region joins the line its rows overlap most, by at least half
/// the shorter height), lines ordered top to bottom by their mean centre, each left to right.
func readingOrder(_ regions: [DigitSelection]) -> [[DigitSelection]] {
    var lines: [[DigitSelection]] = []
    for region in regions.sorted(by: { $0.centreY < $1.centreY }) {
        var best: (index: Int, overlap: Int)?
        for (index, line) in lines.enumerated() {
            let top = line.map(\.minY).min()!, bottom = line.map(\.maxY).max()!
            let lineHeight = line.map(\.boxHeight).sorted()[line.count / 2]
            let overlap = min(bottom, region.maxY) - max(top, region.minY) + 1
            guard overlap * 2 >= min(region.boxHeight, lineHeight) else { continue }
            if best == nil || overlap > best!.overlap { best = (index, overlap) }
        }
        if let best { lines[best.index].append(region) } else { lines.append([region]) }
    }
    func meanCentreY(_ line: [DigitSelection]) -> Float { line.map(\.centreY).reduce(0, +) / Float(line.count) }
    return lines.sorted { meanCentreY($0) < meanCentreY($1) }
        .map { $0.sorted { $0.centreX < $1.centreX } }
}

extension DigitSelection {
    var centreX: Float { Float(minX + maxX) / 2 }
    var centreY: Float { Float(minY + maxY) / 2 }

    /// Both regions as one: their components, the union of their boxes, their summed mass.
    func merged(with other: DigitSelection) -> DigitSelection {
        DigitSelection(labels: labels + other.labels, minX: min(minX, other.minX), minY: min(minY, other.minY),
                       maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY), mass: mass + other.mass,
                       otherCandidates: 0)
    }
}
