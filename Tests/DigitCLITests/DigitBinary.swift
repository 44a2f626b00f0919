import Foundation
import Testing

/// Runs the built `digit` executable, as a user would.
struct DigitBinary {
    /// The `digit` binary beside the test bundle (`.build/debug/digit`).
    static var url: URL {
        Bundle.main.bundleURL.appendingPathComponent("digit")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `digit arguments…` with `stdin` as standard input, and waits.
    /// `environment` entries are added to (or replace) the test process's own environment.
    static func run(_ arguments: [String], stdin: Data = Data(), currentDirectory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errData = CollectedData()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.data = error.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

/// Bytes filled in by one thread and read by another after a semaphore.
private final class CollectedData: @unchecked Sendable {
    var data = Data()
}

/// Checks a run-time failure as documented: exit status 1, exactly one line on stderr, no usage
/// text, nothing on stdout (a crash, status 2 or a multi-line message all fail).
func expectRuntimeFailure(_ result: DigitBinary.Output, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 1, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2,
            "not one line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("--help"),
            "usage text: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
}

/// Checks a command-line usage error: exit status 2 and a message on stderr, nothing on stdout.
func expectUsageError(_ result: DigitBinary.Output, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stderr.isEmpty && result.stdout.isEmpty, sourceLocation: sourceLocation)
}
