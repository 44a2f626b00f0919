import CPNGShim

/// Bytes a full-size decode of a PNG with this header takes at its peak, by the simplified-API
/// path of `decodePNG`: libpng's interleaved output (16-bit samples for 16-bit files, then their
/// 8-bit copy), then luma and alpha. Transparency is assumed possible (a tRNS chunk gives any
/// colour type an alpha channel).
func pngFullSizeBytes(_ header: PNGHeader) -> Int {
    let channels = (header.isColour ? 3 : 1) + 1
    let perPixel = channels * (header.bitDepth == 16 ? 3 : 1) + 2
    return header.width * header.height * perPixel
}

/// Bytes the row-by-row reduced decode (`decodePNGReduced`) takes at its peak: libpng's row
/// buffers (current and previous row, at most 8 bytes a pixel) and two 64-bit sums per output pixel.
func pngReducedBytes(_ header: PNGHeader, factor: Int) -> Int {
    let outPixels = max(1, header.width / factor) * max(1, header.height / factor)
    return 3 * header.width * 8 + outPixels * 17
}

/// Decodes a PNG row by row through `CPNGShim`, box-averaging `factor`×`factor` blocks as they
/// arrive, so the image is never held at full size (memory: `pngReducedBytes`). The result is
/// `max(1, w / factor) × max(1, h / factor)`, the shape `toWorkingImage` gives; alpha is flattened
/// by the rule of `flattenedAlpha` applied to the block sums (or kept as block means when
/// `keepAlpha`). Luma agrees with the full-size decode to within rounding (a level or so), except
/// that 16-bit samples are rounded to 8 bits before gamma, where the full-size path goes through
/// linear light.
///
/// `shift` moves 16-bit colour samples up that many bits first (`underRangeShift`).
func decodePNGReduced(bytes: [UInt8], header: PNGHeader, factor: Int, keepAlpha: Bool,
                      shift: Int = 0) throws -> DecodedImage {
    var reduced = try readReducedPNG(bytes, factor: factor, shift: shift)
    defer { digit_png_reduced_free(&reduced) }
    let width = Int(reduced.out_width), height = Int(reduced.out_height)
    let count = width * height
    let blockPixels = UInt64(reduced.block_width) * UInt64(reduced.block_height)
    let lumaAlpha = UnsafeBufferPointer(start: reduced.luma_alpha_sums, count: count)
    let alphaSums = UnsafeBufferPointer(start: reduced.alpha_sums, count: count)
    let hasAlpha = reduced.has_alpha != 0
    var luma = [UInt8](repeating: 0, count: count)
    var alpha: [UInt8]? = nil
    if hasAlpha && keepAlpha {
        // Block means: luma weighted by alpha (the colour under transparent pixels does not count).
        var means = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let a = alphaSums[i]
            luma[i] = a == 0 ? 0 : UInt8((lumaAlpha[i] + a / 2) / a)
            means[i] = UInt8((a + blockPixels / 2) / blockPixels)
        }
        alpha = means
    } else {
        // Each pixel composited over the background as `flattenedAlpha` does, then averaged:
        // Σ (luma·a + bg·(255 − a)) / 255 over the block = (Σ luma·a + bg·(255·n − Σ a)) / 255.
        let background = hasAlpha ? reducedAlphaBackground(lumaAlpha, alphaSums) : 0
        let denominator = 255 * blockPixels
        for i in 0..<count {
            let numerator = lumaAlpha[i] + background * (denominator - alphaSums[i])
            luma[i] = UInt8((numerator + denominator / 2) / denominator)
        }
    }
    return DecodedImage(image: GrayImage(width: width, height: height, luma: luma, alpha: alpha),
                        format: .png, declaredWidth: header.width, declaredHeight: header.height,
                        hadAlpha: hasAlpha)
}

/// `alphaBackgroundLuma` from block sums: 255 when the alpha-weighted mean luma is dark or nothing is drawn.
private func reducedAlphaBackground(_ lumaAlpha: UnsafeBufferPointer<UInt64>, _ alpha: UnsafeBufferPointer<UInt64>) -> UInt64 {
    var weighted: UInt64 = 0, total: UInt64 = 0
    for i in 0..<lumaAlpha.count { weighted += lumaAlpha[i]; total += alpha[i] }
    guard total > 0 else { return 255 }
    return weighted < 128 * total ? 255 : 0
}

/// How many bits a 16-bit PNG's colour samples must be shifted up to be read, or 0: nonzero only
/// when its brightest colour sample is under 4,096 (1/16 of the range; 12-bit or 8-bit data
/// stored in 16-bit samples without an sBIT chunk, as `Image.fromarray(pixels.astype(uint16))`
/// writes it), then the most that keeps that sample within 65,535. Reads the file once more,
/// reduced to a single pixel (so in little memory).
func underRangeShift(bytes: [UInt8], header: PNGHeader) -> Int {
    guard header.bitDepth == 16,
          var reduced = try? readReducedPNG(bytes, factor: max(header.width, header.height), shift: 0) else { return 0 }
    defer { digit_png_reduced_free(&reduced) }
    let brightest = max(1, Int(reduced.brightest_sample))
    guard brightest < 4_096 else { return 0 }
    var shift = 0
    while brightest << (shift + 1) <= 65_535 { shift += 1 }
    return shift
}

/// `digit_png_read_reduced` on `bytes`; the caller frees the result (`digit_png_reduced_free`).
private func readReducedPNG(_ bytes: [UInt8], factor: Int, shift: Int) throws -> digit_png_reduced {
    var message = [CChar](repeating: 0, count: Int(DIGIT_PNG_MESSAGE_LENGTH))
    var reduced = digit_png_reduced()
    let status = bytes.withUnsafeBufferPointer { data in
        digit_png_read_reduced(data.baseAddress, data.count, UInt32(factor), Int32(shift), &reduced, &message)
    }
    guard status == 0 else { throw pngDecodeError(message: messageText(message)) }
    return reduced
}
