/// Limits, the downscaling rule and the alpha policy for `decodeImage`.
public struct DecodeOptions: Equatable, Sendable {
    /// Files whose header declares more pixels than this are refused before any
    /// pixel memory is allocated. Default: 100 megapixels (a 12 MP phone photo is 12).
    public var maxPixels: Int = 100_000_000
    /// Large JPEGs are decoded at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling), the
    /// smallest that keeps the shorter side at least this long; 0 decodes at full size.
    ///
    /// Rule: 256 px, so a digit that fills only 15% of the short side still spans
    /// ≥ 38 px, about twice MNIST's 20 px box, before preprocessing scales it down.
    /// A 4000×3000 photo decodes at 1/8 (500×375); a 1000×800 scan at 1/2 (500×400).
    public var minShortSide: Int = 256
    /// `false` (default): alpha is composited into luma by `flattenedAlpha` and the
    /// returned image has `alpha == nil`. `true`: luma and alpha come back as in the file.
    public var keepAlpha: Bool = false
    /// A PNG whose decode at full size would take more than this many bytes (`pngFullSizeBytes`:
    /// libpng's output, its 16-bit samples, luma and alpha) is read row by row and box-averaged
    /// while it is decoded, by the factor preprocessing would use (`workingImageFactor`: longer
    /// side to at most 800 px), so it is never held at full size. Default 64 MiB: an 8-bit RGB
    /// file up to about 11 MP, a 16-bit RGBA one up to about 4.8 MP, is decoded whole.
    public var reducePNGAboveBytes: Int = 64 << 20
    /// A JPEG's output at the chosen DCT scale may have at most this many pixels; above it a
    /// coarser scale (down to 1/8) is taken. Default 16 MP (a 12 MP photo decodes whole when asked).
    public var maxJPEGOutputPixels: Int = 16_000_000
    /// A progressive or multi-scan JPEG whose coefficient buffers (2 bytes per sample at full
    /// size, allocated by libjpeg whatever the scale) would exceed this is refused from its
    /// header. Default 320 MiB: a 100 MP 4:2:0 colour photo (286 MiB) is read, a 100 MP CMYK one not.
    public var maxJPEGCoefficientBytes: Int = 320 << 20

    public init(maxPixels: Int = 100_000_000, minShortSide: Int = 256, keepAlpha: Bool = false) {
        self.maxPixels = maxPixels
        self.minShortSide = minShortSide
        self.keepAlpha = keepAlpha
    }
}
