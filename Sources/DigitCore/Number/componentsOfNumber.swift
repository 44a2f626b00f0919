/// The components of `page` a number is read from (`segmentDigits`): on a form (`page`'s printed
/// boxes, `CleanedPage.printedBoxes`) where something is written in a box (a mark reaching the high
/// threshold with its centre inside, at least `boxFillShare` of the box's height tall), the
/// components lying mostly in such boxes (`mostlyLiesIn`): the labels, titles and instructions
/// printed around the boxes are not part of the number. On a form whose boxes are all empty, every
/// component but the printed labels beside them (`isLabelOfEmptyBox`, asked of each component
/// reaching the high threshold alone and of each row of print, `printedTextRows`, as one: a word's
/// far letters stand beside the box only with the rest of their word).
/// Otherwise (no box found) all of them.
func componentsOfNumber(_ page: CleanedPage) -> [InkComponent] {
    let boxes = page.printedBoxes
    guard !boxes.isEmpty else { return page.components }
    let holding = boxes.filter { box in
        page.components.contains {
            $0.reachesHigh && centreLiesIn($0, box) && Float($0.boxHeight) >= boxFillShare * Float(box.height)
        }
    }
    guard holding.isEmpty else {
        return page.components.filter { c in holding.contains { mostlyLiesIn(c, $0) } }
    }
    let pageMarks = marks(page.components, rules: DigitSelectionRules(width: page.cleaned.width,
                                                                      height: page.cleaned.height))
    let rows = printedTextRows(pageMarks)
    let units = rows.map { DigitSelection($0) } + page.components.filter(\.reachesHigh).map { DigitSelection([$0]) }
    let labels = Set(units.filter {
        isLabelOfEmptyBox($0, boxes: boxes, lines: page.printedLines, components: page.components)
    }.flatMap(\.labels))
    return page.components.filter { !labels.contains($0.label) }
}

extension DigitSelection {
    /// `marks` (at least one) taken together.
    init(_ marks: [InkComponent]) {
        self.init(labels: marks.map(\.label), minX: marks.map(\.minX).min()!, minY: marks.map(\.minY).min()!,
                  maxX: marks.map(\.maxX).max()!, maxY: marks.map(\.maxY).max()!,
                  mass: marks.reduce(0) { $0 + $1.mass }, otherCandidates: 0)
    }
}
