/// The EXIF Orientation tag (0x0112): how the stored pixels must be turned to show
/// the picture upright, as a phone's gallery does. Raw values 1…8 as in the EXIF spec.
public enum ExifOrientation: Int, Sendable, CaseIterable {
    /// 1: stored upright.
    case up = 1
    /// 2: mirrored left–right.
    case upMirrored = 2
    /// 3: upside down (rotate 180°).
    case down = 3
    /// 4: mirrored top–bottom.
    case downMirrored = 4
    /// 5: transposed (mirror across the top-left to bottom-right diagonal).
    case leftMirrored = 5
    /// 6: rotate 90° clockwise to show (the usual portrait photo from a phone).
    case right = 6
    /// 7: transversed (mirror across the top-right to bottom-left diagonal).
    case rightMirrored = 7
    /// 8: rotate 90° counter-clockwise to show.
    case left = 8

    /// Whether showing the picture swaps width and height.
    public var swapsWidthAndHeight: Bool { rawValue >= 5 }
}
