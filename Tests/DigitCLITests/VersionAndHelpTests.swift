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
}
