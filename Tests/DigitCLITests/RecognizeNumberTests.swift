import Foundation
import DigitTestSupport
import Testing
import DigitCore

/// `digit recognize --number` run as a user runs it, with the zero-weights test model (every
/// digit reads as 3 with p = 0.858), so these tests check segmentation counts, structure, boxes,
/// errors and exit statuses; reading real digits is tested in DigitCoreTests (ReadNumberTests).
@Suite struct RecognizeNumberTests {
    /// A 240×100 page with `count` drawn marks 40 px apart: a bar (like a 1) and rings (like 0s).
    static func marksPNG(count: Int) throws -> [UInt8] {
        var image = GrayImage(width: 240, height: 100, filledWith: 235)
        for mark in 0..<count {
            let cx = 40.0 + 50.0 * Double(mark), cy = 50.0
            for y in 0..<100 {
                for x in 0..<240 {
                    let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                    let inked = mark == 0 ? abs(dx) <= 3 && abs(dy) <= 25
                        : abs(((dx / 14) * (dx / 14) + (dy / 25) * (dy / 25)).squareRoot() - 1) * 14 <= 3
                    if inked { image[x, y] = 20 }
                }
            }
        }
        return try encodePNG(image)
    }

    private func setUp() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write(TestModel.weightsFile(bias: TestModel.confidentThree), "model.dgw")
        return scratch
    }

    @Test func jsonlGivesTheNumberItsDigitsAndBoxes() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Self.marksPNG(count: 3), "three marks.png")
        let result = try DigitBinary.run(["recognize", "--number", "--format", "jsonl", "--weights", s.path + "/model.dgw", photo])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(Set(row.keys) == ["file", "number", "confidence", "digits", "warnings", "error"])
        #expect(row["number"] as? String == "333")
        let digits = try #require(row["digits"] as? [[String: Any]])
        #expect(digits.count == 3)
        let boxes = digits.compactMap { $0["box"] as? [Int] }
        #expect(boxes.count == 3)
        // Left to right, each box around its mark (centres at x = 40, 90, 140; the bar 50 px
        // tall, the rings 25 × (1 + 3/14) px either side of y = 50).
        for (index, box) in boxes.enumerated() {
            let centre = box[0] + box[2] / 2
            #expect(abs(centre - (40 + 50 * index)) <= 3, "\(box)")
            #expect(abs(box[3] - (index == 0 ? 51 : 61)) <= 3, "\(box)")
        }
        #expect(digits.allSatisfy { $0["line"] as? Int == 0 })
    }

    @Test func textAndCSVAndExitStatusWithABlankPage() throws {
        let s = try setUp()
        defer { s.remove() }
        let good = try s.write(Self.marksPNG(count: 2), "good.png")
        let blank = try s.write(try encodePNG(GrayImage(width: 80, height: 60, filledWith: 230)), "blank.png")
        let text = try DigitBinary.run(["recognize", "--number", "--weights", s.path + "/model.dgw", good, blank])
        #expect(text.status == 1, "a blank page gives no number")
        #expect(text.stdout == "\(good): 33  (85% 85%)\n\(blank): none (no digit found)\n", "\(text.stdout)")
        let csv = try DigitBinary.run(["recognize", "--number", "--format", "csv", "--weights", s.path + "/model.dgw", good, blank])
        let rows = parseCSV(csv.stdout)
        #expect(rows.first == ["file", "number", "confidence", "error"])
        #expect(rows.count == 3)
        #expect(rows[1][0] == good && rows[1][1] == "33" && rows[1][3] == "")
        #expect(rows[2] == [blank, "", "", "no digit found"])
        let one = try DigitBinary.run(["recognize", "--number", "--weights", s.path + "/model.dgw", good])
        #expect(one.status == 0)
    }

    @Test func minConfidenceWithholdsTheNumberAndNamesTheDigit() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Self.marksPNG(count: 2), "p.png")
        let result = try DigitBinary.run(["recognize", "--number", "--format", "jsonl", "--min-confidence", "0.9",
                                          "--weights", s.path + "/model.dgw", photo])
        #expect(result.status == 1)
        let row = try #require(try parseJSONLines(result.stdout).first)
        #expect(row["number"] is NSNull)
        #expect((row["digits"] as? [Any])?.count == 2)
        #expect((row["warnings"] as? [String])?.first?.hasPrefix("uncertain: digit 1 of 2 (read as 3)") == true, "\(row)")
    }

    @Test func anUnreadableFileIsAnErrorRowAndTheBatchGoesOn() throws {
        let s = try setUp()
        defer { s.remove() }
        let good = try s.write(Self.marksPNG(count: 1), "good.png")
        let result = try DigitBinary.run(["recognize", "--number", "--format", "jsonl", "--weights", s.path + "/model.dgw",
                                          s.path + "/missing.png", good])
        #expect(result.status == 1)
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.count == 2)
        #expect(rows[0]["error"] is String && rows[0]["number"] is NSNull)
        #expect(rows[1]["number"] as? String == "3")
    }

    @Test func helpShowsTheNumberExample() throws {
        let result = try DigitBinary.run(["recognize", "--help"])
        #expect(result.stdout.contains("digit recognize --number meter.jpg"))
        #expect(result.stdout.contains("--number"))
    }
}
