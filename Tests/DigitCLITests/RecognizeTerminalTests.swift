import Foundation
import Testing
import DigitCore

/// `script` (util-linux) runs a command on a pseudo-terminal, so the terminal-only behaviour
/// (bar chart, usage error for a terminal on standard input) can be checked.
private let scriptPath = "/usr/bin/script"
private let hasScript = FileManager.default.isExecutableFile(atPath: scriptPath)

/// Runs `digit arguments…` with standard input and output on a pseudo-terminal.
private func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let command = ([DigitBinary.url.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        .joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: scriptPath)
    process.arguments = ["-qec", command, "/dev/null"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
}

@Suite(.enabled(if: hasScript, "needs /usr/bin/script for a pseudo-terminal"))
struct RecognizeTerminalTests {
    @Test func onePhotoOnATerminalIsABarChartAnswerFirst() throws {
        let s = try Scratch()
        defer { s.remove() }
        let model = try s.write(TestModel.weightsFile(bias: TestModel.confidentThree), "model.dgw")
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        let result = try runOnTerminal(["recognize", "--weights", model, photo])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 11, "\(result.output)")
        #expect(lines.first == "3 (85.8%)")
        #expect(lines.dropFirst().enumerated().allSatisfy { $0.element.hasPrefix("  \($0.offset) ") })
        #expect(lines[4].contains("█"))
    }

    @Test func severalPhotosOnATerminalAreOneLineEach() throws {
        let s = try Scratch()
        defer { s.remove() }
        let model = try s.write(TestModel.weightsFile(bias: TestModel.confidentThree), "model.dgw")
        let a = try s.write(Drawing.ringPNG(), "a.png")
        let b = try s.write(Drawing.ringPNG(), "b.png")
        let result = try runOnTerminal(["recognize", "--weights", model, a, b])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(a + ": 3 (85.8%)  0▁") == true, "\(result.output)")
    }

    @Test func noArgumentsWithATerminalOnStandardInputIsAUsageError() throws {
        let result = try runOnTerminal(["recognize"])
        #expect(result.status == 2)
        #expect(result.output.contains("no input"))
    }
}
