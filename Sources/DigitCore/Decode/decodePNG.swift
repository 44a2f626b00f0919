import CPNG

/// Decodes a PNG of any colour type, bit depth and interlacing through libpng's
/// simplified API (which keeps its own `setjmp` and returns a message on failure).
///
/// libpng delivers 8-bit sRGB-encoded samples (16-bit and gAMA files converted);
/// gray files come back as gray, colour files as RGB(A) and become luma by
/// `lumaFromRGB` (BT.601, as JPEG's Y), so a picture gives the same gray as PNG or JPEG.
func decodePNG(bytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    defer { png_image_free(&image) }

    // begin_read_from_memory keeps a pointer to the bytes until finish_read (or
    // png_image_free) is done with them, so all three happen inside one closure.
    let outcome: Result<(pixels: [UInt8], channels: Int, colour: Bool, alpha: Bool), DecodeError> =
        bytes.withUnsafeBytes { raw in
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                return .failure(pngDecodeError(message: pngMessage(of: image)))
            }
            let width = Int(image.width), height = Int(image.height)
            guard width * height <= options.maxPixels else {
                return .failure(.tooLarge(width: width, height: height, limit: options.maxPixels))
            }
            let colour = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
            let alpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
            switch (colour, alpha) {
            case (false, false): image.format = UInt32(PNG_FORMAT_GRAY)
            case (false, true): image.format = UInt32(PNG_FORMAT_GA)
            case (true, false): image.format = UInt32(PNG_FORMAT_RGB)
            case (true, true): image.format = UInt32(PNG_FORMAT_RGB) | UInt32(PNG_FORMAT_FLAG_ALPHA)
            }
            let channels = (colour ? 3 : 1) + (alpha ? 1 : 0)
            var pixels = [UInt8](repeating: 0, count: width * height * channels)
            let finished = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * channels), nil)
            }
            guard finished != 0 else {
                return .failure(pngDecodeError(message: pngMessage(of: image)))
            }
            return .success((pixels, channels, colour, alpha))
        }
    let decoded = try outcome.get()
    let width = Int(image.width), height = Int(image.height)
    let gray = grayImage(fromInterleaved: decoded.pixels, width: width, height: height,
                         colour: decoded.colour, alpha: decoded.alpha)
    return DecodedImage(image: gray, format: .png, declaredWidth: width, declaredHeight: height,
                        hadAlpha: decoded.alpha)
}

/// Splits libpng's interleaved G, GA, RGB or RGBA rows (8 bits each) into luma and alpha.
private func grayImage(fromInterleaved pixels: [UInt8], width: Int, height: Int,
                       colour: Bool, alpha: Bool) -> GrayImage {
    let count = width * height
    let channels = (colour ? 3 : 1) + (alpha ? 1 : 0)
    if channels == 1 { return GrayImage(width: width, height: height, luma: pixels) }
    var luma = [UInt8](repeating: 0, count: count)
    var opacity: [UInt8]? = alpha ? [UInt8](repeating: 0, count: count) : nil
    pixels.withUnsafeBufferPointer { p in
        for i in 0..<count {
            let base = i * channels
            luma[i] = colour ? lumaFromRGB(p[base], p[base + 1], p[base + 2]) : p[base]
            if alpha { opacity![i] = p[base + channels - 1] }
        }
    }
    return GrayImage(width: width, height: height, luma: luma, alpha: opacity)
}

/// libpng's simplified API reports every failure as a message; a file that ends too
/// early says so ("… out of data", "Read Error", "Not enough image data").
private func pngDecodeError(message: String) -> DecodeError {
    let lowered = message.lowercased()
    if lowered.contains("out of data") || lowered.contains("read error") || lowered.contains("not enough image data")
        || lowered.contains("unexpected end") {
        return .truncated(format: .png, message: message)
    }
    return .corrupt(format: .png, message: message)
}
