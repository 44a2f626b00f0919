import Foundation
import DigitTestSupport
import Testing

/// The README's "more files than one machine" recipe, in its local form: one path list cut into
/// K consecutive shards by `split -n l/K`, one `digit recognize -` per shard run at once by
/// `xargs -P`, the outputs merged in shard order. Every input must be answered exactly once, in
/// the list's order, with the row one `digit` process over the whole list gives.
@Suite struct ShardingTests {
    /// The repository's fixtures: good images, and bad ones that give error rows.
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures").path

    /// The README's commands (jsonl, then csv, whose repeated headers are dropped), with `digit`
    /// found on PATH.
    private static let readmeCommands = """
        split -n l/4 paths.txt shard.
        printf '%s\\n' shard.?? | xargs -P 4 -I{} sh -c 'digit recognize --format jsonl - < {} > {}.jsonl'
        cat shard.??.jsonl > results.jsonl
        printf '%s\\n' shard.?? | xargs -P 4 -I{} sh -c 'digit recognize --format csv - < {} > {}.csv'
        awk 'FNR > 1 || NR == 1' shard.??.csv > results.csv
        """

    @Test func shardedRunsAnswerEveryInputOnceAsOneProcessDoes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var paths: [String] = []
        for folder in ["digits", "png", "bad"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures + "/" + folder).sorted()
            paths += names.map { Self.fixtures + "/" + folder + "/" + $0 }
        }
        paths.append(scratch.path + "/missing.png")
        let pathList = paths.joined(separator: "\n") + "\n"
        try scratch.write(Array(pathList.utf8), "paths.txt")

        let sharded = try runShell(Self.readmeCommands, in: scratch.path)
        #expect(sharded.status == 0, "\(sharded.stderr)")
        let shards = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("shard.") }
        #expect(shards.filter { $0.hasSuffix(".jsonl") }.count == 4)

        // JSON lines: one object per input, each as the single process writes it.
        let jsonRows = try lines(of: scratch.path + "/results.jsonl")
        let files = try jsonRows.map { row -> String in
            let object = try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
            return try #require(object?["file"] as? String, "row without a file: \(row)")
        }
        #expect(files == paths, "every input answered exactly once, in the list's order")
        let whole = try DigitBinary.run(["recognize", "--format", "jsonl", "-"], stdin: Data(pathList.utf8))
        #expect(jsonRows == whole.stdout.split(separator: "\n").map(String.init))
        #expect(jsonRows.contains { $0.contains("\"digit\":7") } && jsonRows.contains { $0.contains("\"error\":\"") })

        // CSV: one header, then one row per input, each as the single process writes it.
        let csv = parseCSV(try String(contentsOfFile: scratch.path + "/results.csv", encoding: .utf8))
        let wholeCSV = parseCSV(try DigitBinary.run(["recognize", "--format", "csv", "-"], stdin: Data(pathList.utf8)).stdout)
        #expect(csv.dropFirst().map { $0[0] } == paths, "every input answered exactly once, in the list's order")
        #expect(csv == wholeCSV)
    }

    private func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Runs `script` with `sh` in `folder`, with the built `digit` first on PATH.
    private func runShell(_ script: String, in folder: String) throws -> DigitBinary.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = DigitBinary.url.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let error = Pipe()
        process.standardError = error
        try process.run()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DigitBinary.Output(status: process.terminationStatus, stdout: "",
                                  stderr: String(decoding: errData, as: UTF8.self))
    }
}
