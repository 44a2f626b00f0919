/// The field of the printed answer line `selection` stands on ("Grade: ____", the digit written on
/// the line), or `nil` when it stands on none of `answerLines` (`answerLines`,
/// `CleanedPage.answerLines`).
///
/// Why: a digit written on an answer line beside its printed label is about as tall as the label
/// and as heavy as its letters; judged among the whole page's marks, the label's letters make it
/// one of many marks alike, or outweigh it as dust does ("no digit found" on a clear 7). Like a
/// box's inside (`DigitSelection.writtenIn`), the line's field is what it is judged among: the
/// label ends where the line begins.
///
/// The field: the line's length, from `answerLineFieldMargin` of `selection`'s height above its top
/// to half that height below the line (where it lies under `selection`'s middle): a title printed
/// above the line is not in it.
func answerLineField(of selection: DigitSelection, answerLines: [LineSegment]) -> PixelBox? {
    let centreX = Float(selection.minX + selection.maxX) / 2
    let bottom = Float(selection.maxY)
    guard let line = answerLines.filter({ selection.standsOn($0) })
        .min(by: { abs(bottom - $0.across(at: centreX)) < abs(bottom - $1.across(at: centreX)) }) else { return nil }
    return field(of: line, at: line.across(at: centreX), top: selection.minY, height: Float(selection.boxHeight))
}

/// The field of answer line `line` (lying at `lineY` where what is written on it stands) for
/// writing `height` px tall whose top is at `top`: the line's length, from `answerLineFieldMargin`
/// of that height above the top to half of it below the line.
func field(of line: LineSegment, at lineY: Float, top: Int, height: Float) -> PixelBox {
    let fieldTop = Int((Float(top) - answerLineFieldMargin * height).rounded(.down))
    let fieldBottom = Int((lineY + height / 2).rounded(.up))
    return PixelBox(x: line.start, y: fieldTop, width: line.length, height: fieldBottom - fieldTop + 1)
}

/// The answer lines among `lines` (`CleanedPage.printedLines`, on a page `width` px wide): the
/// horizontal ones that do not run across the page (a ruled line does: every mark on lined paper
/// stands on one; `ruledLineShare`) and that no vertical line meets (`meets`: a box's top or
/// bottom side, whose box was not found as a rectangle, is not an answer line, and the label
/// above the box stands on it).
func answerLines(_ lines: [LineSegment], width: Int) -> [LineSegment] {
    lines.filter { line in
        line.axis == .horizontal && Float(line.length) < ruledLineShare * Float(width)
            && !lines.contains { meets($0, line) }
    }
}

extension PixelBounded {
    /// Whether it stands on `line` (horizontal) as what is written on an answer line does: over
    /// the line, running at most `boxOverflow` of its width past either end (a box's side standing
    /// at the line's end is not written on it), its bottom at most `answerLineGap` of its height
    /// above the line (written a little above it) or `answerLineCrossing` below (crossing it).
    func standsOn(_ line: LineSegment) -> Bool {
        let width = maxX - minX + 1, height = Float(maxY - minY + 1)
        let overflow = Int(boxOverflow * Float(width))
        guard minX >= line.start - overflow, maxX <= line.end + overflow else { return false }
        let above = line.across(at: Float(minX + maxX) / 2) - Float(maxY)
        return above <= answerLineGap * height && -above <= answerLineCrossing * height
    }
}

/// Whether `vertical` is a vertical line that meets `horizontal` (a horizontal one): crosses it, or
/// ends on it or at one of its ends, within `lineMeetingGap` px. A box's sides meet at its corners,
/// a table's rules cross; an answer line stands alone.
func meets(_ vertical: LineSegment, _ horizontal: LineSegment) -> Bool {
    guard vertical.axis == .vertical, horizontal.axis == .horizontal else { return false }
    let gap = lineMeetingGap + max(vertical.thickness, horizontal.thickness)
    let x = vertical.across(at: horizontal.across(at: vertical.acrossAtStart))
    let y = horizontal.across(at: x)
    return x >= Float(horizontal.start) - gap && x <= Float(horizontal.end) + gap
        && y >= Float(vertical.start) - gap && y <= Float(vertical.end) + gap
}

/// How far apart (px, beyond the lines' thickness) two printed lines may end and still meet (`meets`).
let lineMeetingGap: Float = 3
/// How far above the answer line it stands on a digit's bottom may lie (written a little above
/// it), and how far below (crossing it), as shares of its height (`standsOn`).
let answerLineGap: Float = 0.5
let answerLineCrossing: Float = 0.3
/// How far above the top of the digit on an answer line its field reaches, in the digit's height
/// (`answerLineField`).
let answerLineFieldMargin: Float = 0.25
/// A horizontal line at least this share of the page's width long runs across the page: ruled
/// paper, not an answer line (`answerLines`).
let ruledLineShare: Float = 0.9
