/// The block grid of an image enlarged by pixel replication (nearest neighbour): along each axis,
/// every change of value falls on `offset + k · period` (image coordinates), with period ≥ 2.
struct BlockGrid: Equatable, Sendable {
    var periodX: Int, offsetX: Int
    var periodY: Int, offsetY: Int
}

/// Finds the block grid of the region `x0…x1 × y0…y1` (inclusive) of `image`, or `nil` when the
/// region is not a replicated low-resolution picture. A position is a value change when some
/// row (column) differs there from its left (upper) neighbour by more than `tolerance` (flattening
/// leaves a block almost, not exactly, constant); the period along an axis is the greatest common
/// divisor of the gaps between its value changes. A picture at its own resolution changes value
/// at gaps of 1 somewhere (an edge's anti-aliasing, noise), so one stray change is enough to
/// refuse; at least `minimumChanges` changes per axis are required, so one bar's two edges are not
/// read as a grid (a digit two blocks wide has three).
func detectBlockGrid(_ image: FloatImage, x0: Int, y0: Int, x1: Int, y1: Int,
                     tolerance: Float = 0.02, minimumChanges: Int = 3) -> BlockGrid? {
    guard x0 >= 0, y0 >= 0, x1 < image.width, y1 < image.height, x1 > x0, y1 > y0 else { return nil }
    var alongX = ChangePositions(count: x1 - x0 + 1), alongY = ChangePositions(count: y1 - y0 + 1)
    for y in y0...y1 {
        for x in x0...x1 {
            let v = image[x, y]
            if x > x0 && abs(v - image[x - 1, y]) > tolerance { alongX.add(x - x0) }
            if y > y0 && abs(v - image[x, y - 1]) > tolerance { alongY.add(y - y0) }
        }
        // A picture at its own resolution is refused within its first rows of ink.
        if alongX.divisor == 1 && alongY.divisor == 1 { return nil }
    }
    guard alongX.distinct >= minimumChanges, alongY.distinct >= minimumChanges,
          alongX.divisor >= 2, alongY.divisor >= 2, let firstX = alongX.first, let firstY = alongY.first
    else { return nil }
    return BlockGrid(periodX: alongX.divisor, offsetX: (firstX + x0) % alongX.divisor,
                     periodY: alongY.divisor, offsetY: (firstY + y0) % alongY.divisor)
}

/// The value changes found along one axis (positions `0..<count`, relative to the region): how
/// many distinct positions, and the gcd of their distances to the first one found (0 while
/// there is one), which is the gcd of all their pairwise gaps.
private struct ChangePositions {
    private var seen: [Bool]
    private(set) var first: Int?
    private(set) var distinct = 0
    private(set) var divisor = 0

    init(count: Int) { seen = [Bool](repeating: false, count: count) }

    mutating func add(_ position: Int) {
        guard !seen[position] else { return }
        seen[position] = true
        distinct += 1
        if let first { divisor = gcd(divisor, position - first) } else { first = position }
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (abs(a), abs(b))
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
