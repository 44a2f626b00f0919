import Foundation

/// The real MNIST files for tests: the one place that says where they are and whether the tests
/// that need them run. Never copied into the repository.
public enum TestMNIST {
    /// The four file names, gzip-compressed as the mirrors publish them.
    public static let fileNames = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                   "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]

    /// `$DIGIT_MNIST_DIR`, else `../shared/mnist` beside the repository.
    public static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["DIGIT_MNIST_DIR"], !dir.isEmpty { return dir }
        let repository = URL(fileURLWithPath: #filePath)  // Tests/DigitTestSupport/TestMNIST.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/mnist").path
    }()

    /// The full path of one of `fileNames`.
    public static func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// All four files are there.
    public static var isPresent: Bool {
        fileNames.allSatisfy { FileManager.default.isReadableFile(atPath: path($0)) }
    }

    /// True under CI (`CI=true`), where a test that needs MNIST must fail, not skip, when it is missing.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// Whether tests that need MNIST run: when it is present, and always under CI (so they fail there).
    public static var testsRun: Bool { isPresent || isCI }

    /// Why they were skipped.
    public static var skipReason: String { "MNIST not found at \(directory) (set DIGIT_MNIST_DIR); skipped" }
}
