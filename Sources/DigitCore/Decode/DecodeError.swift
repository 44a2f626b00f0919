/// Why a file could not be decoded. Each description is the reason only; callers
/// put the file's name in front (`scan.png: not a PNG or JPEG file`).
public enum DecodeError: Error, Equatable, CustomStringConvertible {
    /// The file has no bytes at all.
    case empty
    /// The first bytes match neither PNG nor JPEG.
    case unrecognisedFormat
    /// The header declares more pixels than the limit allows; refused before allocating.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// The codec found damaged, truncated or invalid data; its message is kept.
    case corrupt(format: ImageFormat, message: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty file (0 bytes)"
        case .unrecognisedFormat:
            return "not a PNG or JPEG file"
        case .tooLarge(let width, let height, let limit):
            return "image is \(width)×\(height) pixels, above the limit of \(limit) pixels"
        case .corrupt(let format, let message):
            return "damaged \(format.rawValue.uppercased()) data: \(message)"
        }
    }
}
