/// How many holes the selected components enclose: 4-connected regions of non-selected pixels
/// inside the selection's box that do not reach the box's edge and cover at least `minimumArea`
/// px (ink is 8-connected, so a diagonal gap does not open a loop). A digit encloses at most
/// two (an 8); a patch of grid paper encloses one per cell. `labels` is the label image
/// (`width` px wide) the selection's labels refer to.
func enclosedHoleCount(_ selection: DigitSelection, labels: [Int32], width: Int, minimumArea: Int = 2) -> Int {
    var isSelected = [Bool](repeating: false, count: (selection.labels.max() ?? 0) + 1)
    for label in selection.labels { isSelected[label] = true }
    return holeCount(width: selection.boxWidth, height: selection.boxHeight, minimumArea: minimumArea) { x, y in
        let label = Int(labels[(y + selection.minY) * width + x + selection.minX])
        return label < isSelected.count && isSelected[label]
    }
}

/// How many holes the core of region `c` encloses: its pixels of `image` (ink bright; its label
/// image `labels`) at or above the region's mean there, holes as `enclosedHoleCount` counts them.
/// A blurred or broad-marker 0 fills its loop in the ink mask, but the loop's middle stays far
/// darker than the ring around it.
func coreHoleCount(_ c: InkComponent, image: FloatImage, labels: [Int32], minimumArea: Int) -> Int {
    let label = Int32(c.label)
    var sum: Float = 0
    for y in c.minY...c.maxY {
        for x in c.minX...c.maxX where labels[y * image.width + x] == label { sum += image[x, y] }
    }
    let level = sum / Float(max(1, c.area))
    return holeCount(width: c.boxWidth, height: c.boxHeight, minimumArea: minimumArea) { x, y in
        let i = (y + c.minY) * image.width + x + c.minX
        return labels[i] == label && image.pixels[i] >= level
    }
}

/// Holes of a `width × height` mask whose ink `isInk(x, y)` says: 4-connected regions of
/// background that do not reach the mask's edge, of at least `minimumArea` px.
func holeCount(width w: Int, height h: Int, minimumArea: Int, isInk: (Int, Int) -> Bool) -> Int {
    holeRegions(width: w, height: h, isInk: isInk).filter { $0.count >= minimumArea }.count
}

/// The pixels (the row-major index `y · width + x` in the mask) of each hole of a `width × height`
/// mask whose ink `isInk(x, y)` says: 4-connected regions of background that do not reach the
/// mask's edge.
func holeRegions(width w: Int, height h: Int, isInk: (Int, Int) -> Bool) -> [[Int]] {
    // 1 = ink, 0 = background not yet visited, 2 = visited.
    var state = [UInt8](repeating: 0, count: w * h)
    for y in 0..<h {
        for x in 0..<w where isInk(x, y) { state[y * w + x] = 1 }
    }
    var holes: [[Int]] = []
    var stack: [Int] = [], region: [Int] = []
    for start in state.indices where state[start] == 0 {
        state[start] = 2
        stack.append(start)
        region.removeAll(keepingCapacity: true)
        var reachesEdge = false
        while let i = stack.popLast() {
            region.append(i)
            let x = i % w, y = i / w
            if x == 0 || y == 0 || x == w - 1 || y == h - 1 { reachesEdge = true }
            if x > 0, state[i - 1] == 0 { state[i - 1] = 2; stack.append(i - 1) }
            if x < w - 1, state[i + 1] == 0 { state[i + 1] = 2; stack.append(i + 1) }
            if y > 0, state[i - w] == 0 { state[i - w] = 2; stack.append(i - w) }
            if y < h - 1, state[i + w] == 0 { state[i + w] = 2; stack.append(i + w) }
        }
        if !reachesEdge { holes.append(region) }
    }
    return holes
}

/// The pixels (indices into the `width`-wide label image `labels`) of the holes region `c`
/// encloses, as `holeRegions` finds them in its box: its own loops.
func enclosedHolePixels(of c: InkComponent, labels: [Int32], width: Int) -> [Int] {
    let label = Int32(c.label)
    return holeRegions(width: c.boxWidth, height: c.boxHeight) { x, y in
        labels[(y + c.minY) * width + x + c.minX] == label
    }.joined().map { ($0 / c.boxWidth + c.minY) * width + $0 % c.boxWidth + c.minX }
}
