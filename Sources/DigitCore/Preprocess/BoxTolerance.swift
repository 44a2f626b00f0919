/// How strictly a box's lines are judged (`boxSideLine`, `enclosingBox(_:tolerance:)`).
enum BoxTolerance {
    /// A scan's printed box: lines at least `minimumLineContrast` darker than the paper inside,
    /// thin (`maximumLineThickness`), and present at nine tenths of the positions along each side.
    case strict
    /// A photographed or low-resolution field as well: lines a little fainter beside the paper,
    /// half as dark against the paper inside (the lighting differs from the inside to the edge),
    /// each line's valley taken to its first minimum only, a blur's width thicker, missing
    /// where the crop cut the line off (clean paper at the frame's edge, the line's fit lying
    /// at the edge there), and, where a stroke touching the line covers the whole profile, judged
    /// against the side's own paper.
    case lenient

    /// How much darker than the paper beside it a line must be at each position along a side (0…1
    /// luma): lenient, a drop-out grey line blurred by a phone's lens, 0.08.
    var runContrast: Float { self == .strict ? minimumLineContrast : 0.8 * minimumLineContrast }

    /// How much lighter than every line, and than the ink where two lines meet, the paper inside
    /// the box must be (0…1 luma).
    var insideContrast: Float { self == .strict ? minimumLineContrast : minimumLineContrast / 2 }

    /// The thickest line (px darker than halfway to the paper) on a frame `across` px across it:
    /// a printed line is 1–5 px, blurred by a phone's lens 2–3 px wider; the dark paper around a
    /// light digit cut close is thicker.
    func maximumLineThickness(across: Int) -> Int {
        self == .strict ? max(4, across / 8) : max(5, across / 6)
    }
}
