import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

/// Ten probabilities with `top` at `digit` and the rest shared equally.
private func probabilities(top: Float, at digit: Int) -> [Float] {
    (0..<10).map { $0 == digit ? top : (1 - top) / 9 }
}

private let awkwardName = "scans/a \"quoted\", odd\\name\nwith\tcontrol\u{01} and ünïcödé 7.png"

@Suite struct JSONLinesFormatterTests {
    private func parse(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false, "one object per line")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func aDigitRowHasExactlyTheSixKeysAndReadsBack() throws {
        let p = probabilities(top: 0.9123457, at: 7)
        let recognition = Recognition(file: awkwardName, prediction: Prediction(probabilities: p),
                                      warnings: ["several digits seen"])
        let object = try parse(JSONLinesRecognitionFormatter().format(recognition))
        #expect(Set(object.keys) == ["file", "digit", "confidence", "probabilities", "warnings", "error"])
        #expect(object["file"] as? String == awkwardName)
        #expect(object["digit"] as? Int == 7)
        #expect((object["confidence"] as? NSNumber)?.floatValue == p[7])
        let read = try #require(object["probabilities"] as? [NSNumber])
        #expect(read.map(\.floatValue) == p, "shortest round-trip decimals read back as the same Float")
        #expect(object["warnings"] as? [String] == ["several digits seen"])
        #expect(object["error"] is NSNull)
    }

    @Test func noDigitAndErrorRowsUseNull() throws {
        let none = try parse(JSONLinesRecognitionFormatter().format(.noDigit(file: "blank.png", warnings: [])))
        #expect(none["digit"] is NSNull)
        #expect(none["confidence"] is NSNull)
        #expect(none["probabilities"] is NSNull)
        #expect(none["error"] is NSNull)
        #expect(none["warnings"] as? [String] == [noDigitFoundWarning])

        let failed = try parse(JSONLinesRecognitionFormatter().format(.failure(file: "bad.png", reason: "damaged PNG data")))
        #expect(failed["digit"] is NSNull)
        #expect(failed["probabilities"] is NSNull)
        #expect(failed["warnings"] as? [Any] != nil && (failed["warnings"] as? [Any])!.isEmpty)
        #expect(failed["error"] as? String == "damaged PNG data")
    }

    @Test func stringsAreEscapedPerRFC8259() {
        #expect(jsonString("plain") == "\"plain\"")
        #expect(jsonString("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(jsonString("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"")
        #expect(jsonString("\u{01}\u{1F}\u{7F}") == "\"\\u0001\\u001f\\u007f\"")
        #expect(jsonString("é→7") == "\"é→7\"")
    }

    @Test func keysComeInTheDocumentedOrder() {
        let line = JSONLinesRecognitionFormatter().format(.failure(file: "x", reason: "r"))
        #expect(line == "{\"file\":\"x\",\"digit\":null,\"confidence\":null,\"probabilities\":null,\"warnings\":[],\"error\":\"r\"}\n")
    }
}

@Suite struct CSVFormatterTests {
    @Test func headerIsExact() {
        #expect(CSVRecognitionFormatter().header == "file,digit,confidence,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9,error\n")
    }

    @Test func awkwardFileNamesAreQuotedAndReadBack() {
        let p = probabilities(top: 0.8, at: 3)
        let row = CSVRecognitionFormatter().format(Recognition(file: awkwardName, prediction: Prediction(probabilities: p),
                                                               warnings: []))
        let rows = parseCSV(row)
        #expect(rows.count == 1)
        let fields = rows[0]
        #expect(fields.count == 14)
        #expect(fields[0] == awkwardName)
        #expect(fields[1] == "3")
        #expect(Float(fields[2]) == p[3])
        #expect(fields[3...12].map { Float($0)! } == p)
        #expect(fields[13] == "", "a row with a digit has an empty error")
    }

    @Test func fieldQuotingFollowsRFC4180() {
        #expect(csvField("plain.png") == "plain.png")
        #expect(csvField("a,b") == "\"a,b\"")
        #expect(csvField("say \"7\"") == "\"say \"\"7\"\"\"")
        #expect(csvField("two\nlines") == "\"two\nlines\"")
        #expect(csvField(" padded ") == "\" padded \"")
        #expect(csvField("") == "")
    }

    @Test func missingValuesAreEmptyAndErrorSaysWhyThereIsNoDigit() {
        let failed = parseCSV(CSVRecognitionFormatter().format(.failure(file: "bad.png", reason: "damaged, badly")))[0]
        #expect(failed == ["bad.png"] + Array(repeating: "", count: 12) + ["damaged, badly"])

        let none = parseCSV(CSVRecognitionFormatter().format(.noDigit(file: "blank.png", warnings: [])))[0]
        #expect(none == ["blank.png"] + Array(repeating: "", count: 12) + [noDigitFoundWarning])

        let uncertain = Recognition(file: "u.png", prediction: Prediction(probabilities: probabilities(top: 0.41, at: 2)),
                                    warnings: [], minimumConfidence: 0.6)
        let fields = parseCSV(CSVRecognitionFormatter().format(uncertain))[0]
        #expect(fields[1] == "")
        #expect(Float(fields[2]) == uncertain.confidence)
        #expect(fields[13] == "uncertain: top probability 0.41 below 0.60")
    }
}

@Suite struct TextFormatterTests {
    private let sure = Recognition(file: "photo.png", prediction: Prediction(probabilities: probabilities(top: 0.931, at: 7)),
                                   warnings: [])

    @Test func plainPutsTheAnswerFirstAndListsTenProbabilities() {
        let line = TextRecognitionFormatter(style: .plain, showsFileNames: false).format(sure)
        #expect(line.hasPrefix("7 (93.1%)"))
        #expect(line.contains("7:0.931"))
        #expect(line.contains("0:0.008"))
        #expect((0..<10).allSatisfy { line.contains(" \($0):") })
        #expect(line.filter { $0 == "\n" }.count == 1)
    }

    @Test func fileNamesArePrefixedWhenAsked() {
        let line = TextRecognitionFormatter(style: .oneLine, showsFileNames: true).format(sure)
        #expect(line.hasPrefix("photo.png: 7 (93.1%)"))
        #expect(line.contains("7█"))
    }

    @Test func chartHasOneBarPerClassLongestForTheAnswer() {
        let text = TextRecognitionFormatter(style: .chart, showsFileNames: false).format(sure)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines[0] == "7 (93.1%)")
        let barLengths = lines.dropFirst().map { $0.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(barLengths.firstIndex(of: barLengths.max()!) == 7)
        #expect(lines[8].hasSuffix("93.1%"))
    }

    @Test func noDigitUncertainAndErrorRows() {
        let formatter = TextRecognitionFormatter(style: .plain, showsFileNames: true)
        #expect(formatter.format(.noDigit(file: "blank.png", warnings: [])) == "blank.png: none (no digit found)\n")
        #expect(formatter.format(.failure(file: "bad.png", reason: "damaged PNG data")) == "bad.png: error: damaged PNG data\n")
        let uncertain = Recognition(file: "u.png", prediction: Prediction(probabilities: probabilities(top: 0.41, at: 2)),
                                    warnings: [], minimumConfidence: 0.6)
        #expect(formatter.format(uncertain).hasPrefix("u.png: uncertain (uncertain: top probability 0.41 below 0.60)  0:"))
    }
}

@Suite struct RecognitionTests {
    @Test func minimumConfidenceWithholdsTheDigitBelowItOnly() {
        let p = Prediction(probabilities: probabilities(top: 0.6, at: 4))
        let atMinimum = Recognition(file: "a", prediction: p, warnings: [], minimumConfidence: 0.6)
        #expect(atMinimum.digit == 4)
        #expect(atMinimum.warnings.isEmpty)
        let below = Recognition(file: "a", prediction: p, warnings: ["kept"], minimumConfidence: 0.61)
        #expect(below.digit == nil)
        #expect(below.confidence == p.confidence)
        #expect(below.probabilities == p.probabilities)
        #expect(below.warnings == ["kept", "uncertain: top probability 0.60 below 0.61"])
    }

    @Test func uncertainWarningRoundsDownAndWidensForFineMinimums() {
        #expect(uncertainWarning(confidence: 0.4199, minimum: 0.6) == "uncertain: top probability 0.41 below 0.60")
        #expect(uncertainWarning(confidence: 0.5999, minimum: 0.6) == "uncertain: top probability 0.59 below 0.60")
        #expect(uncertainWarning(confidence: 0.6549, minimum: 0.655) == "uncertain: top probability 0.6549 below 0.6550")
    }

    @Test func invalidProbabilitiesBecomeAnErrorNotARow() {
        var p = Prediction(probabilities: probabilities(top: 0.5, at: 1))
        p.probabilities[3] = .nan
        let recognition = Recognition(file: "a", prediction: p, warnings: [])
        #expect(recognition.digit == nil)
        #expect(recognition.error != nil)
    }

    @Test func tallyDecidesTheExitStatus() {
        var tally = RecognitionTally()
        #expect(!tally.everyInputGaveDigit, "no input at all is not success")
        let sure = Recognition(file: "a", prediction: Prediction(probabilities: probabilities(top: 0.9, at: 1)), warnings: [])
        tally.count(.recognized(sure))
        tally.count(.skipped(file: "notes.txt", reason: "not a PNG or JPEG file"))
        #expect(tally.everyInputGaveDigit)
        #expect(tally.skipped == 1)
        tally.count(.recognized(.noDigit(file: "b", warnings: [])))
        #expect(!tally.everyInputGaveDigit)
        #expect(tally == {
            var t = RecognitionTally(); t.digits = 1; t.noDigit = 1; t.skipped = 1; return t
        }())
    }
}
