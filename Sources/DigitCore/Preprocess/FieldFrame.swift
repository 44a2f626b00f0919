/// Where a form field cut out inside its box (`fieldInsideBox`) lies in the copy of it read a
/// second time with paper around it (`withPaperAround`): `box`, the field's frame in that copy (px),
/// and `band`, how far in from the frame's edges the box's lines may have left ink (px, two of the
/// field's pixels); or a frame read as it is, from which printed lines were removed
/// (`init(linesRemovedFrom:height:)`). The cut lies 2 px inside a line's inner edge at mid-side; a blurred or
/// skewed line's fringe can still reach past it along one side. In the field itself such a
/// remnant touches the frame's edge and is the edge's own (`isEdgeJunk`); with paper around it,
/// it stands free and was read as a 1 or a 7.
struct FieldFrame: Equatable, Sendable {
    var box: PixelBox
    var band: Int

    /// The frame of a `width × height` field in its copy with `margin` px of paper on every side,
    /// enlarged `factor` times.
    init(fieldWidth width: Int, height: Int, margin: Int, factor: Int) {
        box = PixelBox(x: margin * factor, y: margin * factor, width: width * factor, height: height * factor)
        band = fieldFrameBand * factor
    }

    /// A `width × height` frame read as it is, from which printed lines were removed: the band is a
    /// tenth of its shorter side (two pixels at least). A box the line judgement did not find whole
    /// (skewed, cut close by the crop) had its sides painted out as line segments, but the pieces
    /// near its corners and its stubs stay, along the frame's edges, and were read as a 7 or a 1 on
    /// empty fields; a field is cut a little outside its box, its sides within a tenth of the frame.
    init(linesRemovedFrom width: Int, height: Int) {
        box = PixelBox(x: 0, y: 0, width: width, height: height)
        band = max(fieldFrameBand, min(width, height) / 10)
    }

    /// Whether region `c` (its label in `labels`, `width` px wide) is a remnant of the box: at
    /// least half of its pixels outside the frame's inner part (`band` px in from each of its
    /// edges), and thin, its mean stroke width at most 1.5 `band` (a line's fringe). A bold digit
    /// filling a frame that passed for a box (a light digit on black cut close) has thick strokes
    /// along its edges, and stays.
    func holdsRemnant(_ c: InkComponent, labels: [Int32], width: Int) -> Bool {
        let (x0, x1) = (box.x + band, box.x + box.width - band)
        let (y0, y1) = (box.y + band, box.y + box.height - band)
        let label = Int32(c.label)
        var outside = 0
        for y in c.minY...c.maxY {
            for x in c.minX...c.maxX where labels[y * width + x] == label {
                if x < x0 || x >= x1 || y < y0 || y >= y1 { outside += 1 }
            }
        }
        return outside * 2 >= c.area && c.strokeWidth <= 1.5 * Float(band)
    }
}

/// How far in from a field's edges (its own px) a remnant of its box's lines may lie (`FieldFrame`).
let fieldFrameBand = 2
