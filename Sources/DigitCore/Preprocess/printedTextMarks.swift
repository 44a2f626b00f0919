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

/// How many times taller than a row of print's tallest mark the digit beside it must be for the
/// row not to count against it (`printedTextMarks`): a label's capitals and ascenders against a
/// digit written in the box beside it.
let printSmallerThanDigit: Float = 1.3
