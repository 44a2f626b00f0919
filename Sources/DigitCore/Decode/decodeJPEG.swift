import CJPEGShim

/// Decodes a JPEG through libjpeg (in CJPEGShim, which holds the `setjmp`), downscaled
/// by DCT scaling when the file is far larger than needed (`DecodeOptions.minShortSide`, and
/// `maxJPEGOutputPixels`), a progressive file refused when its coefficient buffers would exceed
/// `maxJPEGCoefficientBytes`,
/// CMYK/YCCK turned into luma, and the EXIF orientation applied.
func decodeJPEG(bytes: [UInt8], options: DecodeOptions) throws -> DecodedImage {
    var message = [CChar](repeating: 0, count: Int(DIGIT_JPEG_MESSAGE_LENGTH))
    var decoded = digit_jpeg_image()
    let status = bytes.withUnsafeBufferPointer { data in
        digit_jpeg_decode(data.baseAddress, data.count, Int32(clamping: options.minShortSide),
                          UInt64(max(0, options.maxJPEGOutputPixels)), UInt64(max(0, options.maxPixels)),
                          UInt64(max(0, options.maxJPEGCoefficientBytes)), &decoded, &message)
    }
    guard status == 0 else {
        let text = messageText(message)
        switch status {
        case DIGIT_JPEG_TOO_LARGE:
            throw DecodeError.tooLarge(width: Int(decoded.declared_width), height: Int(decoded.declared_height),
                                       limit: options.maxPixels)
        case DIGIT_JPEG_TOO_MUCH_MEMORY:
            throw DecodeError.needsTooMuchMemory(width: Int(decoded.declared_width), height: Int(decoded.declared_height),
                                                 bytes: Int(decoded.coefficient_bytes), limit: options.maxJPEGCoefficientBytes)
        case DIGIT_JPEG_TRUNCATED:
            throw DecodeError.truncated(format: .jpeg, message: text)
        default:
            throw DecodeError.corrupt(format: .jpeg, message: text)
        }
    }
    defer { digit_jpeg_image_free(&decoded) }
    guard decoded.components == 1 || decoded.components == 4 else {
        throw DecodeError.corrupt(format: .jpeg, message: "unexpected \(decoded.components) colour components")
    }
    let width = Int(decoded.width), height = Int(decoded.height)
    let samples = Array(UnsafeBufferPointer(start: decoded.pixels, count: width * height * Int(decoded.components)))
    let luma = decoded.components == 4
        ? lumaFromCMYK(samples, invertedByAdobe: decoded.saw_adobe_marker != 0)
        : samples
    let exif = decoded.exif == nil ? [] : Array(UnsafeBufferPointer(start: decoded.exif, count: decoded.exif_length))
    let orientation = exifOrientation(inExifPayload: exif) ?? .up
    let upright = applyingOrientation(orientation, to: GrayImage(width: width, height: height, luma: luma))
    return DecodedImage(image: upright, format: .jpeg,
                        declaredWidth: Int(decoded.declared_width),
                        declaredHeight: Int(decoded.declared_height),
                        orientation: orientation)
}
