import ArgumentParser
import DigitCore

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("digit train is not built yet")
    }
}
