/// A 3×5 pixel font for the few characters `digit`'s pictures label things with:
/// `0`…`9`, `+`, `-`, `.`, `%`. Other characters draw as blank space.
enum PixelFont {
    static let glyphWidth = 3
    static let glyphHeight = 5

    /// Five rows of three pixels per character; `#` = ink.
    static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "-": ["...", "...", "###", "...", "..."],
        ".": ["...", "...", "...", "...", ".#."],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
    ]

    /// Width in pixels of `text` drawn at `scale` (one blank column between characters).
    static func width(of text: String, scale: Int) -> Int {
        text.isEmpty ? 0 : (text.count * (glyphWidth + 1) - 1) * scale
    }

    /// Draws `text` with its top-left corner at (`x`, `y`), each font pixel `scale`×`scale`;
    /// pixels falling outside the image are skipped.
    static func draw(_ text: String, into image: inout RGBImage, x: Int, y: Int, scale: Int,
                     colour: (UInt8, UInt8, UInt8)) {
        for (index, character) in text.enumerated() {
            guard let rows = glyphs[character] else { continue }
            let left = x + index * (glyphWidth + 1) * scale
            for (row, pattern) in rows.enumerated() {
                for (column, mark) in pattern.enumerated() where mark == "#" {
                    fill(&image, x: left + column * scale, y: y + row * scale, width: scale, height: scale, colour: colour)
                }
            }
        }
    }
}

/// Fills a rectangle, clipped to the image.
func fill(_ image: inout RGBImage, x: Int, y: Int, width: Int, height: Int, colour: (UInt8, UInt8, UInt8)) {
    let left = max(0, x), right = min(image.width, x + width)
    let top = max(0, y), bottom = min(image.height, y + height)
    guard left < right, top < bottom else { return }
    for py in top..<bottom {
        for px in left..<right { image[px, py] = colour }
    }
}

/// The colour a fraction `t` (0…1) of the way from `a` to `b`.
func blend(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8), _ t: Double) -> (UInt8, UInt8, UInt8) {
    let t = min(1, max(0, t))
    func mix(_ u: UInt8, _ v: UInt8) -> UInt8 { UInt8((Double(u) + (Double(v) - Double(u)) * t).rounded()) }
    return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}
