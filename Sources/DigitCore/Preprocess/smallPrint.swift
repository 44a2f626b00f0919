/// The rows of print among a page's `marks` (`printedTextRows`; the marks are the components that
/// reach the high threshold and are not specks, `marks(_:rules:)`) that are small on a page whose
/// shorter side is `frameSide` px (`isSmallPrint`, judged on the row's tallest mark): a form's
/// labels, never the digit (`chooseDigit`).
func smallPrintRows(_ marks: [InkComponent], frameSide: Int) -> [[InkComponent]] {
    printedTextRows(marks).filter { row in isSmallPrint(height: row.map(\.boxHeight).max() ?? 0, frameSide: frameSide) }
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

/// The share of the frame's shorter side under which a row of print is small on its page
/// (`isSmallPrint`).
let printedTextHeightFraction: Float = 0.1

/// Where `page` holds rows of small print (`smallPrintRows`): each row's box, grown
/// on every side by half its height (a blurred look's letters spread past their sharp outline).
func smallPrintRegions(_ page: CleanedPage) -> [PixelBox] {
    let (width, height) = (page.cleaned.width, page.cleaned.height)
    let pageMarks = marks(page.components, rules: DigitSelectionRules(width: width, height: height))
    return smallPrintRows(pageMarks, frameSide: min(width, height)).map { row in
        let minX = row.map(\.minX).min()!, maxX = row.map(\.maxX).max()!
        let minY = row.map(\.minY).min()!, maxY = row.map(\.maxY).max()!
        let margin = (maxY - minY + 1) / 2
        return PixelBox(x: minX - margin, y: minY - margin, width: maxX - minX + 1 + 2 * margin,
                        height: maxY - minY + 1 + 2 * margin)
    }
}

/// Whether most of `mark`'s box (over half its area) lies in one of `regions`.
func liesInPrint(_ mark: InkComponent, _ regions: [PixelBox]) -> Bool {
    regions.contains { mostlyLiesIn(mark, $0) }
}

/// The labels of `components` in rows of small print (`smallPrintRows`), or single printed words
/// (`isPrintedWord`: letters run together, at least `printedWordStrokes` stroke widths tall: a 5's
/// or a 7's detached bar is about one), beside which another mark stands at least
/// `printSmallerThanDigit` times taller than the row's tallest: a form's label beside the box a
/// number is written in (`segmentDigits`). A number written small on a page is a row of like marks
/// too, but nothing on the page stands taller than its digits.
func smallPrintBesideTallerMarks(_ components: [InkComponent], width: Int, height: Int) -> Set<Int> {
    let pageMarks = marks(components, rules: DigitSelectionRules(width: width, height: height))
    let words = pageMarks.filter {
        isPrintedWord(width: $0.boxWidth, height: $0.boxHeight, frameSide: min(width, height))
            && Float($0.boxHeight) >= printedWordStrokes * $0.strokeWidth
    }
    let rows = smallPrintRows(pageMarks, frameSide: min(width, height)) + words.map { [$0] }
    guard !rows.isEmpty else { return [] }
    var print = Set<Int>()
    for row in rows {
        let inRow = Set(row.map(\.label))
        let tallest = Float(row.map(\.boxHeight).max() ?? 0)
        if pageMarks.contains(where: { !inRow.contains($0.label) && Float($0.boxHeight) >= printSmallerThanDigit * tallest }) {
            print.formUnion(inRow)
        }
    }
    return print
}

/// How many of its own stroke widths tall a single mark must be to be a printed word in a number's
/// page (`smallPrintBesideTallerMarks`): letters are three to six, a digit's detached bar one or two.
let printedWordStrokes: Float = 3
