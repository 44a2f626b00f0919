/// The labels of `marks` that stand in lines of print beside the digit chosen (its components'
/// labels `chosen`, `height` px tall), which are then not dust, like marks or scattered marks
/// around it (`isOutweighedByDust`, `isAmongLikeMarks`, `isAmongScatteredMarks`): the rows of print
/// (`printedTextRows`) that hold none of the chosen components and whose tallest mark is shorter
/// than the digit by `printSmallerThanDigit`.
///
/// Why: a form's label ("Age:", "Group", a title) is a row of small, heavy letters, each over a
/// fifth of a thin written digit's ink, so they passed for dust around the digit ("no digit found"
/// on a clear 6 in a box labelled "Group:"). A row that holds the chosen mark, or whose letters are
/// as tall as it, is left to those rules: the mark is then a letter of the print itself (a capital
/// taller than its word's lower-case letters stands apart from their row), refused among its
/// fellows as before.
func printedTextMarks(_ marks: [InkComponent], apartFrom chosen: Set<Int>, shorterThan height: Int) -> Set<Int> {
    Set(printedTextRows(marks).filter { row in
        !row.contains { chosen.contains($0.label) }
            && printSmallerThanDigit * Float(row.map(\.boxHeight).max() ?? 0) < Float(height)
    }.flatMap { $0.map(\.label) })
}

/// The rows of print among `marks`, each as its marks: marks each next to another as the letters
/// of a word are (`areNeighbouringLetters`), at least `textLineMinimumMarks` of them, or fewer
/// run together by blur into a row at least `printedWordAspect` times as wide as tall ("Quanti"
/// and "ty"). Marks under `textLetterMinimumHeight` px do not count, nor do specks (the caller's
/// `marks`, `DigitSelectionRules.speckArea`). Dust lies anywhere; letters of print stand in a row,
/// alike in height, close together. A number's digits stand so too: `chooseDigit` sets aside only
/// rows small on the page (`isSmallPrint`), and the rules around a chosen digit only rows shorter
/// than it (`printedTextMarks`).
func printedTextRows(_ marks: [InkComponent]) -> [[InkComponent]] {
    let letters = marks.filter { $0.boxHeight >= textLetterMinimumHeight }.sorted { $0.minX < $1.minX }
    guard letters.count >= 2, let tallest = letters.map(\.boxHeight).max() else { return [] }
    // No two letters further apart than this across are neighbours: a page of noise has thousands of marks.
    let reach = Int((textLetterGap * Float(tallest)).rounded(.up)) + 1
    // Rows: marks linked by neighbouring pairs (union–find over the letters).
    var parent = Array(letters.indices)
    func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    for i in letters.indices {
        for j in (i + 1)..<letters.count {
            guard letters[j].minX - letters[i].maxX <= reach else { break }
            if areNeighbouringLetters(letters[i], letters[j]) { parent[root(i)] = root(j) }
        }
    }
    let groups = Dictionary(grouping: letters.indices, by: root).values
    let rows = groups.filter { group in
        guard group.count >= 2 else { return false }
        let row = group.map { letters[$0] }
        let width = row.map(\.maxX).max()! - row.map(\.minX).min()! + 1
        let height = row.map(\.maxY).max()! - row.map(\.minY).min()! + 1
        return row.count >= textLineMinimumMarks || Float(width) >= printedWordAspect * Float(height)
    }
    return rows.map { $0.map { letters[$0] } }
}

/// Whether `a` and `b` stand as neighbouring letters of a printed word: heights within
/// `textLetterHeightRatio` of each other (a capital beside a lower-case letter, a descender),
/// their vertical extents overlapping by half the shorter, and the gap between them at most
/// `textLetterGap` of the taller's height.
func areNeighbouringLetters(_ a: InkComponent, _ b: InkComponent) -> Bool {
    let (short, tall) = (Float(min(a.boxHeight, b.boxHeight)), Float(max(a.boxHeight, b.boxHeight)))
    guard tall <= textLetterHeightRatio * short else { return false }
    let overlap = Float(min(a.maxY, b.maxY) - max(a.minY, b.minY) + 1)
    let gap = Float(max(a.minX - b.maxX, b.minX - a.maxX) - 1)
    return 2 * overlap >= short && gap <= textLetterGap * tall
}

/// Whether a mark (or marks chosen together) `width × height` px in a frame whose shorter side is
/// `frameSide` px is a printed word: small in the frame (`isSmallPrint`) and at least
/// `printedWordAspect` times as wide as tall. No digit is that wide (`isFlatBar`); a label's
/// letters run together by blur are.
func isPrintedWord(width: Int, height: Int, frameSide: Int) -> Bool {
    isSmallPrint(height: height, frameSide: frameSide) && Float(width) >= printedWordAspect * Float(height)
}

/// Whether a mark `height` px tall is small enough, in a frame whose shorter side is `frameSide`
/// px, to be print on a form: under `printedTextHeightFraction` of that side. A form's labels are
/// a line of type; a digit written in one of its boxes, or photographed alone, stands taller.
func isSmallPrint(height: Int, frameSide: Int) -> Bool {
    Float(height) < printedTextHeightFraction * Float(frameSide)
}

/// How many times taller than a row of print's tallest mark the digit beside it must be for the
/// row not to count against it (`printedTextMarks`): a label's capitals and ascenders against a
/// digit written in the box beside it.
let printSmallerThanDigit: Float = 1.3

/// The fewest marks in a row that make a line of print (`printedTextRows`).
let textLineMinimumMarks = 3

/// How many times as wide as tall a row of marks, or a mark, must be to be a printed word.
let printedWordAspect: Float = 2

/// How much taller one letter of a word may be than its neighbour (`areNeighbouringLetters`): a
/// capital or an ascender beside an x-height letter is about 1.4 times taller.
let textLetterHeightRatio: Float = 1.6

/// The widest gap between neighbouring letters, in the taller's height (`areNeighbouringLetters`):
/// letters of a word are a fifth of their height apart or less, words about half.
let textLetterGap: Float = 0.75

/// The least height (px) of a mark that counts as a letter of print (`printedTextRows`).
let textLetterMinimumHeight = 5

/// The share of the frame's shorter side under which a row of print is small on its page
/// (`isSmallPrint`).
let printedTextHeightFraction: Float = 0.1

/// Where `page` holds rows of small print (`printedTextRows`, `isSmallPrint`): each row's box, grown
/// on every side by half its height (a blurred look's letters spread past their sharp outline).
func smallPrintRegions(_ page: CleanedPage) -> [PixelBox] {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    return printedTextRows(marks(page.components, rules: DigitSelectionRules(width: width, height: height)))
        .filter { row in isSmallPrint(height: row.map(\.boxHeight).max() ?? 0, frameSide: min(width, height)) }
        .map { row in
            let minX = row.map(\.minX).min()!, maxX = row.map(\.maxX).max()!
            let minY = row.map(\.minY).min()!, maxY = row.map(\.maxY).max()!
            let margin = (maxY - minY + 1) / 2
            return PixelBox(x: minX - margin, y: minY - margin, width: maxX - minX + 1 + 2 * margin,
                            height: maxY - minY + 1 + 2 * margin)
        }
}

/// Whether most of `mark`'s box (over half its area) lies in one of `regions`.
func liesInPrint(_ mark: InkComponent, _ regions: [PixelBox]) -> Bool {
    regions.contains { region in
        let overlapWidth = min(mark.maxX, region.x + region.width - 1) - max(mark.minX, region.x) + 1
        let overlapHeight = min(mark.maxY, region.y + region.height - 1) - max(mark.minY, region.y) + 1
        return overlapWidth > 0 && overlapHeight > 0 && 2 * overlapWidth * overlapHeight > mark.boxWidth * mark.boxHeight
    }
}
