import CJPEGShim

/// Bytes of memory that reading the digit in `bytes` with `options` (`readDigit`: decode, then
/// preprocess) takes at its peak, estimated from the header alone, the file's own bytes
/// included. What the batch's `MemoryBudget` is asked for before each image is decoded.
///
/// - PNG: one copy of the chunks, then `pngFullSizeBytes` or, above `reducePNGAboveBytes`,
///   `pngReducedBytes` (the row-by-row reduced decode);
/// - JPEG: a progressive file's coefficient buffers, plus the output at the DCT scale the
///   decoder will choose, held about four times (libjpeg's buffer, its copy, luma, the upright copy);
/// - plus `preprocessingBytes` for the working images; a file refused from its header, or
///   not an image, needs only its bytes.
public func decodeMemoryEstimate(bytes: [UInt8], options: DecodeOptions = DecodeOptions()) -> Int {
    switch ImageFormat(magic: bytes) {
    case .png?:
        guard let header = PNGHeader(bytes), max(header.width, header.height) <= maxPNGSide,
              header.width * header.height <= options.maxPixels else { return bytes.count }
        let factor = workingImageFactor(width: header.width, height: header.height)
        let full = pngFullSizeBytes(header)
        let decoding = factor > 1 && full > options.reducePNGAboveBytes ? pngReducedBytes(header, factor: factor) : full
        return 2 * bytes.count + decoding + preprocessingBytes
    case .jpeg?:
        guard let header = jpegHeader(bytes, options: options),
              Int(header.declared_width) * Int(header.declared_height) <= options.maxPixels,
              Int(header.coefficient_bytes) <= options.maxJPEGCoefficientBytes else { return bytes.count }
        let output = Int(header.width) * Int(header.height) * (2 * Int(header.components) + 2)
        return bytes.count + Int(header.coefficient_bytes) + output + preprocessingBytes
    case nil:
        return bytes.count
    }
}

/// Preprocessing's own peak, whatever the image: about a dozen float copies of the working image,
/// which is at most 800 px on its longer side (`workingLongSideLimit`).
let preprocessingBytes = 16 * workingLongSideLimit * workingLongSideLimit * MemoryLayout<Float>.size

/// The JPEG's header as `digit_jpeg_read_header` reads it (declared and output size at the
/// scale `decodeJPEG` would choose, coefficient bytes), or `nil` when it cannot be read.
func jpegHeader(_ bytes: [UInt8], options: DecodeOptions) -> digit_jpeg_header? {
    var message = [CChar](repeating: 0, count: Int(DIGIT_JPEG_MESSAGE_LENGTH))
    var header = digit_jpeg_header()
    let status = bytes.withUnsafeBufferPointer { data in
        digit_jpeg_read_header(data.baseAddress, data.count, Int32(clamping: options.minShortSide),
                               UInt64(max(0, options.maxJPEGOutputPixels)), &header, &message)
    }
    return status == 0 ? header : nil
}
