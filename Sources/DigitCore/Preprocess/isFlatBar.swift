/// Whether marks whose ink box is `width × height` px are a flat bar: at least three times wider
/// than tall. No digit is (MNIST's widest, a 7 or a 2 written flat, are about 1.5 times wider
/// than tall); a piece of a printed line left on a form or ruled page is.
func isFlatBar(width: Int, height: Int) -> Bool {
    width >= 3 * height
}
