import ArgumentParser
import DigitCore

/// `digit`: reads the handwritten digit in an image file.
struct Digit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digit",
        abstract: "Read the handwritten digit in a photo, scan or drawing.",
        version: digitVersion,
        subcommands: [Recognize.self, Preprocess.self, Train.self, Evaluate.self, Inspect.self],
        defaultSubcommand: nil)
}

Digit.main()
