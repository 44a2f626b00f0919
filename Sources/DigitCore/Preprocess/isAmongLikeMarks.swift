/// Whether the digit chosen (`selection`) is small in its frame and only one of several marks
/// alike in weight scattered over the page (`components`, labelled on a `width × height` image):
/// its longer side under `smallInFrameFraction` of the frame's shorter side, and another mark
/// inside the frame (reaching the high threshold, not a speck by `DigitSelectionRules.speckArea`,
/// not the edge's own, not a filled blob, not a comb's tick by `printedTicks`, not a letter of a
/// printed label by `printedTextMarks`) weighing at least
/// `likeMarkMassRatio` of it, that does not stand beside it as the next digit of a number would
/// (`isNeighbouringCharacter`). A digit written small on a large page is the one thing on it a
/// person looks at; hairs and fibres on a blank scan are several, alike, anywhere, and the one the
/// selection took is merely the heaviest.
func isAmongLikeMarks(_ selection: DigitSelection, components: [InkComponent], width: Int, height: Int) -> Bool {
    let side = max(selection.boxWidth, selection.boxHeight)
    guard Float(side) < smallInFrameFraction * Float(min(width, height)) else { return false }
    let chosen = Set(selection.labels)
    let ticks = printedTicks(components)
    let pageMarks = marks(components, rules: DigitSelectionRules(width: width, height: height))
    let print = printedTextMarks(pageMarks, apartFrom: chosen, shorterThan: selection.boxHeight)
    return pageMarks.contains {
        !chosen.contains($0.label) && !ticks.contains($0.label) && !print.contains($0.label)
            && !$0.touchesBorder && !isEdgeJunk($0, width: width, height: height)
            && !isSolidBlob($0) && $0.mass >= likeMarkMassRatio * selection.mass
            && !isNeighbouringCharacter($0, of: selection)
    }
}

/// Whether `mark` stands where the next digit of a number written with `selection` would: in the
/// same row (their vertical extents overlapping by half the shorter) within one digit height
/// across, or in the same column (horizontal extents overlapping by half the narrower) within
/// one digit height above or below.
func isNeighbouringCharacter(_ mark: InkComponent, of selection: DigitSelection) -> Bool {
    let reach = max(selection.boxHeight, mark.boxHeight)
    let rowOverlap = min(mark.maxY, selection.maxY) - max(mark.minY, selection.minY) + 1
    let columnOverlap = min(mark.maxX, selection.maxX) - max(mark.minX, selection.minX) + 1
    let gapAcross = max(mark.minX - selection.maxX, selection.minX - mark.maxX)
    let gapDown = max(mark.minY - selection.maxY, selection.minY - mark.maxY)
    let sameRow = 2 * rowOverlap >= min(mark.boxHeight, selection.boxHeight) && gapAcross <= reach
    let sameColumn = 2 * columnOverlap >= min(mark.boxWidth, selection.boxWidth) && gapDown <= reach
    return sameRow || sameColumn
}

/// Marks whose longer side is under this fraction of the frame's shorter side are small in it
/// (`isAmongLikeMarks`).
let smallInFrameFraction: Float = 0.25

/// How heavy, against the digit, another mark must be to be alike (`isAmongLikeMarks`).
let likeMarkMassRatio: Float = 0.5
