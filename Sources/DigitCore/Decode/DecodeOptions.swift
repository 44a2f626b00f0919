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

    public init(maxPixels: Int = 100_000_000, minShortSide: Int = 256, keepAlpha: Bool = false) {
        self.maxPixels = maxPixels
        self.minShortSide = minShortSide
        self.keepAlpha = keepAlpha
    }
}
