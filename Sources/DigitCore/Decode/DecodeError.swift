/// Why a file could not be decoded. Each description is the reason only, on one line;
/// callers put the file's name in front (`scan.png: not a PNG or JPEG file`).
public enum DecodeError: Error, Equatable, CustomStringConvertible {
    /// The file has no bytes at all.
    case empty
    /// The first bytes match neither PNG nor JPEG, nor any other image format we can name.
    case unrecognisedFormat
    /// The first bytes are another image format (`"GIF"`, `"WebP"`, …) that `digit` does not read.
    case unsupportedFormat(name: String)
    /// The header declares more pixels than the limit allows; refused before allocating.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// The header declares a side longer than the format's decoder reads (PNG: 1,000,000 px).
    case sideTooLong(width: Int, height: Int, limit: Int)
    /// Decoding would need more memory than allowed (a progressive JPEG's coefficient buffers);
    /// refused from the header. `bytes` and `limit` in bytes.
    case needsTooMuchMemory(width: Int, height: Int, bytes: Int, limit: Int)
    /// The data ends before the image does (an interrupted download or copy).
    case truncated(format: ImageFormat, message: String)
    /// The codec found damaged or invalid data; its message is kept (one line).
    case corrupt(format: ImageFormat, message: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty file (0 bytes)"
        case .unrecognisedFormat:
            return "not a PNG or JPEG file"
        case .unsupportedFormat(let name):
            return "this is a \(name) image; digit reads only PNG and JPEG (convert it first)"
        case .tooLarge(let width, let height, let limit):
            return "image is \(width)×\(height) pixels, above the limit of \(limit) pixels"
        case .sideTooLong(let width, let height, let limit):
            return "image is \(width)×\(height) pixels, a side longer than the limit of \(limit) pixels"
        case .needsTooMuchMemory(let width, let height, let bytes, let limit):
            return "image is \(width)×\(height) pixels in several scans (progressive): decoding it needs "
                + "\(bytes >> 20) MiB, above the limit of \(limit >> 20) MiB"
        case .truncated(let format, let message):
            return "truncated \(format.displayName) file, it ends before the image does (\(oneLine(message)))"
        case .corrupt(let format, let message):
            return "damaged \(format.displayName) data: \(oneLine(message))"
        }
    }
}

/// `text` with line breaks and other control characters turned into spaces and the
/// trailing full stop dropped, so a codec's message always fits on one line.
func oneLine(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
    }
    var line = Substring(String(scalars))
    while let last = line.last, last == " " || last == "." { line.removeLast() }
    while let first = line.first, first == " " { line.removeFirst() }
    return line.isEmpty ? "no details" : String(line)
}
