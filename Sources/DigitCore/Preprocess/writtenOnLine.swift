/// The digit written on one of `page`'s answer lines (`CleanedPage.answerLines`), chosen among
/// `candidates` (`chooseDigit`'s) that lie mostly in the line's field (`answerLineField`: a label
/// printed before the line, a title above it, are not merged into the digit), seeded by a mark
/// written there (`marksWrittenOnLines`, among the page's `marks`); the heaviest such mark is tried
/// first. A flat bar or a printed word chosen so is set aside as in `chooseDigit`. `nil` when no
/// line holds a digit.
///
/// Why: on a form's answer line ("Shift: ____"), a label or a title set in bold type outweighs a
/// digit written in pencil on the line; chosen by weight alone, a word of the title was read, or
/// refused among its letters ("no digit found" on a clear 7 written on the line).
func chooseDigitWrittenOnLine(_ candidates: [InkComponent], page: CleanedPage, marks: [InkComponent],
                              acceptingLoneMark: Bool) -> DigitSelection? {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    var written = marksWrittenOnLines(candidates, lines: page.answerLines, allLines: page.printedLines, marks: marks)
    var candidates = candidates
    while let heaviest = candidates.filter({ written.contains($0.label) }).max(by: { $0.mass < $1.mass }) {
        let seedSelection = DigitSelection(labels: [heaviest.label], minX: heaviest.minX, minY: heaviest.minY,
                                           maxX: heaviest.maxX, maxY: heaviest.maxY, mass: heaviest.mass, otherCandidates: 0)
        var tried: Set<Int> = [heaviest.label]
        if let field = answerLineField(of: seedSelection, answerLines: page.answerLines) {
            let inField = candidates.filter { mostlyLiesIn($0, field) }
            let seeds = Set(inField.map(\.label)).intersection(written)
            tried.formUnion(seeds)
            if var chosen = selectDigit(inField, width: width, height: height, acceptingLoneMark: acceptingLoneMark, seeds: seeds),
               !isFlatBar(width: chosen.boxWidth, height: chosen.boxHeight),
               !isPrintedWord(width: chosen.boxWidth, height: chosen.boxHeight, frameSide: min(width, height)) {
                chosen.writtenIn = answerLineField(of: chosen, answerLines: page.answerLines) ?? field
                return chosen
            }
        }
        written.subtract(tried)
        candidates.removeAll { tried.contains($0.label) }
    }
    return nil
}

/// The labels of `candidates` written on one of the answer `lines` (`standsOn`), at least
/// `minimumWrittenHeight` px tall, the line alone at their height (no other of `allLines`, the
/// page's printed lines, runs level with it within their height above or below: ruled paper's
/// lines, found in pieces, come a line's spacing apart); but for print: a mark at least
/// `printedWordAspect` times as wide as tall, or one standing beside another of the page's `marks`
/// as the letters of a word do (`areNeighbouringLetters`: a word written on the line, or a number's
/// digits, read then as on a page without lines).
func marksWrittenOnLines(_ candidates: [InkComponent], lines: [LineSegment], allLines: [LineSegment],
                         marks: [InkComponent]) -> Set<Int> {
    guard !lines.isEmpty else { return [] }
    return Set(candidates.filter { mark in
        lines.contains { isWritten(mark, on: $0, among: allLines) }
            && !marks.contains { $0.label != mark.label && areNeighbouringLetters($0, mark) }
    }.map(\.label))
}

/// Whether `mark` is written on answer line `line` as `marksWrittenOnLines` says, its neighbours
/// apart: under `printedWordAspect` times as wide as tall, `minimumWrittenHeight` px tall or more,
/// standing on the line (`standsOn`), the line alone at its height among `allLines` (`isAlone`).
func isWritten(_ mark: InkComponent, on line: LineSegment, among allLines: [LineSegment]) -> Bool {
    Float(mark.boxWidth) < printedWordAspect * Float(mark.boxHeight) && mark.boxHeight >= minimumWrittenHeight
        && mark.standsOn(line) && isAlone(line, among: allLines, over: mark.minX...mark.maxX, within: Float(mark.boxHeight))
}

/// Whether no other of `lines` runs beside `line` (horizontal) over the columns `xs` within
/// `height` px above or below it.
func isAlone(_ line: LineSegment, among lines: [LineSegment], over xs: ClosedRange<Int>, within height: Float) -> Bool {
    let centreX = Float(xs.lowerBound + xs.upperBound) / 2, y = line.across(at: centreX)
    return !lines.contains { other in
        other != line && other.axis == .horizontal && other.start <= xs.upperBound && other.end >= xs.lowerBound
            && abs(other.across(at: centreX) - y) <= height
    }
}

/// The shortest mark (px) taken for one written on an answer line (`marksWrittenOnLines`): a speck
/// or a stub of the line itself is not.
let minimumWrittenHeight = 8
