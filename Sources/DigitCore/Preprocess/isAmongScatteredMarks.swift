/// Whether the digit chosen (`selection`) is only one of many marks scattered over the page
/// (`components`, labelled on a `width × height` image): at least `scatteredMarkCount` other
/// marks (reaching the high threshold, not specks by `DigitSelectionRules.speckArea`, not letters
/// of print by `printedTextMarks`: a form's title and instructions) and under
/// `scatteredMassShare` of all their ink in the digit. That is noise or texture (salt and pepper,
/// film grain, clumps of toner), whichever clump of it came out heaviest; a written digit is the
/// heaviest mark on its page by far, with a few specks or an edge strip beside it (in
/// bench/realworld's digit images it holds over 95% of the ink, or a few marks besides).
func isAmongScatteredMarks(_ selection: DigitSelection, components: [InkComponent], width: Int, height: Int) -> Bool {
    let pageMarks = marks(components, rules: DigitSelectionRules(width: width, height: height))
    let chosen = Set(selection.labels)
    let print = printedTextMarks(pageMarks, apartFrom: chosen, shorterThan: selection.boxHeight)
    let others = pageMarks.filter { !chosen.contains($0.label) && !print.contains($0.label) }.count
    let total = pageMarks.reduce(Float(0)) { $0 + $1.mass }
    return others >= scatteredMarkCount && selection.mass < scatteredMassShare * total
}

/// How many other marks, and what share of the ink, make a page of scattered marks
/// (`isAmongScatteredMarks`).
let scatteredMarkCount = 15
let scatteredMassShare: Float = 0.2
