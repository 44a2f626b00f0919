import ArgumentParser
import DigitCore

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("digit inspect is not built yet")
    }
}
