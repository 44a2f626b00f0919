import CPNG

/// Encodes a gray image (and its alpha, if any) as an 8-bit PNG, through libpng's simplified API.
public func encodePNG(_ image: GrayImage) throws -> [UInt8] {
    if let alpha = image.alpha {
        var interleaved = [UInt8](repeating: 0, count: image.width * image.height * 2)
        for i in 0..<(image.width * image.height) {
            interleaved[2 * i] = image.luma[i]
            interleaved[2 * i + 1] = alpha[i]
        }
        return try encodePNG(bytes: interleaved, width: image.width, height: image.height,
                             format: UInt32(PNG_FORMAT_GA), channels: 2)
    }
    return try encodePNG(bytes: image.luma, width: image.width, height: image.height,
                         format: UInt32(PNG_FORMAT_GRAY), channels: 1)
}

/// Encodes an RGB image as an 8-bit PNG, through libpng's simplified API.
public func encodePNG(_ image: RGBImage) throws -> [UInt8] {
    try encodePNG(bytes: image.bytes, width: image.width, height: image.height,
                  format: UInt32(PNG_FORMAT_RGB), channels: 3)
}

/// `bytes`: `height` rows of `width × channels` bytes, laid out as libpng's `format` says.
private func encodePNG(bytes: [UInt8], width: Int, height: Int, format: UInt32, channels: Int) throws -> [UInt8] {
    guard width > 0, height > 0, width <= 1 << 24, height <= 1 << 24 else {
        throw EncodeError.invalidSize(width: width, height: height)
    }
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    image.width = UInt32(width)
    image.height = UInt32(height)
    image.format = format
    defer { png_image_free(&image) }

    let rowStride = Int32(width * channels)
    // First call measures, second writes.
    var size = 0
    let measured = bytes.withUnsafeBytes { pixels in
        png_image_write_to_memory(&image, nil, &size, 0, pixels.baseAddress, rowStride, nil)
    }
    guard measured != 0, size > 0 else {
        throw EncodeError.codecFailed(format: .png, message: pngMessage(of: image))
    }
    var output = [UInt8](repeating: 0, count: size)
    let written = output.withUnsafeMutableBytes { out in
        bytes.withUnsafeBytes { pixels in
            png_image_write_to_memory(&image, out.baseAddress, &size, 0, pixels.baseAddress, rowStride, nil)
        }
    }
    guard written != 0 else {
        throw EncodeError.codecFailed(format: .png, message: pngMessage(of: image))
    }
    return Array(output.prefix(size))
}

/// The message libpng's simplified API left in `image` after a failure.
func pngMessage(of image: png_image) -> String {
    var copy = image
    return withUnsafeBytes(of: &copy.message) { raw in
        let text = raw.prefix { $0 != 0 }
        return String(decoding: text, as: UTF8.self)
    }
}
