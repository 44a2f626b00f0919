/// Which components make up the digit, and what else was seen.
struct DigitSelection: Equatable, Sendable {
    /// Labels of the components merged into the digit.
    var labels: [Int]
    /// Inclusive bounding box of the digit.
    var minX: Int, minY: Int, maxX: Int, maxY: Int
    /// Sum of the flattened ink over the digit.
    var mass: Float
    /// Other marks of digit-like size and weight that were not read.
    var otherCandidates: Int
    /// The inside of the form's box it is written in (`chooseDigitWrittenInBox`), if any.
    var writtenIn: PixelBox? = nil

    var boxWidth: Int { maxX - minX + 1 }
    var boxHeight: Int { maxY - minY + 1 }
}

/// Rules for picking the digit among the components of an image `width × height`.
struct DigitSelectionRules {
    /// Components smaller than this many pixels are specks (dust, noise, JPEG debris).
    var speckArea: Int
    /// A digit's box must have a side at least this long (px).
    var minimumSide: Int
    /// Pieces whose boxes come within this fraction of the digit's height are merged into it.
    var mergeGap: Float = 0.15
    /// A substantial piece (at least `largePieceMass` of the digit's mass so far: the other half
    /// of a 5 whose stroke broke, a 4's detached bar) is merged from this farther gap, a fraction of
    /// the digit's longer side (half a digit may be wider than tall).
    var largePieceGap: Float = 0.3
    var largePieceMass: Float = 0.25
    /// A filled mark whose longer side is under this fraction of the digit's height (or two of
    /// its stroke widths) is a speck (`isSpeck`): it joins the digit only from within `speckGap` px
    /// of the digit's box (touching it, anti-aliased edges apart), where a piece of stroke joins
    /// from `mergeGap`.
    var speckSide: Float = 0.1
    var speckGap: Float = 1
    /// Merging stops when the merged box would be wider than this times its height (two digits side by side).
    var maximumAspect: Float = 1.25
    /// Another mark counts as a second digit when its box's longer side and its mass reach
    /// these fractions of the digit's.
    var rivalSize: Float = 0.5
    var rivalMass: Float = 0.15

    init(width: Int, height: Int) {
        speckArea = max(4, width * height / 5000)
        minimumSide = max(6, min(width, height) / 25)
    }
}

/// Whether a region touching the frame's edge is the edge's own rather than a digit cut by it (a
/// digit cropped to its box, a thumbnail, a low-resolution digit enlarged to fill its frame):
/// - a strip (a scanner's dark edge, a page's shadow) spans one side of the frame (95% of it) and
///   is thin across (under a fifth of the other side);
/// - a frame or a dark surround (the table around a photographed page, a corner of it) runs along
///   whole sides: it covers at least three quarters of two sides or more, where a digit, however
///   tightly cropped, covers at most one side that far (a 7's bar);
/// - a band along one whole side (95% of it) that meets the edge for a quarter of the perimeter or
///   more is an edge strip that absorbed marks beside it (punched holes, a shadow), so it is not
///   thin; a digit filling its frame meets the edge in stretches where its strokes end or curve;
/// - a sliver lying along the edge (half its pixels or more on the outermost rows and columns):
///   what a crop left of a line or a box's side just outside the frame; a digit cut by the
///   frame has most of its ink inside, where its strokes come from.
func isEdgeJunk(_ c: InkComponent, width: Int, height: Int) -> Bool {
    let sliver = c.borderPixels * 2 >= c.area
    let strip = (c.boxWidth * 100 >= width * 95 && c.boxHeight * 5 < height)
        || (c.boxHeight * 100 >= height * 95 && c.boxWidth * 5 < width)
    let frame = c.sidePixels.sidesCovered(atLeast: 0.75, width: width, height: height) >= 2
    let band = c.sidePixels.sidesCovered(atLeast: 0.95, width: width, height: height) >= 1
        && c.borderPixels * 2 >= width + height
    return sliver || strip || frame || band
}

/// Whether a region touching the frame's edge only grazes it: it meets the edge over at most two of
/// its stroke widths (a stroke's end, a curve's outer side) and is drawn (its mean stroke width at
/// most a fifth of its box's longer side, as `isLoneDrawnMark` says). A digit the frame cuts meets
/// it wherever its strokes cross; a punched hole or a stain at the edge is filled, not drawn.
func isGrazingTheEdge(_ c: InkComponent) -> Bool {
    Float(c.borderPixels) <= 2 * c.strokeWidth && c.strokeWidth <= 0.2 * Float(max(c.boxWidth, c.boxHeight))
}

/// Whether a region can seed a digit: it has a pen stroke's structure. Ink is a plateau: at least
/// 40% of a stroke's pixels reach the noise floor (`InkThresholds.noiseFloor`, counted in
/// `coreArea`), where a hill of paper texture, a lighting blotch or a smudge only pokes its top
/// over it. The floor, not Otsu's threshold: salt specks at full contrast set Otsu's threshold at
/// the level of a grey digit's ink, whose plateau then seemed to be a hill. And a digit is drawn with strokes much thinner
/// than itself: a region whose mean stroke width (`2 · area / outline`) is 45% of its box's longer
/// side or more is a filled blob (a punched hole, a stain), unless it is too small (under 20 px,
/// MNIST's digit box) to tell a blob from a small digit: drawn 8–20 px tall with a pen 2–4 px wide,
/// a 0, 6, 8 or 9 has loops a pixel or two across, which its soft edge fills in the mask.
/// `plateauArea` replaces `coreArea` as the count of the plateau's pixels (the faint-speck test
/// in `selectDigit` counts those above the high threshold).
func hasStrokeStructure(_ c: InkComponent, plateauArea: Int? = nil) -> Bool {
    let plateau = (plateauArea ?? c.coreArea) * 5 >= c.area * 2
    return plateau && !isSolidBlob(c)
}

/// Picks the digit: drops specks and regions that never reach the high threshold; seeds with
/// the heaviest region not touching the border that has a stroke's structure (or, with
/// `acceptingLoneMark`, is the only mark and drawn: `isLoneDrawnMark`) and is not dust
/// (`isDust`: a speck or a pale hair small in the frame) (border-touching
/// regions are used only when nothing but faint specks is left inside, and not when they are the
/// edge's own, or when they only graze the edge, `isGrazingTheEdge`, and outweigh every mark inside
/// twice); merges nearby pieces of one digit
/// (a broken stroke, an open 4), but a speck (`isSpeck`) only when it touches the digit's box and
/// a filled blob (`isSolidBlob`: a punched hole, an ink blot) never: dust beside a digit is not
/// part of it; counts rival digit-sized marks. `seeds`: the labels the seed may have (the marks
/// written in a form's box, `chooseDigitWrittenInBox`); any piece may still join it. `nil` when
/// nothing digit-sized remains.
func selectDigit(_ components: [InkComponent], width: Int, height: Int,
                 rules: DigitSelectionRules? = nil, acceptingLoneMark: Bool = false,
                 seeds: Set<Int>? = nil) -> DigitSelection? {
    let rules = rules ?? DigitSelectionRules(width: width, height: height)
    let candidates = marks(components, rules: rules)
    let lone = acceptingLoneMark && candidates.count == 1
    let inside = candidates.filter { !$0.touchesBorder }
    let borderFallback = candidates.filter { $0.touchesBorder && !isEdgeJunk($0, width: width, height: height) }
    // Marks inside the frame keep border-touching regions out unless they are only faint specks
    // (under a digit's minimum side, without a stroke's plateau above the high threshold): such a
    // speck beside a digit that runs into the frame's edge (MNIST test digit 9765) must not hide it.
    let blocking = inside.filter {
        hasStrokeStructure($0, plateauArea: $0.highArea) || max($0.boxWidth, $0.boxHeight) >= rules.minimumSide
    }
    // A digit whose stroke end grazes the frame's edge is not cut by it: it joins the marks inside
    // when it outweighs them all twice (dust, noise, a comb's ticks beside it).
    let heaviestBlocking = blocking.map(\.mass).max() ?? 0
    let grazing = borderFallback.filter { $0.mass >= 2 * heaviestBlocking && isGrazingTheEdge($0) }
    let pool = blocking.isEmpty ? borderFallback + inside : inside + grazing
    guard let seed = pool.filter({
        (seeds?.contains($0.label) ?? true) && (hasStrokeStructure($0) || (lone && isLoneDrawnMark($0)))
            && !isDust($0, width: width, height: height)
    })
        .max(by: { $0.mass < $1.mass }) else { return nil }

    var selection = DigitSelection(labels: [seed.label], minX: seed.minX, minY: seed.minY,
                                   maxX: seed.maxX, maxY: seed.maxY, mass: seed.mass, otherCandidates: 0)
    var remaining = pool.filter { $0.label != seed.label }
    var merged = true
    while merged {
        merged = false
        for (index, piece) in remaining.enumerated() where !isSolidBlob(piece) {
            let large = piece.mass >= rules.largePieceMass * selection.mass
            let speck = isSpeck(piece, digitHeight: selection.boxHeight, strokeWidth: seed.strokeWidth, rules: rules)
            let gap = Int((large ? rules.largePieceGap * Float(max(selection.boxWidth, selection.boxHeight))
                           : speck ? rules.speckGap
                           : rules.mergeGap * Float(selection.boxHeight)).rounded(.up))
            let near = piece.minX <= selection.maxX + gap && piece.maxX >= selection.minX - gap
                && piece.minY <= selection.maxY + gap && piece.maxY >= selection.minY - gap
            guard near else { continue }
            let minX = min(selection.minX, piece.minX), maxX = max(selection.maxX, piece.maxX)
            let minY = min(selection.minY, piece.minY), maxY = max(selection.maxY, piece.maxY)
            guard Float(maxX - minX + 1) <= rules.maximumAspect * Float(maxY - minY + 1) else { continue }
            selection.labels.append(piece.label)
            selection.minX = minX; selection.maxX = maxX
            selection.minY = minY; selection.maxY = maxY
            selection.mass += piece.mass
            remaining.remove(at: index)
            merged = true
            break
        }
    }
    guard max(selection.boxWidth, selection.boxHeight) >= rules.minimumSide else { return nil }
    let digitSide = Float(max(selection.boxWidth, selection.boxHeight))
    selection.otherCandidates = remaining.filter {
        Float(max($0.boxWidth, $0.boxHeight)) >= rules.rivalSize * digitSide && $0.mass >= rules.rivalMass * selection.mass
    }.count
    return selection
}

/// Whether the only mark on a page without printed lines may seed a digit although it has no
/// plateau (`hasStrokeStructure`): heavy noise averaged 3×3, or blur, leaves a digit's strokes a
/// hill whose top alone clears the noise floor, yet a person reads it at a glance. Texture and
/// lighting hills come many to a page or touch the frame; a remnant of a printed line is what line
/// removal leaves (hence not after lines were removed). So the mark must lie inside the frame, be
/// at least MNIST's 20-px box on its longer side (below that a texture clump and a small digit look
/// alike, as in `hasStrokeStructure`), and be drawn: strokes at most a fifth of its longer side.
func isLoneDrawnMark(_ c: InkComponent) -> Bool {
    let side = Float(max(c.boxWidth, c.boxHeight))
    return !c.touchesBorder && side >= 20 && c.strokeWidth <= 0.2 * side
}

/// Whether `piece` is a speck beside a digit `digitHeight` px tall drawn with strokes
/// `strokeWidth` px wide, rather than a piece of its stroke: filled (mean stroke width at least 45%
/// of its longer side) and its longer side under `speckSide` of the digit's height or two stroke
/// widths. A broken stroke's pieces are strokes, longer than they are wide; a dot of dust or toner
/// is as wide as it is long.
func isSpeck(_ piece: InkComponent, digitHeight: Int, strokeWidth: Float, rules: DigitSelectionRules) -> Bool {
    let side = Float(max(piece.boxWidth, piece.boxHeight))
    return side < max(rules.speckSide * Float(digitHeight), 2 * strokeWidth)
        && piece.strokeWidth >= blobStrokeFraction * side
}

/// The marks among `components` that a digit is chosen from and judged against: regions that
/// reach the high threshold and are not specks (`DigitSelectionRules.speckArea`).
func marks(_ components: [InkComponent], rules: DigitSelectionRules) -> [InkComponent] {
    components.filter { $0.reachesHigh && $0.area >= rules.speckArea }
}
