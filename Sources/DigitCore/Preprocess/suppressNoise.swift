/// Noise (σ of the flattened background, ink-is-bright units) above which the ink mask is taken
/// from a 3×3-averaged copy: at this level the noise floor (`background + 6σ`) would already hide
/// ink of a quarter of full contrast.
let heavyNoise: Float = 0.042

/// The flattened image the ink mask is taken from, and its thresholds: `flattened` itself, or,
/// when its background noise is heavy (sensor noise, salt and pepper, film grain), its 3×3 mean.
/// Averaging nine pixels divides independent noise by three but leaves a stroke two or more
/// pixels wide almost whole, so a digit a person reads at a glance through the noise is found.
func suppressNoise(_ flattened: FloatImage) -> (image: FloatImage, thresholds: InkThresholds, denoised: Bool) {
    let thresholds = inkThresholds(flattened)
    guard thresholds.noise > heavyNoise else { return (flattened, thresholds, false) }
    let smoothed = boxBlur(flattened, radius: 1)
    return (smoothed, inkThresholds(smoothed), true)
}
