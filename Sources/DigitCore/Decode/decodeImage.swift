/// Decodes PNG or JPEG bytes, chosen by the file's magic bytes (never its name),
/// to an upright gray image.
public func decodeImage(bytes: [UInt8], options: DecodeOptions = DecodeOptions()) throws -> DecodedImage {
    guard !bytes.isEmpty else { throw DecodeError.empty }
    switch ImageFormat(magic: bytes) {
    case .png?: return try decodePNG(bytes: bytes, options: options)
    case .jpeg?: return try decodeJPEG(bytes: bytes, options: options)
    case nil: throw DecodeError.unrecognisedFormat
    }
}
