/// The smallest box holding every pixel above 0, cut out of `image`; `nil` when there is no ink.
/// (MNIST's 20-px box is the box of all non-zero pixels: measured on the training set, its
/// longer side is exactly 20 for 59,987 of 60,000 digits.)
func cropToInk(_ image: FloatImage) -> FloatImage? {
    var minX = image.width, minY = image.height, maxX = -1, maxY = -1
    for y in 0..<image.height {
        for x in 0..<image.width where image.pixels[y * image.width + x] > 0 {
            minX = min(minX, x); maxX = max(maxX, x)
            minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    guard maxX >= 0 else { return nil }
    if minX == 0 && minY == 0 && maxX == image.width - 1 && maxY == image.height - 1 { return image }
    let width = maxX - minX + 1, height = maxY - minY + 1
    var out = FloatImage(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width { out.pixels[y * width + x] = image.pixels[(y + minY) * image.width + x + minX] }
    }
    return out
}
