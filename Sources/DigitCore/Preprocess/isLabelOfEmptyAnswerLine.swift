/// Whether the digit chosen (`selection`) is the printed label before an empty one of
/// `answerLines` (`answerLines` among the page's printed `lines`, `CleanedPage.printedLines`). It stands
/// on no answer line (`standsOn`), and ends at most its own height before the start of one that
/// - is level with its foot: the line's start at most `labelFootReach` of `selection`'s height
///   above its bottom, at most half that height below;
/// - is at least `answerLineLength` times as long as `selection` is tall, and alone at its height
///   (`isAlone`): a line drawn to hold handwriting, not a piece of a ruled line a digit broke, a
///   shadow's edge or the next row of lined paper;
/// - is empty: nothing among `components` half as tall as `selection` or more stands on it.
///
/// Why: a form's answer line is drawn to hold handwriting, and its label is set in type before it;
/// on an empty form the label is the heaviest mark, and a word joined into one mark or a large
/// capital was read as a digit (as beside an empty box, `isLabelOfEmptyBox`).
func isLabelOfEmptyAnswerLine(_ selection: DigitSelection, answerLines: [LineSegment], lines: [LineSegment],
                              components: [InkComponent]) -> Bool {
    guard !answerLines.contains(where: { selection.standsOn($0) }) else { return false }
    let height = Float(selection.boxHeight), foot = Float(selection.maxY)
    return answerLines.contains { line in
        let gap = line.start - selection.maxX
        guard gap > 0, Float(gap) <= height, Float(line.length) >= answerLineLength * height,
              line.acrossAtStart >= foot - labelFootReach * height, line.acrossAtStart <= foot + height / 2,
              isAlone(line, among: lines, over: line.start...line.end, within: height) else { return false }
        return !components.contains { $0.reachesHigh && 2 * Float($0.boxHeight) >= height && $0.standsOn(line) }
    }
}

/// `isLabelOfEmptyAnswerLine` among `page`'s components, with the lines and answer lines the first
/// look at the frame found (`firstLook`); false without one. A selection that is a letter of a row of print
/// (`printedTextRows`) is judged with its row, as one label: the first letter of "Room" stands
/// before the line only with the rest of its word.
func isLabelOfEmptyAnswerLine(_ selection: DigitSelection, page: CleanedPage, firstLook: FirstLook?) -> Bool {
    guard let look = firstLook, !look.answerLines.isEmpty else { return false }
    let pageMarks = marks(page.components, rules: DigitSelectionRules(width: page.cleaned.width, height: page.cleaned.height))
    var label = selection
    if let row = printedTextRows(pageMarks).first(where: { $0.contains { selection.labels.contains($0.label) } }) {
        label.minX = min(label.minX, row.map(\.minX).min()!); label.maxX = max(label.maxX, row.map(\.maxX).max()!)
        label.minY = min(label.minY, row.map(\.minY).min()!); label.maxY = max(label.maxY, row.map(\.maxY).max()!)
    }
    return isLabelOfEmptyAnswerLine(label, answerLines: look.answerLines, lines: look.printedLines,
                                    components: page.components)
}

/// How far above a label's foot the answer line after it may lie, as a share of the label's height
/// (`isLabelOfEmptyAnswerLine`): a label is printed on the line's level.
let labelFootReach: Float = 0.25
/// How long an empty answer line is at least, in the height of the label before it
/// (`isLabelOfEmptyAnswerLine`).
let answerLineLength: Float = 2
