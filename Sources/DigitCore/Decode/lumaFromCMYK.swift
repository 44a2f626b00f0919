/// Luma from libjpeg's CMYK output (`count` pixels, 4 bytes each: C, M, Y, K).
///
/// `invertedByAdobe`: files with an Adobe APP14 marker (Photoshop and nearly every
/// CMYK/YCCK JPEG) store each ink inverted, 255 = no ink; others store 0 = no ink.
/// Ink is turned into RGB by the naive formula R = (1 − C)(1 − K) etc., then into
/// luma by `lumaFromRGB`; no colour profile is applied.
func lumaFromCMYK(_ samples: [UInt8], invertedByAdobe: Bool) -> [UInt8] {
    let count = samples.count / 4
    var luma = [UInt8](repeating: 0, count: count)
    samples.withUnsafeBufferPointer { p in
        for i in 0..<count {
            // "Paper left" per ink: 255 = no ink.
            var c = UInt32(p[4 * i]), m = UInt32(p[4 * i + 1])
            var y = UInt32(p[4 * i + 2]), k = UInt32(p[4 * i + 3])
            if !invertedByAdobe { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k }
            let red = UInt8((c * k + 127) / 255)
            let green = UInt8((m * k + 127) / 255)
            let blue = UInt8((y * k + 127) / 255)
            luma[i] = lumaFromRGB(red, green, blue)
        }
    }
    return luma
}
