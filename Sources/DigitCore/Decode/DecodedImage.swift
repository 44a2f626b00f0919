/// A decoded file: the gray image plus what the file said about itself.
public struct DecodedImage: Equatable, Sendable {
    /// Upright (EXIF orientation applied), possibly DCT-downscaled for large JPEGs;
    /// alpha already flattened into luma unless `DecodeOptions.keepAlpha` was set.
    public var image: GrayImage
    public var format: ImageFormat
    /// The size the file's header declares, before any downscaling or rotation.
    public var declaredWidth: Int
    public var declaredHeight: Int
    /// Whether the file had an alpha channel (PNG with alpha or tRNS).
    public var hadAlpha: Bool
    /// The EXIF orientation that was applied (`.up` when the file had none).
    public var orientation: ExifOrientation

    public init(image: GrayImage, format: ImageFormat, declaredWidth: Int, declaredHeight: Int,
                hadAlpha: Bool = false, orientation: ExifOrientation = .up) {
        self.image = image
        self.format = format
        self.declaredWidth = declaredWidth
        self.declaredHeight = declaredHeight
        self.hadAlpha = hadAlpha
        self.orientation = orientation
    }
}
