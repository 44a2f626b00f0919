/// Why an input file could not be read. Each description is the reason only;
/// callers put the path in front (`scan.png: no such file or directory`).
public enum InputFileError: Error, Equatable, CustomStringConvertible {
    case notFound
    case permissionDenied
    case isDirectory
    /// Larger than any image `digit` would decode; refused before reading.
    case tooLarge(bytes: Int, limit: Int)
    /// Any other failure of the operating system, with its message.
    case readFailed(String)

    public var description: String {
        switch self {
        case .notFound: return "no such file or directory"
        case .permissionDenied: return "permission denied"
        case .isDirectory: return "is a directory"
        case .tooLarge(let bytes, let limit): return "file is \(bytes) bytes, above the limit of \(limit) bytes"
        case .readFailed(let message): return "cannot read: \(message)"
        }
    }
}
