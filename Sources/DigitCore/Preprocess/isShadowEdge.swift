/// Whether the mark `selection` picked (its components' `labels` over a w×h frame) is the dark
/// side of a shadow's edge, not ink: a hand's or a phone's shadow falling across the page.
///
/// Why: dividing the lighting out (`flattenIllumination`) follows a shadow's edge only over its
/// window, so the shadowed paper along the edge comes out as a band of "ink", a crescent along the
/// shadow's rim, read as a 1, a 2 or a 6 on an empty sheet. Ink is dark only where it lies: a
/// stroke has paper on both sides. The band has the rest of the shadow beside it.
///
/// Judged on `unflattened` (ink bright, the lighting not divided out): the pixels one to two of
/// the mark's stroke widths (`2 · area / outline`, at least 2 px) from it that are not ink, neither
/// a component's nor a printed line's (below `inkLevel` in `flattened`, the frame with its lighting
/// divided out, before lines were painted out); the paper there is their lower quartile. The mark
/// is a shadow's edge when it stands at least `shadowContrast` above that paper and at least
/// `shadowRingShare` of those pixels are as dark as three quarters of the way from the paper to the
/// mark's mean level: the shadow's side of the ring. A stroke's ring is paper (a blurred stroke's
/// halo is still ink in `flattened`, so not in the ring), but where a speck or a loop's shadowed
/// inside lies in it.
///
/// Asked only of a mark whose mean ink (its contrast to the paper) is under `shadowDepthLimit`:
/// darker than a shadow makes paper (`isShadowEdge(_:page:firstLook:)`).
func isShadowEdge(_ selection: DigitSelection, labels: [Int32], unflattened: FloatImage,
                  flattened: FloatImage, inkLevel: Float) -> Bool {
    let (width, height) = (unflattened.width, unflattened.height)
    var isChosen = [Bool](repeating: false, count: (selection.labels.max() ?? 0) + 1)
    for label in selection.labels { isChosen[label] = true }
    func chosen(_ i: Int) -> Bool {
        let label = Int(labels[i])
        return label > 0 && label < isChosen.count && isChosen[label]
    }
    // The mark: its area, outline and mean level.
    var area = 0, outline = 0
    var level: Float = 0
    for y in selection.minY...selection.maxY {
        for x in selection.minX...selection.maxX where chosen(y * width + x) {
            let i = y * width + x
            area += 1
            level += unflattened.pixels[i]
            if x == 0 || y == 0 || x == width - 1 || y == height - 1
                || !chosen(i - 1) || !chosen(i + 1) || !chosen(i - width) || !chosen(i + width) { outline += 1 }
        }
    }
    guard area > 0, outline > 0 else { return false }
    level /= Float(area)
    let strokeWidth = max(2, 2 * Float(area) / Float(outline))
    let near = Int(strokeWidth.rounded()), far = Int((2 * strokeWidth).rounded())
    // Chessboard distance from the mark, capped past `far`, over its box grown by `far`.
    let x0 = max(0, selection.minX - far), x1 = min(width - 1, selection.maxX + far)
    let y0 = max(0, selection.minY - far), y1 = min(height - 1, selection.maxY + far)
    let (w, h) = (x1 - x0 + 1, y1 - y0 + 1)
    var distance = [Int](repeating: far + 1, count: w * h)
    for y in 0..<h {
        for x in 0..<w where chosen((y + y0) * width + x + x0) { distance[y * w + x] = 0 }
    }
    chessboardDistance(&distance, width: w, height: h)
    var ring: [Float] = []
    for y in 0..<h {
        for x in 0..<w where distance[y * w + x] >= near && distance[y * w + x] <= far {
            let i = (y + y0) * width + x + x0
            if labels[i] == 0 && flattened.pixels[i] < inkLevel { ring.append(unflattened.pixels[i]) }
        }
    }
    guard ring.count >= 8 else { return false }
    let paper = quantile(histogram(ring), 0.25)
    guard level - paper >= shadowContrast else { return false }
    let cut = paper + 0.75 * (level - paper)
    let dark = ring.reduce(0) { $0 + ($1 >= cut ? 1 : 0) }
    return Float(dark) >= shadowRingShare * Float(ring.count)
}

/// The least share of the ring around a mark as dark as the mark for the mark to be a shadow's
/// edge (`isShadowEdge`): the shadow's side of the ring, about half of it where the shadow runs on
/// past the ring; strokes of a photographed form, up to 0.32.
let shadowRingShare: Float = 0.33

/// The least difference (0…1) between a mark's mean level and the paper around it for the mark to
/// be judged a shadow's edge (`isShadowEdge`): a hand's shadow darkens paper by 15% or more; a
/// fainter mark is left to the other rules.
let shadowContrast: Float = 0.08

/// The mean ink (contrast to the paper, flattened) at or above which a mark is not judged a
/// shadow's edge: a hand's shadow darkens paper by a tenth to a half; pen and pencil
/// strokes mostly by more.
let shadowDepthLimit: Float = 0.5

/// `isShadowEdge` on `selection` among `page`'s components, judged on the frame `firstLook` cleaned
/// (its lighting and its flattened frame); false without one, and for a mark whose mean ink is at
/// least `shadowDepthLimit`. On a sheet cut from a photo (`FirstLook.sheetCut`), a mark that runs
/// into the cut's edge is a shadow's edge too (`runsIntoFrameEdge`).
func isShadowEdge(_ selection: DigitSelection, page: CleanedPage, firstLook: FirstLook?) -> Bool {
    guard let look = firstLook, let unflattened = look.unflattened else { return false }
    let area = page.components.reduce(0) { $0 + (selection.labels.contains($1.label) ? $1.area : 0) }
    guard area > 0, selection.mass < shadowDepthLimit * Float(area) else { return false }
    if look.sheetCut && runsIntoFrameEdge(selection, components: page.components) { return true }
    return isShadowEdge(selection, labels: page.labels, unflattened: unflattened, flattened: look.flattened,
                        inkLevel: look.thresholds.low)
}

/// Whether one of `selection`'s components meets the frame's edge over more than a stroke's end
/// (`touchesBorder`, not `isGrazingTheEdge`).
///
/// Why: asked of a faint mark on a sheet cut from a photo (`paperSheet`). A hand's or a phone's
/// shadow falls across a sheet from past its edge: the band of shadowed paper that dividing the
/// lighting out leaves (`isShadowEdge`) runs into the sheet's edge, where the ring around it cannot
/// show the rest of the shadow, as it lies past the cut. It was read as a 1, a 2 or a 7 on an empty
/// sheet. Writing lies on the paper, inside its edges.
func runsIntoFrameEdge(_ selection: DigitSelection, components: [InkComponent]) -> Bool {
    components.contains { selection.labels.contains($0.label) && $0.touchesBorder && !isGrazingTheEdge($0) }
}

/// Turns `distance` (w×h; 0 on the set, a cap elsewhere) into each pixel's chessboard distance to
/// the set, capped: two raster passes.
func chessboardDistance(_ distance: inout [Int], width w: Int, height h: Int) {
    for y in 0..<h {
        for x in 0..<w {
            var d = distance[y * w + x]
            if x > 0 { d = min(d, distance[y * w + x - 1] + 1) }
            if y > 0 {
                d = min(d, distance[(y - 1) * w + x] + 1)
                if x > 0 { d = min(d, distance[(y - 1) * w + x - 1] + 1) }
                if x < w - 1 { d = min(d, distance[(y - 1) * w + x + 1] + 1) }
            }
            distance[y * w + x] = d
        }
    }
    for y in stride(from: h - 1, through: 0, by: -1) {
        for x in stride(from: w - 1, through: 0, by: -1) {
            var d = distance[y * w + x]
            if x < w - 1 { d = min(d, distance[y * w + x + 1] + 1) }
            if y < h - 1 {
                d = min(d, distance[(y + 1) * w + x] + 1)
                if x < w - 1 { d = min(d, distance[(y + 1) * w + x + 1] + 1) }
                if x > 0 { d = min(d, distance[(y + 1) * w + x - 1] + 1) }
            }
            distance[y * w + x] = d
        }
    }
}
