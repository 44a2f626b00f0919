/// How many of a region's pixels lie on each outermost row or column of the image.
struct SidePixels: Equatable, Sendable {
    var top = 0, bottom = 0, left = 0, right = 0

    /// How many sides of a `width × height` frame the region covers for at least `fraction` of
    /// their length.
    func sidesCovered(atLeast fraction: Float, width: Int, height: Int) -> Int {
        let across = Float(width) * fraction, down = Float(height) * fraction
        return [Float(top) >= across, Float(bottom) >= across, Float(left) >= down, Float(right) >= down]
            .filter { $0 }.count
    }
}
