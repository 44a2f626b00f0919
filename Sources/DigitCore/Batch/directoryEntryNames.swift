import Glibc

/// The names in `directory` (without `.` and `..`) as raw bytes, in byte order. Read with
/// `opendir`/`readdir`, so a name that is not UTF-8 is listed like any other (Foundation's
/// listing leaves such names out). Throws the `errno` of a failed `opendir`.
func directoryEntryNames(_ directory: PathBytes) throws -> [[UInt8]] {
    guard let stream = directory.withCString({ opendir($0) }) else { throw DirectoryListingError(errno: errno) }
    defer { closedir(stream) }
    var names: [[UInt8]] = []
    while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
            Array(raw.prefix(while: { $0 != 0 }))
        }
        if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
        names.append(name)
    }
    return names.sorted { $0.lexicographicallyPrecedes($1) }
}

/// Why a folder could not be listed, from `opendir`'s `errno`; the description is the reason only.
struct DirectoryListingError: Error, Equatable, CustomStringConvertible {
    var errno: Int32

    var description: String {
        switch errno {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such folder"
        case ENOTDIR: return "not a folder"
        default: return "cannot list directory: " + String(cString: strerror(errno))
        }
    }
}
