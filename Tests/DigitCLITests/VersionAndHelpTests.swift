import Foundation
import Testing
import DigitCore

@Suite struct VersionAndHelpTests {
    @Test func versionPrintsTheLibraryVersion() throws {
        let result = try DigitBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == digitVersion)
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try DigitBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["recognize", "train", "evaluate", "preprocess", "inspect"] {
            #expect(result.stdout.contains(command))
        }
    }

    /// A help text written as one long source line with its indentation inside it shows up as a
    /// gap of spaces in the middle of a sentence. A wide gap belongs only after a column label —
    /// an option (`-r, --recursive         Read …`) or one word (`DIR       the files`) — or
    /// before an aligned example comment (`# …`).
    @Test(arguments: ["recognize", "train", "evaluate", "preprocess", "inspect"])
    func helpProseHasNoGapsInsideSentences(command: String) throws {
        let result = try DigitBinary.run([command, "--help"])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") where !line.contains("#") {
            let text = String(line.drop(while: { $0 == " " }))
            guard let gap = text.range(of: "   ") else { continue }
            let label = text[..<gap.lowerBound]
            let rest = text[gap.upperBound...].drop(while: { $0 == " " })
            let labelIsAColumn = label.hasPrefix("-") || !label.contains(" ")
            #expect(labelIsAColumn && !rest.contains("     "), "gap inside a sentence: \(line)")
        }
    }
}
