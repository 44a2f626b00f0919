import ArgumentParser
import DigitCore

struct Recognize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognize",
        abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("digit recognize is not built yet")
    }
}
