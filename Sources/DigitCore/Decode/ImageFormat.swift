/// The file formats `digit` reads, told apart by their first bytes, never by the file name.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png
    case jpeg

    /// The format whose signature starts `bytes`, or `nil`.
    public init?<Bytes: Collection>(magic bytes: Bytes) where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else {
            return nil
        }
    }

    /// `PNG` or `JPEG`, as a user writes it.
    public var displayName: String { rawValue.uppercased() }
}
