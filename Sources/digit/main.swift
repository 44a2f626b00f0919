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

// Parsed and run by hand (instead of `Digit.main()`) only to map usage errors to status 2;
// `--help` and `--version` still exit 0, and every other error keeps its status.
keepFreedMemoryForReuse()
do {
    var command = try Digit.parseAsRoot()
    try command.run()
} catch {
    if Digit.exitCode(for: error) == .validationFailure {
        printToStandardError(Digit.fullMessage(for: error))
        exit(usageErrorStatus)
    }
    Digit.exit(withError: error)
}
