import ArgumentParser
import DigitCore

struct Preprocess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preprocess",
        abstract: "(not built yet)")

    func run() throws {
        throw ValidationError("digit preprocess is not built yet")
    }
}
