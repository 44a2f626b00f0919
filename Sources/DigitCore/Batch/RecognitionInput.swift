/// One image `digit recognize` is asked to read, named as it will appear in the output.
public struct RecognitionInput: Equatable, Sendable {
    /// Where the image's bytes come from.
    public enum Source: Equatable, Sendable {
        /// A file named on the command line or on standard input: read it, and report
        /// an error in its row when it is not a PNG or JPEG.
        case file(path: PathBytes)
        /// A file found inside a directory: read it only if its first bytes say PNG or JPEG,
        /// otherwise skip it with a note.
        case fileFoundInDirectory(path: PathBytes)
        /// Bytes already in memory (an image piped into standard input).
        case bytes([UInt8])
        /// An input that cannot be read at all (an unreadable directory); `reason` goes in its row.
        case unreadable(reason: String)
    }

    /// The name printed in the output: the path as given (`PathBytes.displayName` when it is not
    /// UTF-8), or `-` for standard input.
    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// A file named by the user.
    public static func file(_ path: String) -> RecognitionInput {
        RecognitionInput(name: path, source: .file(path: PathBytes(path)))
    }

    /// A file named by the user, by its bytes.
    public static func file(_ path: PathBytes) -> RecognitionInput {
        RecognitionInput(name: path.displayName, source: .file(path: path))
    }
}
