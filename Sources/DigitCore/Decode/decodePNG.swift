import CPNG

/// Decodes a PNG of any colour type, bit depth and interlacing through libpng's
/// simplified API (which keeps its own `setjmp` and returns a message on failure),
/// after `pngChunksForDecoding` has checked the chunk layout and dropped what we never need.
/// A file whose full-size decode would take more than `options.reducePNGAboveBytes` is instead
/// read row by row and reduced while decoded (`decodePNGReduced`).
///
/// libpng delivers 8-bit sRGB-encoded samples (gAMA files converted; 16-bit files are
/// read as 16-bit linear and reduced by `sRGBBytes(fromLinear:)`). Gray files come back
/// as gray; colour files as RGB(A), made luma by `lumaFromRGB` (BT.601, as JPEG's Y),
/// so a picture gives the same gray whether saved as PNG or JPEG. A 16-bit file whose samples
/// fill only the low part of the range (all under 1/16 of it) is read again with them shifted
/// up (`underRangeShift`), by the row-by-row reader.
func decodePNG(bytes fileBytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    let bytes = try pngChunksForDecoding(fileBytes)
    let decoded = try decodePNGAsStored(bytes: bytes, options: options)
    // A 16-bit file that came out (nearly) black may hold its picture in the low bits only.
    guard let header = PNGHeader(bytes), header.bitDepth == 16, decoded.image.luma.allSatisfy({ $0 <= 16 }) else {
        return decoded
    }
    let shift = underRangeShift(bytes: bytes, header: header)
    guard shift > 0 else { return decoded }
    return try decodePNGReduced(bytes: bytes, header: header,
                                factor: workingImageFactor(width: header.width, height: header.height),
                                keepAlpha: options.keepAlpha, shift: shift)
}

/// `decodePNG` without its look at the low bits of 16-bit files.
private func decodePNGAsStored(bytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    if let header = PNGHeader(bytes) {
        if max(header.width, header.height) > maxPNGSide {
            throw DecodeError.sideTooLong(width: header.width, height: header.height, limit: maxPNGSide)
        }
        if header.width * header.height > options.maxPixels {
            throw DecodeError.tooLarge(width: header.width, height: header.height, limit: options.maxPixels)
        }
        let factor = workingImageFactor(width: header.width, height: header.height)
        if factor > 1 && pngFullSizeBytes(header) > options.reducePNGAboveBytes {
            return try decodePNGReduced(bytes: bytes, header: header, factor: factor, keepAlpha: options.keepAlpha)
        }
    }
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
            // 16-bit files without gAMA/sRGB are sRGB-encoded in practice; libpng would assume linear.
            image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
            let colour = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
            let alpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
            let sixteenBit = image.format & UInt32(PNG_FORMAT_FLAG_LINEAR) != 0
            switch (colour, alpha) {
            case (false, false): image.format = UInt32(PNG_FORMAT_GRAY)
            case (false, true): image.format = UInt32(PNG_FORMAT_GA)
            case (true, false): image.format = UInt32(PNG_FORMAT_RGB)
            case (true, true): image.format = UInt32(PNG_FORMAT_RGB) | UInt32(PNG_FORMAT_FLAG_ALPHA)
            }
            let channels = (colour ? 3 : 1) + (alpha ? 1 : 0)
            let rowStride = Int32(width * channels)  // in components, as libpng counts
            let pixels: [UInt8]
            let finished: Int32
            if sixteenBit {
                // 16-bit files are read as 16-bit linear and reduced here: libpng's own
                // 16→8-bit path garbles Adam7 files (pnggroup/libpng#853, in Debian's 1.6.39).
                image.format |= UInt32(PNG_FORMAT_FLAG_LINEAR)
                var wide = [UInt16](repeating: 0, count: width * height * channels)
                finished = wide.withUnsafeMutableBytes { out in
                    png_image_finish_read(&image, nil, out.baseAddress, rowStride, nil)
                }
                pixels = finished != 0 ? sRGBBytes(fromLinear: wide, channels: channels, alpha: alpha) : []
            } else {
                var narrow = [UInt8](repeating: 0, count: width * height * channels)
                finished = narrow.withUnsafeMutableBytes { out in
                    png_image_finish_read(&image, nil, out.baseAddress, rowStride, nil)
                }
                pixels = narrow
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
func pngDecodeError(message: String) -> DecodeError {
    let lowered = message.lowercased()
    if lowered.contains("out of data") || lowered.contains("read error") || lowered.contains("not enough image data")
        || lowered.contains("unexpected end") || lowered.contains("beyond end") {
        return .truncated(format: .png, message: message)
    }
    return .corrupt(format: .png, message: message)
}
