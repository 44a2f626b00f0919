import Foundation

/// Why the MNIST files could not be found.
public enum MNISTLocationError: Error, Equatable, CustomStringConvertible {
    /// No candidate directory holds the files; `searched` lists where we looked, in order.
    case notFound(searched: [String], cache: String)

    public var description: String {
        switch self {
        case .notFound(let searched, let cache):
            return "MNIST data not found (looked in: \(searched.joined(separator: ", "))). "
                + "Run `digit train --download` to fetch it into \(cache), "
                + "or pass --data DIR / set DIGIT_MNIST_DIR to a folder holding "
                + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz."
        }
    }
}

/// The per-user cache directory for MNIST: `$XDG_CACHE_HOME/digit/mnist`, else `~/.cache/digit/mnist`.
/// `digit train --download` writes here.
public func mnistCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
        return xdg + "/digit/mnist"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.cache/digit/mnist"
}

/// Where to read MNIST from, first match wins:
/// 1. `explicit` (the `--data DIR` flag), used as given;
/// 2. `$DIGIT_MNIST_DIR`, used as given;
/// 3. `../shared/mnist` relative to `currentDirectory`, if that directory exists;
/// 4. the per-user cache (`mnistCacheDirectory`), if it holds the training images.
/// Throws `MNISTLocationError.notFound` (which says how to get the data) otherwise.
/// Explicit and environment directories are not checked here: loading names any missing file.
public func resolveMNISTDirectory(
    explicit: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
) throws -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let fromEnvironment = environment["DIGIT_MNIST_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
    let shared = (currentDirectory as NSString).appendingPathComponent("../shared/mnist")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: shared, isDirectory: &isDirectory), isDirectory.boolValue {
        return (shared as NSString).standardizingPath
    }
    let cache = mnistCacheDirectory(environment: environment)
    if MNISTSplit.training.imagesPath(in: cache) != nil { return cache }
    throw MNISTLocationError.notFound(searched: ["$DIGIT_MNIST_DIR (unset)", shared, cache], cache: cache)
}
