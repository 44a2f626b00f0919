/// The least-squares line `y = offset + slope · x` through `points`, or `nil` when there are fewer
/// than two or all share one x. Shared by `RuledLine.fittedToInk` (a line's run centres against
/// position) and `boxSideLine` (a box side's darkest pixels against position).
func leastSquaresLine(_ points: [(x: Float, y: Float)]) -> (slope: Float, offset: Float)? {
    let count = Float(points.count)
    var sumX: Float = 0, sumY: Float = 0, sumXX: Float = 0, sumXY: Float = 0
    for p in points { sumX += p.x; sumY += p.y; sumXX += p.x * p.x; sumXY += p.x * p.y }
    let variance = sumXX - sumX * sumX / count
    guard points.count >= 2, variance > 0 else { return nil }
    let slope = (sumXY - sumX * sumY / count) / variance
    return (slope, (sumY - slope * sumX) / count)
}
