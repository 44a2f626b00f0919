import Glibc

/// The inputs named by a list of paths, expanded lazily so a long stream of paths is
/// never held in memory: a file stays a file; a directory becomes the files it holds,
/// sorted by name (byte order), descending into sub-directories only when `recursive`
/// (symbolic links to directories are not followed, so a link cycle cannot loop). Files found
/// in a directory are read only if their content is PNG or JPEG (see `RecognitionInput.Source`).
///
/// Paths are handled as bytes (`PathBytes`), so no entry is lost: a name that is not UTF-8 is
/// read like any other and shown with `\xNN` escapes.
///
/// `note` receives one line for each thing passed over (a sub-directory without
/// `recursive`, a special file), on the thread that iterates.
public struct RecognitionInputs: Sequence {
    public let paths: AnySequence<PathBytes>
    public let recursive: Bool
    public let note: (String) -> Void

    public init<Paths: Sequence>(paths: Paths, recursive: Bool, note: @escaping (String) -> Void = { _ in })
    where Paths.Element == PathBytes {
        self.paths = AnySequence(paths)
        self.recursive = recursive
        self.note = note
    }

    public init<Paths: Sequence>(paths: Paths, recursive: Bool, note: @escaping (String) -> Void = { _ in })
    where Paths.Element == String {
        self.init(paths: paths.lazy.map { PathBytes($0) }, recursive: recursive, note: note)
    }

    public func makeIterator() -> Iterator {
        Iterator(paths: paths.makeIterator(), recursive: recursive, note: note)
    }

    public struct Iterator: IteratorProtocol {
        var paths: AnyIterator<PathBytes>
        let recursive: Bool
        let note: (String) -> Void
        /// Directory listings being walked, innermost last: full paths and the next position.
        var listings: [(entries: [PathBytes], next: Int)] = []

        public mutating func next() -> RecognitionInput? {
            while true {
                if let depth = listings.indices.last {
                    let (entries, position) = listings[depth]
                    guard position < entries.count else {
                        listings.removeLast()
                        continue
                    }
                    listings[depth].next += 1
                    if let input = inputForEntry(entries[position]) { return input }
                    continue
                }
                guard let path = paths.next() else { return nil }
                if path.bytes.isEmpty { continue }
                if kind(of: path, followingLinks: true) == .directory {
                    if let input = enterDirectory(path) { return input }
                    continue
                }
                return .file(path)
            }
        }

        /// A path found inside a directory: an input, or `nil` after descending or skipping.
        private mutating func inputForEntry(_ path: PathBytes) -> RecognitionInput? {
            let name = path.displayName
            switch kind(of: path, followingLinks: false) {
            case .directory:
                if recursive { return enterDirectory(path) }
                note("\(name): skipped, a directory (use -r to read sub-directories)")
                return nil
            case .symbolicLink:
                switch kind(of: path, followingLinks: true) {
                case .directory:
                    note("\(name): skipped, a symbolic link to a directory")
                    return nil
                case .regular:
                    return RecognitionInput(name: name, source: .fileFoundInDirectory(path: path))
                default:
                    note("\(name): skipped, a broken symbolic link")
                    return nil
                }
            case .regular:
                return RecognitionInput(name: name, source: .fileFoundInDirectory(path: path))
            case .missing:
                return nil  // removed while we were listing
            case .other:
                note("\(name): skipped, not a regular file")
                return nil
            }
        }

        /// Starts walking `directory`; an unreadable directory becomes an input that reports why.
        private mutating func enterDirectory(_ directory: PathBytes) -> RecognitionInput? {
            do {
                listings.append((try directoryEntryNames(directory).map { directory.appending($0) }, 0))
                return nil
            } catch {
                return RecognitionInput(name: directory.displayName, source: .unreadable(reason: "\(error)"))
            }
        }
    }
}

/// What a path points at.
enum FileKind {
    case regular, directory, symbolicLink, other, missing
}

/// The kind of file at `path`; with `followingLinks`, what a symbolic link points at.
func kind(of path: PathBytes, followingLinks: Bool) -> FileKind {
    var info = stat()
    let status = path.withCString { followingLinks ? stat($0, &info) : lstat($0, &info) }
    guard status == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
}
