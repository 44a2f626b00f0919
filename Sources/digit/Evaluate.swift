import ArgumentParser
import DigitCore

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("digit evaluate is not built yet")
    }
}
