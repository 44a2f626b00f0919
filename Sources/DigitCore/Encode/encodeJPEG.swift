import CJPEGShim

/// Encodes a gray image (alpha ignored) as a JPEG of `quality` 1…100, through libjpeg (in CJPEGShim).
public func encodeJPEG(_ image: GrayImage, quality: Int = 90, progressive: Bool = false) throws -> [UInt8] {
    try encodeJPEG(bytes: image.luma, width: image.width, height: image.height,
                   components: 1, quality: quality, progressive: progressive)
}

/// Encodes an RGB image as a JPEG of `quality` 1…100, through libjpeg (in CJPEGShim).
public func encodeJPEG(_ image: RGBImage, quality: Int = 90, progressive: Bool = false) throws -> [UInt8] {
    try encodeJPEG(bytes: image.bytes, width: image.width, height: image.height,
                   components: 3, quality: quality, progressive: progressive)
}

private func encodeJPEG(bytes: [UInt8], width: Int, height: Int, components: Int,
                        quality: Int, progressive: Bool) throws -> [UInt8] {
    guard width > 0, height > 0, width <= 65_500, height <= 65_500 else {
        throw EncodeError.invalidSize(width: width, height: height)
    }
    var message = [CChar](repeating: 0, count: Int(DIGIT_JPEG_MESSAGE_LENGTH))
    var output: UnsafeMutablePointer<UInt8>?
    var length = 0
    let status = bytes.withUnsafeBufferPointer { pixels in
        digit_jpeg_encode(pixels.baseAddress, Int32(width), Int32(height), Int32(components),
                          Int32(max(1, min(100, quality))), progressive ? 1 : 0,
                          &output, &length, &message)
    }
    guard status == 0, let output else {
        throw EncodeError.codecFailed(format: .jpeg, message: messageText(message))
    }
    defer { digit_jpeg_buffer_free(output) }
    return Array(UnsafeBufferPointer(start: output, count: length))
}
