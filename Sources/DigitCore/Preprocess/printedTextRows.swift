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
