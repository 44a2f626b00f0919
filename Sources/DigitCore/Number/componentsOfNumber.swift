/// The components of `page` a number is read from (`segmentDigits`): on a form (`page`'s printed
/// boxes, `CleanedPage.printedBoxes`, and answer lines, `CleanedPage.answerLines`) where something
/// is written in a box (a mark reaching the high threshold with its centre inside, at least
/// `boxFillShare` of the box's height tall) or, when no box holds anything, on an answer line
/// (`numberFieldsOnLines`), the components lying mostly in such boxes or lines' fields
/// (`mostlyLiesIn`): the labels, titles and
/// instructions printed around them are not part of the number. On a form whose boxes and lines
/// are all empty, every component but the printed labels beside them (`isLabelOfEmptyBox`,
/// `isLabelOfEmptyAnswerLine`, asked of each component reaching the high threshold alone and of
/// each row of print, `printedTextRows`, as one: a word's far letters stand beside the box only
/// with the rest of their word).
/// Otherwise (no box or answer line found) all of them.
func componentsOfNumber(_ page: CleanedPage) -> [InkComponent] {
    let boxes = page.printedBoxes
    guard !boxes.isEmpty || !page.answerLines.isEmpty else { return page.components }
    let pageMarks = marks(page.components, rules: DigitSelectionRules(width: page.cleaned.width,
                                                                      height: page.cleaned.height))
    let rows = printedTextRows(pageMarks)
    var holding = boxes.filter { holdsMark($0, components: page.components, tallerThan: boxFillShare) }
    // Boxes first, as `chooseDigit` takes them: a label above a box stands on its top side when
    // the box was not found as a rectangle.
    if holding.isEmpty { holding = numberFieldsOnLines(page, marks: pageMarks, rows: rows) }
    guard holding.isEmpty else {
        return page.components.filter { c in holding.contains { mostlyLiesIn(c, $0) } }
    }
    let units = rows.map { DigitSelection($0) } + page.components.filter(\.reachesHigh).map { DigitSelection([$0]) }
    let labels = Set(units.filter {
        isLabelOfEmptyBox($0, boxes: boxes, lines: page.printedLines, components: page.components)
            || isLabelOfEmptyAnswerLine($0, answerLines: page.answerLines, lines: page.printedLines,
                                        components: page.components)
    }.flatMap(\.labels))
    return page.components.filter { !labels.contains($0.label) }
}

/// The fields of `page`'s answer lines (`CleanedPage.answerLines`) on which something is written
/// (`marksWrittenOnLines`, each mark of a number alone: its neighbours are its fellow digits; not a
/// letter of a row of print, `printedTextRows`, such as a label above a box whose top side was taken
/// for an answer line; not cut by the frame's edge, as print along a photo's edge is; not on a line
/// along the frame's top or bottom edge, a photographed page's edge): per
/// such line, its field (`field(of:at:top:height:)`) for the tallest written mark's height from the
/// highest one's top, as `answerLineField` makes a digit's. `marks`: the page's marks; `rows`: the
/// rows of print among them.
func numberFieldsOnLines(_ page: CleanedPage, marks pageMarks: [InkComponent], rows: [[InkComponent]]) -> [PixelBox] {
    let print = Set(rows.flatMap { $0.map(\.label) })
    let frameHeight = Float(page.cleaned.height)
    return page.answerLines.compactMap { line in
        // A line along the frame's top or bottom edge is the edge of a photographed page.
        let lineY = line.across(at: Float(line.start + line.end) / 2), reach = line.thickness + 2
        guard lineY > reach, lineY < frameHeight - 1 - reach else { return nil }
        let written = pageMarks.filter {
            !$0.touchesBorder && !print.contains($0.label) && isWritten($0, on: line, among: page.printedLines)
        }
        guard let top = written.map(\.minY).min(), let tallest = written.map(\.boxHeight).max() else { return nil }
        return field(of: line, at: lineY, top: top, height: Float(tallest))
    }
}

extension DigitSelection {
    /// `marks` (at least one) taken together.
    init(_ marks: [InkComponent]) {
        self.init(labels: marks.map(\.label), minX: marks.map(\.minX).min()!, minY: marks.map(\.minY).min()!,
                  maxX: marks.map(\.maxX).max()!, maxY: marks.map(\.maxY).max()!,
                  mass: marks.reduce(0) { $0 + $1.mass }, otherCandidates: 0)
    }
}
