import ArgumentParser
import DigitCore
import Foundation

/// `digit`: reads the handwritten digit in an image file.
struct Digit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digit",
        abstract: "Read the handwritten digit in a photo, scan or drawing.",
        version: digitVersion,
        subcommands: [Recognize.self, Preprocess.self, Train.self, Evaluate.self, Inspect.self],
        defaultSubcommand: nil)
}

/// Exit status for usage errors. ArgumentParser's default is 64 (EX_USAGE); `digit`
/// documents 2, like most Unix tools.
let usageErrorStatus: Int32 = 2

// Parsed and run by hand (instead of `Digit.main()`) to keep the two kinds of failure apart:
// an error while parsing or validating the command line is a usage error (status 2, with the
// usage line); an error once the command runs is a run-time failure (status 1, one line, no
// usage). `--help` and `--version` still exit 0, and an `ExitCode` keeps its status.
keepFreedMemoryForReuse()
var command: ParsableCommand
do {
    command = try Digit.parseAsRoot()
} catch {
    if Digit.exitCode(for: error) == .validationFailure {
        printToStandardError(Digit.fullMessage(for: error))
        exit(usageErrorStatus)
    }
    Digit.exit(withError: error)
}
do {
    try command.run()
} catch let exitCode as ExitCode {
    exit(exitCode.rawValue)
} catch where Digit.exitCode(for: error) == .success {
    Digit.exit(withError: error)  // `digit help SUB` and `digit SUB --help` print help from run()
} catch {
    printToStandardError("digit: " + runtimeFailureLine(error))
    exit(EXIT_FAILURE)
}
