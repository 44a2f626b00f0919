/// Limits and the downscaling rule for `decodeImage`.
public struct DecodeOptions: Equatable, Sendable {
    /// Files whose header declares more pixels than this are refused before any
    /// pixel memory is allocated. Default: 100 megapixels.
    public var maxPixels: Int = 100_000_000
    /// Large JPEGs are decoded at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling), the
    /// smallest that keeps the shorter side at least this long; 0 decodes at full size.
    public var minShortSide: Int = 256

    public init(maxPixels: Int = 100_000_000, minShortSide: Int = 256) {
        self.maxPixels = maxPixels
        self.minShortSide = minShortSide
    }
}
