/// `text` with every control character written as an escape, so a file name holding a line
/// break, a tab or a terminal escape cannot split or garble one line of text output:
/// `\n`, `\r`, `\t`, and `\x1B`-style (two hex digits) for the other C0 codes, DEL and the
/// C1 codes U+0080…U+009F. Everything else, backslashes included, is left as it is.
public func escapingControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where isControl(scalar): out += "\\x" + twoHexDigits(UInt8(scalar.value))
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// The name of a path given as raw bytes: valid UTF-8 as it is, each byte that is not part of
/// valid UTF-8 as `\xNN` (so `caf\xE9.png` for a Latin-1 name). Used to show paths that are
/// not UTF-8; the bytes themselves are kept for opening the file.
public func displayName(ofPathBytes bytes: [UInt8]) -> String {
    var out = ""
    var index = 0
    while index < bytes.count {
        let length = utf8SequenceLength(bytes, at: index)
        if length > 0 {
            out += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
            index += length
        } else {
            out += "\\x" + twoHexDigits(bytes[index])
            index += 1
        }
    }
    return out
}

/// The length (1…4) of the valid UTF-8 sequence starting at `index`, or 0 when the bytes there
/// are not one (a stray continuation byte, an overlong form, a surrogate, a cut sequence).
private func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    return String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil ? length : 0
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

private func twoHexDigits(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
