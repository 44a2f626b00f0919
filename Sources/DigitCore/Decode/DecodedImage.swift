/// A decoded file: the gray image plus what the file said about itself.
public struct DecodedImage: Equatable, Sendable {
    /// Upright (EXIF orientation applied), possibly DCT-downscaled for large JPEGs.
    public var image: GrayImage
    public var format: ImageFormat
    /// The size the file's header declares, before any downscaling or rotation.
    public var declaredWidth: Int
    public var declaredHeight: Int

    public init(image: GrayImage, format: ImageFormat, declaredWidth: Int, declaredHeight: Int) {
        self.image = image
        self.format = format
        self.declaredWidth = declaredWidth
        self.declaredHeight = declaredHeight
    }
}
