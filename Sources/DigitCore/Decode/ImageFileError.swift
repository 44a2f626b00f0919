import Glibc

/// Why an image file (or standard input) could not be read. Each description is the
/// reason only, on one line; callers put the path in front (`scan.png: no such file`).
public enum ImageFileError: Error, Equatable, CustomStringConvertible {
    case notFound
    case permissionDenied
    case isDirectory
    /// A device, socket or other thing that is not a file to read an image from.
    case notAFile
    /// More bytes than `limit`; refused rather than read into memory.
    case tooLarge(limit: Int)
    /// The system refused the read; `reason` is its message (strerror).
    case readFailed(reason: String)

    public var description: String {
        switch self {
        case .notFound:
            return "no such file (check the path)"
        case .permissionDenied:
            return "permission denied (the file is not readable by you)"
        case .isDirectory:
            return "is a directory, not an image file (give the image files inside it)"
        case .notAFile:
            return "not a regular file (a device or socket cannot be read as an image)"
        case .tooLarge(let limit):
            let size = limit >= 1 << 20 ? "\(limit / (1 << 20)) MiB" : "\(limit) bytes"
            return "more than \(size), too large for an image file digit reads"
        case .readFailed(let reason):
            return "cannot read: \(reason)"
        }
    }

    /// The error for a failed `open`/`read` with this `errno`.
    public init(errno code: Int32) {
        switch code {
        case ENOENT, ENOTDIR: self = .notFound
        case EACCES, EPERM: self = .permissionDenied
        case EISDIR: self = .isDirectory
        case ENXIO, ENODEV: self = .notAFile
        default: self = .readFailed(reason: String(cString: strerror(code)))
        }
    }
}

/// The most bytes `readImageFile` and `readStandardInputBytes` accept: 256 MiB, far
/// above any real photo (a 100-megapixel PNG is rarely over 150 MiB).
public let maxImageFileBytes = 256 << 20
