/// Whether the digit chosen (`selection`) is too light beside the small marks around it
/// (`components`, labelled on a `width × height` image) to be a written digit: at least two marks
/// (reaching the high threshold, not specks by `DigitSelectionRules.speckArea`, inside the frame,
/// their longer side under half the digit's) each weigh at least `dustMassRatio` of it. A digit is
/// drawn in ink a person sees at a glance and weighs many times any speck of dust beside it (in
/// bench/realworld's digit images, the second-heaviest such mark weighs at most 8% of the digit);
/// on a blank scan the heaviest mark with a stroke's structure is a hair among specks about as
/// heavy as it. Two marks, not one: a single blot beside a digit does not make it dust. Marks as
/// large as half the digit (the other digits of a number, a form's lines) and filled blobs of 20 px
/// or more (`isSolidBlob`: punched holes, ink blots, which are not dust) and a comb's ticks
/// (`printedTicks`: structure, as light as a digit's stroke each) and the letters of a printed
/// label beside its box (`printedTextMarks`: a row of marks alike, close together) are not counted.
func isOutweighedByDust(_ selection: DigitSelection, components: [InkComponent], width: Int, height: Int) -> Bool {
    let side = max(selection.boxWidth, selection.boxHeight)
    let chosen = Set(selection.labels)
    let ticks = printedTicks(components)
    let pageMarks = marks(components, rules: DigitSelectionRules(width: width, height: height))
    let print = printedTextMarks(pageMarks, apartFrom: chosen, shorterThan: selection.boxHeight)
    let heavyDust = pageMarks.filter {
        !chosen.contains($0.label) && !ticks.contains($0.label) && !print.contains($0.label)
            && !$0.touchesBorder && 2 * max($0.boxWidth, $0.boxHeight) < side
            && !isSolidBlob($0) && $0.mass >= dustMassRatio * selection.mass
    }
    return heavyDust.count >= 2
}

/// How heavy, against the digit, a small mark must be to count against it (`isOutweighedByDust`).
let dustMassRatio: Float = 0.2
