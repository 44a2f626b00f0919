/// Decodes PNG or JPEG bytes, chosen by the file's magic bytes (never its name),
/// to an upright gray image. Alpha is flattened into luma (`flattenedAlpha`) unless
/// `options.keepAlpha` is set. Every failure is a `DecodeError` with a one-line reason.
public func decodeImage(bytes: [UInt8], options: DecodeOptions = DecodeOptions()) throws -> DecodedImage {
    guard !bytes.isEmpty else { throw DecodeError.empty }
    var decoded: DecodedImage
    switch ImageFormat(magic: bytes) {
    case .png?: decoded = try decodePNG(bytes: bytes, options: options)
    case .jpeg?: decoded = try decodeJPEG(bytes: bytes, options: options)
    case nil:
        if let name = otherImageFormatName(magic: Array(bytes.prefix(32))) {
            throw DecodeError.unsupportedFormat(name: name)
        }
        throw DecodeError.unrecognisedFormat
    }
    if !options.keepAlpha, decoded.image.alpha != nil {
        decoded.image = flattenedAlpha(decoded.image)
    }
    return decoded
}
