import CPNG

/// Decodes a PNG of any colour type, bit depth and interlacing through libpng's
/// simplified API (which keeps its own `setjmp` and returns a message on failure).
func decodePNG(bytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    defer { png_image_free(&image) }

    let began = bytes.withUnsafeBytes { raw in
        png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
    }
    guard began != 0 else {
        throw DecodeError.corrupt(format: .png, message: pngMessage(of: image))
    }
    let width = Int(image.width), height = Int(image.height)
    guard width * height <= options.maxPixels else {
        throw DecodeError.tooLarge(width: width, height: height, limit: options.maxPixels)
    }
    let hasAlpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
    image.format = hasAlpha ? UInt32(PNG_FORMAT_GA) : UInt32(PNG_FORMAT_GRAY)
    let channels = hasAlpha ? 2 : 1
    var pixels = [UInt8](repeating: 0, count: width * height * channels)
    let finished = bytes.withUnsafeBytes { _ in
        pixels.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, nil, out.baseAddress, Int32(width * channels), nil)
        }
    }
    guard finished != 0 else {
        throw DecodeError.corrupt(format: .png, message: pngMessage(of: image))
    }
    let gray: GrayImage
    if hasAlpha {
        var luma = [UInt8](repeating: 0, count: width * height)
        var alpha = [UInt8](repeating: 0, count: width * height)
        for i in 0..<(width * height) {
            luma[i] = pixels[2 * i]
            alpha[i] = pixels[2 * i + 1]
        }
        gray = GrayImage(width: width, height: height, luma: luma, alpha: alpha)
    } else {
        gray = GrayImage(width: width, height: height, luma: pixels)
    }
    return DecodedImage(image: gray, format: .png, declaredWidth: width, declaredHeight: height)
}
