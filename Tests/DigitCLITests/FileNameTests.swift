import DigitCore
import DigitTestSupport
import Foundation
import Testing

/// File names with a newline, a tab, a quote, a comma, or bytes that are not UTF-8: none is lost
/// from a folder, each is one line of text output, and JSON Lines and CSV stay valid.
@Suite struct FileNameTests {
    /// A folder holding a drawn ring under every awkward name, and a model reading rings as 0.
    func setUp() throws -> (folder: String, weights: String, remove: () -> Void) {
        let root = try CLIFixtures.temporaryFolder("names")
        try FileManager.default.createDirectory(atPath: root + "/0", withIntermediateDirectories: true)
        let ring = try CLIFixtures.drawnDigitPNG(ring: true)
        for name in awkwardFileNames { try writeFile(atRawPath: Array((root + "/0/").utf8) + name, contents: ring) }
        let weights = try CLIFixtures.writeWeights(CLIFixtures.centreColumnsModel(), in: root)
        return (root + "/0", weights, { try? FileManager.default.removeItem(atPath: root) })
    }

    /// How each name is shown, in byte order (the order a folder is read in).
    func shownNames(in folder: String) -> [String] {
        awkwardFileNames.sorted { $0.lexicographicallyPrecedes($1) }
            .map { PathBytes(bytes: Array((folder + "/").utf8) + $0).displayName }
    }

    @Test func everyNameInAFolderIsReadAndIsOneLineOfText() throws {
        let s = try setUp()
        defer { s.remove() }
        let result = try DigitBinary.run(["recognize", s.folder, "--weights", s.weights])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let expected = shownNames(in: s.folder).map { escapingControlCharacters($0) + ": 0 (" }
        #expect(lines.count == expected.count, "\(result.stdout)")
        for (line, prefix) in zip(lines, expected) { #expect(line.hasPrefix(prefix), "\(line)") }
        #expect(lines.contains { $0.contains("/0/new\\nline.png: 0") })
        #expect(lines.contains { $0.contains("/0/tab\\there.png: 0") })
        #expect(lines.contains { $0.contains("/0/caf\\xE9.png: 0") })
    }

    @Test func jsonLinesAndCSVStayValidForAnyName() throws {
        let s = try setUp()
        defer { s.remove() }
        let jsonl = try DigitBinary.run(["recognize", s.folder, "--weights", s.weights, "--format", "jsonl"])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let rows = try jsonl.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(rows.map { $0["file"] as? String } == shownNames(in: s.folder))
        #expect(rows.allSatisfy { $0["digit"] as? Int == 0 })

        let csv = try DigitBinary.run(["recognize", s.folder, "--weights", s.weights, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let table = parseCSV(csv.stdout)
        #expect(table.count == 1 + awkwardFileNames.count)
        #expect(table.dropFirst().map { $0.first } == shownNames(in: s.folder))
        #expect(table.allSatisfy { $0.count == 14 })
    }

    /// A name that is not UTF-8 named directly on the command line, or on standard input after `-`.
    @Test func aNameThatIsNotUTF8CanBeNamedDirectlyOrOnStandardInput() throws {
        let s = try setUp()
        defer { s.remove() }
        // Foundation's Process passes arguments as UTF-8, so the shell builds the byte 0xE9 (octal 351).
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" recognize --format jsonl --weights \"$1\" \"$2/$(printf 'caf\\351.png')\"",
                           DigitBinary.url.path, s.weights, s.folder]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let row = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(row?["file"] as? String == s.folder + "/caf\\xE9.png")
        #expect(row?["digit"] as? Int == 0)

        let stdin = Data(Array((s.folder + "/caf").utf8) + [0xE9] + Array(".png\n".utf8))
        let piped = try DigitBinary.run(["recognize", "--format", "jsonl", "--weights", s.weights, "-"], stdin: stdin)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try parseJSONLines(piped.stdout).map { $0["digit"] as? Int } == [0])
    }

    /// A failure's stderr line escapes the name too: one line per file.
    @Test func errorLinesOnStandardErrorAreOneLineEach() throws {
        let s = try setUp()
        defer { s.remove() }
        let missing = s.folder + "/gone\nfile.png"
        let result = try DigitBinary.run(["recognize", "--weights", s.weights, missing, s.folder + "/com,ma.png"])
        #expect(result.status == 1)
        #expect(result.stderr == s.folder + "/gone\\nfile.png: " + ImageFileError.notFound.description + "\n")
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    /// `digit evaluate` lists labelled folders by bytes as well: the Latin-1 name is evaluated.
    @Test func evaluateReadsEveryNameInALabelledFolder() throws {
        let s = try setUp()
        defer { s.remove() }
        let root = (s.folder as NSString).deletingLastPathComponent
        let result = try DigitBinary.run(["evaluate", root, "--weights", s.weights, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["evaluated"] as? Int == awkwardFileNames.count)
        #expect(object["correct"] as? Int == awkwardFileNames.count)
    }
}
