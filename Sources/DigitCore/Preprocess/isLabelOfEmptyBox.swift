/// Whether the digit chosen (`selection`) is the printed label of one of a form's empty boxes
/// (`boxes`, their insides: `CleanedPage.printedBoxes`): it does not lie between two of the
/// page's printed `lines` (`liesBetweenLines`), lies wholly outside every box, beside an empty one
/// (`isEmptyBox` among `components`), and is at most `boxLabelHeightShare` of that box's height
/// tall. Beside: level with the box (their vertical extents overlapping) and at most half the
/// box's height left or right of it, or in line with it (their horizontal extents overlapping) and
/// at most half its height above or below.
/// A form's box is drawn to hold handwriting, and its label is set in type beside it, shorter
/// than the box; on an empty form the label is the heaviest mark, and a word joined into one mark
/// ("Age", "Shift") or a large capital was read as a digit.
func isLabelOfEmptyBox(_ selection: DigitSelection, boxes: [PixelBox], lines: [LineSegment],
                       components: [InkComponent]) -> Bool {
    boxes.allSatisfy { selection.liesOutside($0) } && boxes.contains { box in
        Float(selection.boxHeight) <= boxLabelHeightShare * Float(box.height)
            && selection.standsBeside(box) && isEmptyBox(box, components: components)
    } && !selection.liesBetweenLines(lines)
}

/// `isLabelOfEmptyBox` among `page`'s components, with the boxes and lines the first look at the
/// frame found (`firstLook`: the later looks' pages have no boxes); false without one.
func isLabelOfEmptyBox(_ selection: DigitSelection, page: CleanedPage, firstLook: FirstLook?) -> Bool {
    guard let look = firstLook else { return false }
    return isLabelOfEmptyBox(selection, boxes: look.printedBoxes, lines: look.printedLines, components: page.components)
}

/// Whether nothing is written in `box` (a box's inside): it holds no mark a quarter of its height
/// tall (`holdsMark`).
func isEmptyBox(_ box: PixelBox, components: [InkComponent]) -> Bool {
    !holdsMark(box, components: components, tallerThan: 0.25)
}

/// Whether a mark of `components` reaching the high threshold has its centre inside `box` (a box's
/// inside) and is at least `share` of the box's height tall.
func holdsMark(_ box: PixelBox, components: [InkComponent], tallerThan share: Float) -> Bool {
    components.contains { $0.reachesHigh && centreLiesIn($0, box) && Float($0.boxHeight) >= share * Float(box.height) }
}

extension DigitSelection {
    /// Whether a horizontal line of `lines` runs above it and another below it, each within its
    /// height and across the middle of its width: it stands in a row of boxes whose box around it
    /// was not found as a rectangle (its top and bottom joined to the neighbours'), not beside one.
    func liesBetweenLines(_ lines: [LineSegment]) -> Bool {
        let middle = Float(minX + maxX) / 2, reach = Float(boxHeight)
        let crossing = lines.filter { $0.axis == .horizontal && Float($0.start) <= middle && Float($0.end) >= middle }
            .map { $0.across(at: middle) }
        return crossing.contains { $0 < Float(minY) && Float(minY) - $0 <= reach }
            && crossing.contains { $0 > Float(maxY) && $0 - Float(maxY) <= reach }
    }

    /// Whether it stands beside `box` as the box's label would (`isLabelOfEmptyBox`).
    func standsBeside(_ box: PixelBox) -> Bool {
        let reach = box.height / 2
        let gapAcross = max(box.x - maxX, minX - (box.x + box.width - 1))
        let gapDown = max(box.y - maxY, minY - (box.y + box.height - 1))
        let level = minY < box.y + box.height && maxY >= box.y
        let inLine = minX < box.x + box.width && maxX >= box.x
        return (level && gapAcross > 0 && gapAcross <= reach) || (inLine && gapDown > 0 && gapDown <= reach)
    }
}

/// How tall, against its box, a box's printed label may be (`isLabelOfEmptyBox`).
let boxLabelHeightShare: Float = 0.75
