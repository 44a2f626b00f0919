import Foundation
import Testing

/// The README's first command, `swift run -c release digit recognize fixtures/digits/seven.jpg`,
/// run as written (from the repository root, bundled model): it must print 7, in the documented
/// format — the answer with its confidence, then the ten probabilities, on one line.
@Suite struct ReadmeExampleTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theFirstExampleReadsSeven() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("swift run -c release digit recognize fixtures/digits/seven.jpg\nswift test\n"),
                "the README's first commands changed: update this test")
        let result = try DigitBinary.run(["recognize", "fixtures/digits/seven.jpg"], currentDirectory: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(result.stdout)")
        let fields = lines[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(fields.first == "7", "\(result.stdout)")
        // `7 (100.0%)  0:0.000 1:0.000 … 9:0.000`: confidence, then class:probability for 0…9.
        #expect(fields.count == 12)
        let confidence = fields.count > 1 ? fields[1] : ""
        #expect(confidence.hasPrefix("(") && confidence.hasSuffix("%)"))
        let probabilities = fields.dropFirst(2).enumerated().map { offset, field -> Double? in
            field.hasPrefix("\(offset):") ? Double(field.dropFirst(2)) : nil
        }
        #expect(probabilities.count == 10 && probabilities.allSatisfy { $0 != nil })
        let values = probabilities.compactMap { $0 }
        #expect(values.firstIndex(of: values.max() ?? -1) == 7)
        #expect(abs(values.reduce(0, +) - 1) < 0.006, "rounded to 3 decimals, they sum to 1")
        let percent = Double(confidence.dropFirst().dropLast(2)) ?? -1
        #expect(abs(percent / 100 - values[7]) < 0.0006, "the confidence is p7")
    }
}
