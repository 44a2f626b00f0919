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

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

/// `1B` for 0x1B.
func twoHexDigits(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
