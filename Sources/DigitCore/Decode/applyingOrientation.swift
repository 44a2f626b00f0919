/// `image` (as stored in the file) turned so it shows upright, per the EXIF `orientation`.
/// Orientations 5…8 swap width and height. Alpha, if any, is turned with luma.
public func applyingOrientation(_ orientation: ExifOrientation, to image: GrayImage) -> GrayImage {
    guard orientation != .up else { return image }
    let w = image.width, h = image.height
    let outWidth = orientation.swapsWidthAndHeight ? h : w
    let outHeight = orientation.swapsWidthAndHeight ? w : h

    /// The stored pixel (x, y) that lands at upright position (ox, oy).
    func source(_ ox: Int, _ oy: Int) -> Int {
        switch orientation {
        case .up: return oy * w + ox
        case .upMirrored: return oy * w + (w - 1 - ox)
        case .down: return (h - 1 - oy) * w + (w - 1 - ox)
        case .downMirrored: return (h - 1 - oy) * w + ox
        case .leftMirrored: return ox * w + oy
        case .right: return (h - 1 - ox) * w + oy
        case .rightMirrored: return (h - 1 - ox) * w + (w - 1 - oy)
        case .left: return ox * w + (w - 1 - oy)
        }
    }
    func turned(_ plane: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: plane.count)
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                out[oy * outWidth + ox] = plane[source(ox, oy)]
            }
        }
        return out
    }
    return GrayImage(width: outWidth, height: outHeight, luma: turned(image.luma), alpha: image.alpha.map(turned))
}
