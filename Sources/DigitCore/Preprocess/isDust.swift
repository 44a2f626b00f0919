/// Whether a region is dust on the page or the scanner's glass rather than a digit: a mark small in
/// its frame (its box's longer side under `dustSideFraction` of the frame's shorter side, `width ×
/// height` px) that is either a filled speck (mean stroke width `2 · area / outline` at least 45% of
/// its longer side: a dot of dirt, toner or a punched-out chad) or faint (its mean ink, flattened
/// mass per pixel with 1.0 = black on the paper, under `dustInkLevel`: a hair or fibre is finer than
/// the scanner resolves, so its blurred trace stays pale). A digit written that small in its frame is
/// drawn in ink a person sees at a glance, with strokes thinner than itself; a speck's blob or a pale
/// thread is not read as one. Larger marks are judged by `hasStrokeStructure` alone: a small digit
/// that is the subject of its picture may be faint (blurred, pencil) or fill its loops.
func isDust(_ c: InkComponent, width: Int, height: Int) -> Bool {
    let side = Float(max(c.boxWidth, c.boxHeight))
    guard side < dustSideFraction * Float(min(width, height)) else { return false }
    let speck = c.strokeWidth >= blobStrokeFraction * side
    let faint = c.mass < dustInkLevel * Float(c.area)
    return speck || faint
}

/// Marks whose longer side is under this fraction of the frame's shorter side are small enough to be dust.
let dustSideFraction: Float = 0.125
/// The mean ink (flattened, 1.0 = black on the paper) under which a small mark is a pale trace (a hair).
let dustInkLevel: Float = 0.2
