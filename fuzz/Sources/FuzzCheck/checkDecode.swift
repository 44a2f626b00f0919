import DigitCore

/// Fuzzing uses a 4-megapixel limit so each input decodes in milliseconds; the limit
/// check itself is the same code as with the default 100 MP.
public let fuzzMaxPixels = 4_000_000

/// Decodes `data` (with `signature` put in front when it does not already start with it,
/// so every input reaches the decoder under test) both flattened and with alpha kept,
/// and traps on anything that breaks the decoder's contract: an error that is not a
/// `DecodeError`, a multi-line message, or an image whose buffers disagree with its size.
public func checkDecode(_ data: UnsafePointer<UInt8>?, _ size: Int, signature: [UInt8]) {
    var bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if !bytes.starts(with: signature) { bytes = signature + bytes }
    for keepAlpha in [false, true] {
        let options = DecodeOptions(maxPixels: fuzzMaxPixels, keepAlpha: keepAlpha)
        do {
            let decoded = try decodeImage(bytes: bytes, options: options)
            let image = decoded.image
            precondition(image.width > 0 && image.height > 0, "empty image decoded")
            precondition(image.width * image.height <= fuzzMaxPixels, "limit not enforced")
            precondition(image.luma.count == image.width * image.height, "luma size")
            precondition(keepAlpha || image.alpha == nil, "alpha not flattened")
            precondition(image.alpha == nil || image.alpha!.count == image.luma.count, "alpha size")
            precondition(decoded.declaredWidth * decoded.declaredHeight <= fuzzMaxPixels, "declared size above limit")
        } catch let error as DecodeError {
            let text = error.description
            precondition(!text.isEmpty && !text.contains(where: \.isNewline), "bad message: \(text)")
        } catch {
            preconditionFailure("decodeImage threw a non-DecodeError: \(error)")
        }
    }
}
