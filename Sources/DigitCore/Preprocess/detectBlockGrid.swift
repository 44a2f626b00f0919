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
    var changesX = [Bool](repeating: false, count: x1 - x0 + 1)
    var changesY = [Bool](repeating: false, count: y1 - y0 + 1)
    for y in y0...y1 {
        for x in x0...x1 {
            let v = image[x, y]
            if x > x0 && abs(v - image[x - 1, y]) > tolerance { changesX[x - x0] = true }
            if y > y0 && abs(v - image[x, y - 1]) > tolerance { changesY[y - y0] = true }
        }
    }
    guard let (periodX, offsetX) = period(of: changesX, origin: x0, minimumChanges: minimumChanges),
          let (periodY, offsetY) = period(of: changesY, origin: y0, minimumChanges: minimumChanges)
    else { return nil }
    return BlockGrid(periodX: periodX, offsetX: offsetX, periodY: periodY, offsetY: offsetY)
}

/// The gcd of the gaps between the marked positions (index + `origin`) and the first one's
/// remainder, when there are `minimumChanges` marks and the gcd is at least 2.
private func period(of changes: [Bool], origin: Int, minimumChanges: Int) -> (period: Int, offset: Int)? {
    let positions = changes.indices.filter { changes[$0] }.map { $0 + origin }
    guard positions.count >= minimumChanges, let first = positions.first else { return nil }
    var divisor = 0
    for position in positions.dropFirst() { divisor = gcd(divisor, position - first) }
    guard divisor >= 2 else { return nil }
    return (divisor, first % divisor)
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (abs(a), abs(b))
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
