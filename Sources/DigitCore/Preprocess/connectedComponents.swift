/// One 8-connected region of the ink mask.
struct InkComponent: Equatable, Sendable {
    /// Label in the label image (1-based).
    var label: Int
    /// Pixel count.
    var area: Int
    /// Sum of the flattened image over the region (ink "mass").
    var mass: Float
    /// Inclusive bounding box in pixels.
    var minX: Int, minY: Int, maxX: Int, maxY: Int
    /// True when the region reaches the high threshold somewhere (hysteresis).
    var reachesHigh: Bool
    /// True when the region touches the image's edge.
    var touchesBorder: Bool
    /// How many of its pixels lie on the image's outermost rows and columns: a scanner's edge
    /// strip, a frame or a dark surround runs along the edge; a digit cut by it touches it briefly.
    var borderPixels: Int = 0
    /// How many of its pixels lie on each outermost row or column (top, bottom, left, right):
    /// a frame or a dark surround covers whole sides, a digit filling its frame only stretches of them.
    var sidePixels = SidePixels()
    /// How many of its pixels exceed the plateau level (the noise floor, at most the high
    /// threshold): a pen stroke is a plateau of ink, most of it above; a hill of paper texture or
    /// lighting pokes only its top over the floor.
    var coreArea: Int = 0
    /// How many of its pixels exceed the high threshold itself.
    var highArea: Int = 0
    /// How many of its pixels have a 4-neighbour inside the frame outside the region (its outline, in
    /// pixels). The frame's edge is not part of it: where a region is cut by the frame, the cut is not
    /// a stroke's edge (a punched hole cut by the frame is still a filled blob, a 1 cut at both ends
    /// still a bar as wide as its stroke).
    var outlinePixels: Int = 0
    /// Whether it encloses a hole of real size (`markEnclosedHoles`; set only where it matters, on
    /// regions filled enough to be taken for blobs): a thick 0 whose loop is small is still a loop.
    var enclosesHole = false

    var boxWidth: Int { maxX - minX + 1 }
    var boxHeight: Int { maxY - minY + 1 }
    /// Mean width of the region's strokes (px): `2 · area / outline`, the width of a long bar.
    var strokeWidth: Float { 2 * Float(area) / Float(max(1, outlinePixels)) }
}

/// Labels of the 8-connected regions of `image > low`, one `InkComponent` per region.
/// `labels[i]` is 0 for background, else the component's label. Breadth-first flood fill.
/// `reachesHigh` compares with `high`, `coreArea` counts pixels above `plateau` (default `high`).
func connectedComponents(_ image: FloatImage, low: Float, high: Float,
                         plateau: Float? = nil) -> (labels: [Int32], components: [InkComponent]) {
    let plateau = plateau ?? high
    let width = image.width, height = image.height
    var labels = [Int32](repeating: 0, count: image.count)
    var components: [InkComponent] = []
    var queue = [Int]()
    queue.reserveCapacity(1024)
    image.pixels.withUnsafeBufferPointer { px in
        labels.withUnsafeMutableBufferPointer { lab in
            for start in 0..<px.count where px[start] > low && lab[start] == 0 {
                let label = components.count + 1
                var c = InkComponent(label: label, area: 0, mass: 0, minX: width, minY: height, maxX: -1, maxY: -1,
                                     reachesHigh: false, touchesBorder: false)
                lab[start] = Int32(label)
                queue.removeAll(keepingCapacity: true)
                queue.append(start)
                var head = 0
                while head < queue.count {
                    let i = queue[head]; head += 1
                    let x = i % width, y = i / width
                    c.area += 1
                    c.mass += px[i]
                    if px[i] > high { c.reachesHigh = true; c.highArea += 1 }
                    if px[i] > plateau { c.coreArea += 1 }
                    if (x > 0 && px[i - 1] <= low) || (x < width - 1 && px[i + 1] <= low)
                        || (y > 0 && px[i - width] <= low) || (y < height - 1 && px[i + width] <= low) {
                        c.outlinePixels += 1
                    }
                    if x == 0 || y == 0 || x == width - 1 || y == height - 1 {
                        c.borderPixels += 1
                        if y == 0 { c.sidePixels.top += 1 }
                        if y == height - 1 { c.sidePixels.bottom += 1 }
                        if x == 0 { c.sidePixels.left += 1 }
                        if x == width - 1 { c.sidePixels.right += 1 }
                    }
                    c.minX = min(c.minX, x); c.maxX = max(c.maxX, x)
                    c.minY = min(c.minY, y); c.maxY = max(c.maxY, y)
                    for ny in max(0, y - 1)...min(height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(width - 1, x + 1) {
                            let j = ny * width + nx
                            if lab[j] == 0 && px[j] > low {
                                lab[j] = Int32(label)
                                queue.append(j)
                            }
                        }
                    }
                }
                c.touchesBorder = c.minX == 0 || c.minY == 0 || c.maxX == width - 1 || c.maxY == height - 1
                components.append(c)
            }
        }
    }
    return (labels, components)
}
