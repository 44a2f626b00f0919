/// Rows ↔ columns: `width × height` in, `height × width` out.
func transpose<T>(_ pixels: [T], width: Int, height: Int) -> [T] {
    guard let first = pixels.first else { return pixels }
    var out = [T](repeating: first, count: pixels.count)
    pixels.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for y in 0..<height {
                for x in 0..<width { dst[x * height + y] = src[y * width + x] }
            }
        }
    }
    return out
}
