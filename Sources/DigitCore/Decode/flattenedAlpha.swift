/// `image` with its alpha composited into luma over a flat background, and `alpha == nil`.
///
/// The background is chosen to contrast with what is drawn, so strokes that live only
/// in alpha (a canvas export: flat colour, ink in alpha) stay visible:
/// - the drawn colour is the alpha-weighted mean luma, Σ luma·alpha / Σ alpha;
/// - if it is dark (< 128) the background is white (255): dark ink on paper;
///   otherwise black (0): light ink on a dark board, as the canvas app showed it.
/// Each pixel becomes `(luma·a + background·(255 − a)) / 255`, rounded. An image whose
/// alpha is 255 everywhere is returned with its luma unchanged; one with alpha 0
/// everywhere becomes plain white.
public func flattenedAlpha(_ image: GrayImage) -> GrayImage {
    guard let alpha = image.alpha else { return image }
    let background = alphaBackgroundLuma(luma: image.luma, alpha: alpha)
    var luma = image.luma
    for i in 0..<luma.count {
        let a = UInt32(alpha[i])
        luma[i] = UInt8((UInt32(luma[i]) * a + background * (255 - a) + 127) / 255)
    }
    return GrayImage(width: image.width, height: image.height, luma: luma)
}

/// 255 (white) when the alpha-weighted mean luma is dark or nothing is drawn, else 0 (black).
func alphaBackgroundLuma(luma: [UInt8], alpha: [UInt8]) -> UInt32 {
    var weighted: UInt64 = 0, total: UInt64 = 0
    for i in 0..<luma.count {
        weighted += UInt64(luma[i]) * UInt64(alpha[i])
        total += UInt64(alpha[i])
    }
    guard total > 0 else { return 255 }
    return weighted < 128 * total ? 255 : 0
}
