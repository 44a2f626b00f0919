/// A `DigitImage` as the model sees it, as a gray picture: ink = 1.0 → white (255), background black,
/// each pixel a `scale`×`scale` square (28·scale on a side).
public func digitPicture(_ digit: DigitImage, scale: Int = 4) -> GrayImage {
    let side = DigitImage.side * scale
    var picture = GrayImage(width: side, height: side, filledWith: 0)
    for y in 0..<side {
        for x in 0..<side {
            let value = digit[x / scale, y / scale]
            picture[x, y] = UInt8((min(1, max(0, value)) * 255).rounded())
        }
    }
    return picture
}

/// `00042-true7-pred1.png`; with a `source` path, its file name (without extension, reduced to
/// letters, digits, `-` and `_`) is appended: `00042-true7-pred1-photo_3.png`.
public func misclassifiedFileName(index: Int, label: Int, predicted: Int, source: String? = nil) -> String {
    let number = String(index)
    var name = String(repeating: "0", count: max(0, 5 - number.count)) + number + "-true\(label)-pred\(predicted)"
    if let source {
        var stem = Substring(source.split(separator: "/").last ?? "")
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        let safe = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        if !safe.isEmpty { name += "-" + safe }
    }
    return name + ".png"
}
