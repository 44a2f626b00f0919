/// The part of `working` (w×h, 0 = black … 1 = white) around a chosen digit: its box widened on
/// every side by a tenth of its longer side (at least 3 px), clipped to the frame; `nil` when that
/// is the whole frame.
///
/// Where a printed box around the digit was read together with it, this region is a form field
/// cut out with its box, and `fieldInsideBox` finds the box in it: a box blurred by a scan or a
/// phone's lens has sides 6–7 px thick in the low mask, too thick for their length to be taken for
/// printed lines (`LineSegmentRules.arrangementElongation`), and the digit touching them joins
/// them into one mark (`preprocess`). Only for dark ink on light paper
/// (`fieldInsideBox(_:acceptingLightInk:)` false): around a light digit on black the black
/// margin is dark on every side and passes for a box, even under the strict judgement.
func regionAroundDigit(_ selection: DigitSelection, in working: FloatImage) -> FloatImage? {
    let margin = max(3, max(selection.boxWidth, selection.boxHeight) / 10)
    let x0 = max(0, selection.minX - margin), y0 = max(0, selection.minY - margin)
    let x1 = min(working.width, selection.maxX + 1 + margin), y1 = min(working.height, selection.maxY + 1 + margin)
    guard x1 - x0 < working.width || y1 - y0 < working.height else { return nil }
    return working.cropped(to: PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
}
