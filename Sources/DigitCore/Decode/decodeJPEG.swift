import CJPEGShim

/// Decodes a JPEG through libjpeg (in CJPEGShim, which holds the `setjmp`),
/// downscaled by DCT scaling when the file is far larger than needed.
func decodeJPEG(bytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    var message = [CChar](repeating: 0, count: Int(DIGIT_JPEG_MESSAGE_LENGTH))
    var decoded = digit_jpeg_image()
    let status = bytes.withUnsafeBufferPointer { data in
        digit_jpeg_decode(data.baseAddress, data.count, Int32(options.minShortSide),
                          UInt64(options.maxPixels), &decoded, &message)
    }
    guard status == 0 else {
        let text = String(cString: message)
        var width: Int32 = 0, height: Int32 = 0
        if bytes.withUnsafeBufferPointer({ digit_jpeg_read_size($0.baseAddress, $0.count, &width, &height, &message) }) == 0,
           Int(width) * Int(height) > options.maxPixels {
            throw DecodeError.tooLarge(width: Int(width), height: Int(height), limit: options.maxPixels)
        }
        throw DecodeError.corrupt(format: .jpeg, message: text)
    }
    defer { digit_jpeg_image_free(&decoded) }
    let width = Int(decoded.width), height = Int(decoded.height)
    let count = width * height * Int(decoded.components)
    let samples = Array(UnsafeBufferPointer(start: decoded.pixels, count: count))
    // TODO(decode): CMYK → luma, EXIF orientation.
    let luma = decoded.components == 1 ? samples : stride(from: 0, to: count, by: 4).map { samples[$0 + 3] }
    return DecodedImage(image: GrayImage(width: width, height: height, luma: luma),
                        format: .jpeg,
                        declaredWidth: Int(decoded.declared_width),
                        declaredHeight: Int(decoded.declared_height))
}
