/// Removes uneven lighting, shadows, vignetting and paper tint from an ink-is-bright image.
///
/// Background `B` = grey opening (erosion then dilation over a square wider than any stroke,
/// see `backgroundRadius`) of a lightly smoothed copy, then box-smoothed. Output
/// `(v − B) / (1 − B)` clamped to 0…1: for dark ink on paper this is `1 − luma / paperLuma`,
/// the ink's contrast relative to the local paper, so a shadow that darkens paper and ink
/// alike cancels. The denominator is floored at 0.1 so a black region does not blow up noise.
/// The background is estimated on a copy reduced by `coarseFactor` (box-averaged, which also
/// smooths noise) and interpolated back up.
func flattenIllumination(_ image: FloatImage) -> FloatImage {
    let background = estimateBackground(image)
    var out = image
    for i in 0..<image.count {
        let b = background.pixels[i]
        out.pixels[i] = min(1, max(0, (image.pixels[i] - b) / max(0.1, 1 - b)))
    }
    return out
}

/// The large-scale background of an ink-is-bright image (see `flattenIllumination`), full size.
func estimateBackground(_ image: FloatImage) -> FloatImage {
    let factor = coarseFactor(width: image.width, height: image.height)
    let radius = max(2, backgroundRadius(width: image.width, height: image.height) / factor)
    let small = downsample(image, by: factor)
    let smooth = factor > 1 ? small : boxBlur(small, radius: 1)
    let background = boxBlur(greyOpening(smooth, radius: radius), radius: radius)
    return upsample(background, by: factor, width: image.width, height: image.height)
}
