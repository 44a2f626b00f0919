@testable import DigitCore

/// The number of holes in the ink of `image` (ink: `≥ level`): `holeCount`'s 4-connected regions
/// of background that do not touch the image's edge, of any size.
func countHoles(_ image: FloatImage, level: Float = 0.5) -> Int {
    holeCount(width: image.width, height: image.height, minimumArea: 1) { x, y in image[x, y] >= level }
}
