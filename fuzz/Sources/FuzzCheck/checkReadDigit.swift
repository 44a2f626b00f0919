import DigitCore

/// The bundled model, loaded once (the harness traps if there is none).
let fuzzModel: Classifier = {
    do { return try Classifier.bundled() } catch { preconditionFailure("no bundled model: \(error)") }
}()

/// The whole path `digit recognize` takes for one file: `readDigit` (decode, the coarse and fine
/// readings, every preprocessing stage) → classify, with `signature` put in front when missing.
/// Traps when the contract breaks: an error that is not a `DecodeError` or has a bad message, a
/// digit that is not 784 values in 0…1, no digit without the warning, probabilities that are
/// not ten finite values summing to 1.
public func checkReadDigit(_ data: UnsafePointer<UInt8>?, _ size: Int, signature: [UInt8]) {
    var bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if !bytes.starts(with: signature) { bytes = signature + bytes }
    do {
        var options = DecodeOptions(maxPixels: fuzzMaxPixels)
        // Small thresholds, so the fuzzer's small images also take the row-by-row reduced PNG
        // decode, the coarser JPEG scales and the coefficient-buffer refusal.
        options.reducePNGAboveBytes = 256 << 10
        options.maxJPEGOutputPixels = 1 << 16   // 256×256: preprocessing stays cheap under ASan
        options.maxJPEGCoefficientBytes = 4 << 20
        _ = decodeMemoryEstimate(bytes: bytes, options: options)
        let result = try readDigit(fromFileBytes: bytes, decodeOptions: options)
        guard let digit = result.digit else {
            precondition(result.warnings.contains(noDigitFoundWarning), "no digit without its warning")
            return
        }
        precondition(digit.pixels.count == DigitImage.pixelCount, "digit size")
        precondition(digit.pixels.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "digit values")
        let prediction = fuzzModel.predict(digit)
        let probabilities = prediction.probabilities
        precondition(probabilities.count == 10 && probabilities.allSatisfy { $0.isFinite && $0 >= 0 },
                     "probabilities")
        precondition(abs(probabilities.reduce(0, +) - 1) < 1e-3, "probabilities do not sum to 1")
    } catch let error as DecodeError {
        let text = error.description
        precondition(!text.isEmpty && !text.contains(where: \.isNewline), "bad message: \(text)")
    } catch {
        preconditionFailure("readDigit threw a non-DecodeError: \(error)")
    }
}
