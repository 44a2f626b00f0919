/// The labels of `candidates` written in one of a form's `boxes` (`CleanedPage.printedBoxes`, their
/// insides; `isWrittenIn`), but for print: a mark at least `printedWordAspect` times as wide as
/// tall (letters run together), or one standing beside another of the page's `marks` in the same
/// box as the letters of a word do (`areNeighbouringLetters`: a caption printed inside its box; or
/// a number's digits, read then as on a page without boxes).
func marksWrittenInBoxes(_ candidates: [InkComponent], boxes: [PixelBox], marks: [InkComponent]) -> Set<Int> {
    guard !boxes.isEmpty else { return [] }
    return Set(candidates.filter { mark in
        guard Float(mark.boxWidth) < printedWordAspect * Float(mark.boxHeight),
              let box = boxHolding(mark, among: boxes) else { return false }
        return !marks.contains { $0.label != mark.label && !$0.liesOutside(box) && areNeighbouringLetters($0, mark) }
    }.map(\.label))
}

/// The digit written in one of `page`'s boxes (`CleanedPage.printedBoxes`), chosen among
/// `candidates` (`chooseDigit`'s) that lie mostly in its box (`mostlyLiesIn`: a label printed
/// just outside it is not merged into the digit), seeded by a mark written
/// there (`marksWrittenInBoxes`, among the page's `marks`); the box holding the heaviest such mark
/// is tried first. A flat bar or a printed word chosen so is set aside as in `chooseDigit`. `nil`
/// when no box holds a digit.
func chooseDigitWrittenInBox(_ candidates: [InkComponent], page: CleanedPage, marks: [InkComponent],
                             acceptingLoneMark: Bool) -> DigitSelection? {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    var written = marksWrittenInBoxes(candidates, boxes: page.printedBoxes, marks: marks)
    var candidates = candidates
    while let heaviest = candidates.filter({ written.contains($0.label) }).max(by: { $0.mass < $1.mass }),
          let box = boxHolding(heaviest, among: page.printedBoxes) {
        let inBox = candidates.filter { mostlyLiesIn($0, box) }
        let seeds = Set(inBox.map(\.label)).intersection(written)
        if var chosen = selectDigit(inBox, width: width, height: height, acceptingLoneMark: acceptingLoneMark, seeds: seeds),
           !isFlatBar(width: chosen.boxWidth, height: chosen.boxHeight),
           !isPrintedWord(width: chosen.boxWidth, height: chosen.boxHeight, frameSide: min(width, height)) {
            chosen.writtenIn = box
            return chosen
        }
        // Tried: its seeds (and the heaviest, should it not lie mostly in its box) are no longer.
        let tried = seeds.union([heaviest.label])
        written.subtract(tried)
        candidates.removeAll { tried.contains($0.label) }
    }
    return nil
}

/// The smallest of a form's boxes (`CleanedPage.printedBoxes`, their insides) that `mark` is
/// written in (`isWrittenIn`), or `nil`.
func boxHolding(_ mark: InkComponent, among boxes: [PixelBox]) -> PixelBox? {
    boxes.filter { isWrittenIn(mark, $0) }.min { $0.width * $0.height < $1.width * $1.height }
}

/// Whether `mark` is written in the box whose inside is `box`: the centre of its own box lies
/// inside, it stays within `boxOverflow` of the box's size past each side (a digit may run over
/// its box a little), and it is substantial there, at least `boxFillShare` of the box's height
/// (what is left of the box's own corners and stubs, or a speck in it, is not).
func isWrittenIn(_ mark: InkComponent, _ box: PixelBox) -> Bool {
    let room = grown(box, by: boxOverflow)
    guard centreLiesIn(mark, box), mark.minX >= room.x, mark.maxX < room.x + room.width,
          mark.minY >= room.y, mark.maxY < room.y + room.height else { return false }
    return Float(mark.boxHeight) >= boxFillShare * Float(box.height)
}

/// Whether the centre of `mark`'s box lies in `box`.
func centreLiesIn(_ mark: InkComponent, _ box: PixelBox) -> Bool {
    let centreX = (mark.minX + mark.maxX) / 2, centreY = (mark.minY + mark.maxY) / 2
    return centreX >= box.x && centreX < box.x + box.width && centreY >= box.y && centreY < box.y + box.height
}

/// `box` grown on each side by `share` of its size that way.
func grown(_ box: PixelBox, by share: Float) -> PixelBox {
    let dx = Int(share * Float(box.width)), dy = Int(share * Float(box.height))
    return PixelBox(x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy)
}

/// Whether most of `mark`'s box (over half its area) lies in `region`.
func mostlyLiesIn(_ mark: InkComponent, _ region: PixelBox) -> Bool {
    let overlapWidth = min(mark.maxX, region.x + region.width - 1) - max(mark.minX, region.x) + 1
    let overlapHeight = min(mark.maxY, region.y + region.height - 1) - max(mark.minY, region.y) + 1
    return overlapWidth > 0 && overlapHeight > 0 && 2 * overlapWidth * overlapHeight > mark.boxWidth * mark.boxHeight
}

/// How far past each side of its box a mark written in it may run, as a share of the box's size
/// that way (`isWrittenIn`).
let boxOverflow: Float = 0.25
/// The least share of its box's height a mark written in it fills (`isWrittenIn`).
let boxFillShare: Float = 0.3
