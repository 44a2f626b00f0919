/// The one path from a file's bytes to what the classifier sees: decode → preprocess.
/// `recognize`, `evaluate` (on image folders) and `preprocess` all go through here.
public func readDigit(fromFileBytes bytes: [UInt8], decodeOptions: DecodeOptions = DecodeOptions(),
                      recordingSteps: Bool = false) throws -> PreprocessResult {
    let decoded = try decodeImage(bytes: bytes, options: decodeOptions)
    return preprocess(decoded.image, recordingSteps: recordingSteps)
}
