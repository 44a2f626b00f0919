/// The page a number was read from, in colour, with each digit's box drawn in red and labelled
/// with its position in reading order (1, 2, …) and the digit read, as `1-4`, above the box
/// (below it when there is no room).
/// `page`: the image the boxes are in (`NumberReading.page`); `boxes` in its pixels;
/// `digits` the digits read, in the same order. The picture is enlarged `scale`× first
/// (nearest neighbour) so labels stay legible on a small page.
public func numberBoxesPicture(page: GrayImage, boxes: [PixelBox], digits: [Int], scale: Int = 2) -> RGBImage {
    let width = page.width * scale, height = page.height * scale
    var picture = RGBImage(width: width, height: height, filledWith: (0, 0, 0))
    for y in 0..<height {
        for x in 0..<width {
            let v = page[x / scale, y / scale]
            picture[x, y] = (v, v, v)
        }
    }
    let red: (UInt8, UInt8, UInt8) = (230, 30, 30)
    let line = max(1, scale)
    let fontScale = max(2, scale)
    for (index, box) in boxes.enumerated() {
        let x = box.x * scale, y = box.y * scale, w = box.width * scale, h = box.height * scale
        fill(&picture, x: x - line, y: y - line, width: w + 2 * line, height: line, colour: red)
        fill(&picture, x: x - line, y: y + h, width: w + 2 * line, height: line, colour: red)
        fill(&picture, x: x - line, y: y, width: line, height: h, colour: red)
        fill(&picture, x: x + w, y: y, width: line, height: h, colour: red)
        let label = "\(index + 1)" + (index < digits.count ? "-\(digits[index])" : "")
        let labelHeight = PixelFont.glyphHeight * fontScale
        let labelY = y - line - labelHeight - 2 >= 0 ? y - line - labelHeight - 2 : y + h + line + 2
        fill(&picture, x: x - line, y: labelY - 1, width: PixelFont.width(of: label, scale: fontScale) + 2,
             height: labelHeight + 2, colour: (255, 255, 255))
        PixelFont.draw(label, into: &picture, x: x, y: labelY, scale: fontScale, colour: red)
    }
    return picture
}
