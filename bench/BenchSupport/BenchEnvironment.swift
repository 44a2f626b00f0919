import Foundation

/// The MNIST folder for a benchmark: `explicit` (a `--data`/`--mnist` option) if given, else
/// `$DIGIT_MNIST_DIR`, else `shared/mnist` beside the repository (`../shared/mnist` from its root).
public func benchMNISTDirectory(explicit: String? = nil) -> String {
    if let explicit { return explicit }
    if let env = ProcessInfo.processInfo.environment["DIGIT_MNIST_DIR"] { return env }
    return benchRepositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/mnist").path
}

/// The repository's root folder (the parent of `bench/`).
public func benchRepositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Ends a benchmark with `program: message` on standard error and exit status `status`
/// (1: a run-time failure, 2: a command-line usage error).
public func benchExit(_ program: String, _ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((program + ": " + message + "\n").utf8))
    exit(status)
}
