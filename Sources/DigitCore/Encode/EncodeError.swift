/// Why an image could not be encoded.
public enum EncodeError: Error, Equatable, CustomStringConvertible {
    /// Width or height is zero, or too large for the format.
    case invalidSize(width: Int, height: Int)
    /// The codec library refused; its message is kept.
    case codecFailed(format: ImageFormat, message: String)

    public var description: String {
        switch self {
        case .invalidSize(let width, let height):
            return "cannot encode a \(width)×\(height) image"
        case .codecFailed(let format, let message):
            return "\(format.rawValue.uppercased()) encoder failed: \(message)"
        }
    }
}
