import Foundation

/// Why one mirror could not supply one file.
public enum MirrorFailure: Error, Equatable, CustomStringConvertible {
    case fetch(FetchError)
    /// The body is not a complete, valid gzip stream.
    case badGzip(String)
    /// The decompressed bytes are not the expected file.
    case hashMismatch(expected: String, found: String)

    public var description: String {
        switch self {
        case .fetch(let error): return error.description
        case .badGzip(let reason): return reason
        case .hashMismatch(let expected, let found):
            return "SHA-256 of the decompressed bytes is \(found), expected \(expected) (corrupted or wrong file)"
        }
    }
}

/// One failed attempt: which URL, and why.
public struct MirrorAttempt: Equatable, Sendable {
    public var url: String
    public var failure: MirrorFailure
}

/// Why `ensureMNISTFiles` could not complete.
public enum MNISTDownloadError: Error, Equatable, CustomStringConvertible {
    case noMirrors
    case cannotCreateDirectory(path: String, reason: String)
    /// Every mirror failed for `file`; one attempt per mirror, in the order tried.
    case allMirrorsFailed(file: String, attempts: [MirrorAttempt])
    case cannotWrite(FileWriteError)

    public var description: String {
        switch self {
        case .noMirrors:
            return "no MNIST mirrors to download from (set \(mnistMirrorsEnvironmentVariable) to base URLs)"
        case .cannotCreateDirectory(let path, let reason):
            return "\(path): cannot create the MNIST directory: \(reason)"
        case .allMirrorsFailed(let file, let attempts):
            let lines = attempts.map { "  \($0.url): \($0.failure)" }
            return (["cannot download \(file): every mirror failed:"] + lines).joined(separator: "\n")
        case .cannotWrite(let error):
            return error.description
        }
    }
}

/// What `ensureMNISTFiles` is doing, for a progress display; `description` is one line for stderr.
public enum MNISTDownloadEvent: Equatable, Sendable, CustomStringConvertible {
    /// The file is already in the directory; it is not downloaded (nor re-checked).
    case present(file: String, path: String)
    case downloading(file: String, url: String)
    /// This mirror failed; the next one is tried.
    case mirrorFailed(file: String, url: String, failure: MirrorFailure)
    /// Verified and written to `path`.
    case saved(file: String, path: String, bytes: Int)

    public var description: String {
        switch self {
        case .present(let file, let path): return "\(file): already in \(path)"
        case .downloading(let file, let url): return "\(file): downloading \(url)"
        case .mirrorFailed(_, let url, let failure): return "  \(url): failed: \(failure)"
        case .saved(let file, let path, let bytes): return "\(file): verified (SHA-256), saved \(bytes) bytes to \(path)"
        }
    }
}

/// Makes sure `directory` holds the MNIST `files` (by default all four): each missing one is fetched
/// from `mirrors` in order until one supplies a complete gzip stream whose decompressed bytes have the
/// expected SHA-256; the gzip bytes are then written atomically (temporary file, then rename), so the
/// directory never holds a partial or unverified file. Files already present (gzip, or decompressed
/// without `.gz`) are left alone, unchecked: the IDX reader reports a damaged one when loading.
///
/// Throws `MNISTDownloadError.allMirrorsFailed` naming every mirror's failure for the first file no
/// mirror could supply (files finished before it stay).
/// `timeout`: seconds without data before a mirror is abandoned.
public func ensureMNISTFiles(in directory: String,
                             mirrors: [String] = mnistMirrors(),
                             files: [MNISTFile] = MNISTFile.all,
                             timeout: TimeInterval = 30,
                             progress: (MNISTDownloadEvent) -> Void = { _ in }) throws {
    let fileManager = FileManager.default
    let missing = files.filter { file in
        // Either the gzip file or its decompressed form (name without `.gz`) will do.
        let gzipPath = (directory as NSString).appendingPathComponent(file.name)
        let rawPath = gzipPath.hasSuffix(".gz") ? String(gzipPath.dropLast(3)) : gzipPath
        for path in [gzipPath, rawPath] where fileManager.fileExists(atPath: path) {
            progress(.present(file: file.name, path: path))
            return false
        }
        return true
    }
    guard !missing.isEmpty else { return }
    guard !mirrors.isEmpty else { throw MNISTDownloadError.noMirrors }
    do {
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
        throw MNISTDownloadError.cannotCreateDirectory(path: directory, reason: (error as NSError).localizedDescription)
    }

    for file in missing {
        var attempts: [MirrorAttempt] = []
        var verified: [UInt8]?
        for mirror in mirrors {
            let url = mirrorURL(base: mirror, fileName: file.name)
            progress(.downloading(file: file.name, url: url))
            switch downloadVerified(file, from: url, timeout: timeout) {
            case .success(let bytes):
                verified = bytes
            case .failure(let failure):
                attempts.append(MirrorAttempt(url: url, failure: failure))
                progress(.mirrorFailed(file: file.name, url: url, failure: failure))
            }
            if verified != nil { break }
        }
        guard let bytes = verified else {
            throw MNISTDownloadError.allMirrorsFailed(file: file.name, attempts: attempts)
        }
        let path = (directory as NSString).appendingPathComponent(file.name)
        do {
            try writeFileAtomically(bytes, to: path)
        } catch let error as FileWriteError {
            throw MNISTDownloadError.cannotWrite(error)
        }
        progress(.saved(file: file.name, path: path, bytes: bytes.count))
    }
}

/// The gzip bytes of `file` from `url`, once their decompressed SHA-256 matches.
func downloadVerified(_ file: MNISTFile, from url: String, timeout: TimeInterval) -> Result<[UInt8], MirrorFailure> {
    let body: [UInt8]
    do {
        body = try fetchURL(url, timeout: timeout)
    } catch let error as FetchError {
        return .failure(.fetch(error))
    } catch {
        return .failure(.fetch(.transport("\(error)")))
    }
    guard isGzip(body) else { return .failure(.badGzip("not gzip data (\(body.count) bytes)")) }
    let decompressed: [UInt8]
    do {
        decompressed = try gunzip(body)
    } catch {
        return .failure(.badGzip("\(error)"))
    }
    let digest = SHA256.hexDigest(decompressed)
    guard digest == file.decompressedSHA256 else {
        return .failure(.hashMismatch(expected: file.decompressedSHA256, found: digest))
    }
    return .success(body)
}
