import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

/// A reading of `digits` (each with its top probability), on `lines` (line index per digit).
private func reading(_ digits: [(Int, Float)], lines: [Int]? = nil) -> NumberReading {
    let read = digits.enumerated().map { index, pair in
        NumberDigit(prediction: Prediction(probabilities: (0..<10).map { $0 == pair.0 ? pair.1 : (1 - pair.1) / 9 }),
                    box: PixelBox(x: 10 * index, y: 5, width: 8, height: 12), line: lines?[index] ?? 0)
    }
    return NumberReading(digits: read, digitImages: [], warnings: digits.isEmpty ? [noDigitFoundWarning] : [])
}

@Suite struct NumberRecognitionTests {
    @Test func theNumberJoinsLinesWithOneSpaceAndTheConfidenceIsTheLowest() {
        let r = NumberRecognition(file: "m.jpg", reading: reading([(4, 0.99), (1, 0.9), (7, 0.8), (2, 0.95)],
                                                                  lines: [0, 0, 0, 1]))
        #expect(r.number == "417 2")
        #expect(r.confidence == reading([(7, 0.8)]).digits[0].prediction.confidence)
        #expect(r.warnings.isEmpty && r.error == nil)
    }

    @Test func aDigitBelowTheMinimumWithholdsTheNumberAndNamesItsPosition() {
        let r = NumberRecognition(file: "m.jpg", reading: reading([(4, 0.99), (1, 0.5), (7, 0.4)]),
                                  minimumConfidence: 0.8)
        #expect(r.number == nil)
        #expect(r.digits.count == 3, "the digits are still reported")
        #expect(r.warnings == ["uncertain: digit 2 of 3 (read as 1): top probability 0.50 below 0.80"])
        #expect(r.reasonForNoNumber == r.warnings[0])
    }

    @Test func noDigitsMeansNoNumberAndNoConfidence() {
        let r = NumberRecognition(file: "b.png", reading: reading([]))
        #expect(r.number == nil && r.confidence == nil)
        #expect(r.warnings == [noDigitFoundWarning])
    }
}

@Suite struct NumberFormatterTests {
    private let awkward = "a \"quoted\", odd\\name\nwith\tcontrol.png"

    @Test func textShowsTheNumberThenEachDigitsConfidence() {
        let text = TextNumberFormatter()
        #expect(text.format(NumberRecognition(file: "meter.jpg", reading: reading([(4, 0.995), (2, 0.97), (1, 0.889), (7, 0.99)])))
                == "meter.jpg: 4217  (99% 97% 88% 99%)\n")
        #expect(text.format(NumberRecognition(file: "b.png", reading: reading([]))) == "b.png: none (no digit found)\n")
        #expect(text.format(.failure(file: "x.png", reason: "not an image")) == "x.png: error: not an image\n")
        let unsure = text.format(NumberRecognition(file: "u.png", reading: reading([(3, 0.9), (8, 0.3)]), minimumConfidence: 0.5))
        #expect(unsure.hasPrefix("u.png: uncertain (uncertain: digit 2 of 2"), "\(unsure)")
        #expect(unsure.hasSuffix("  (90% 30%)\n"))
    }

    @Test func jsonHasExactlyTheKeysAndEachDigitItsOwn() throws {
        let r = NumberRecognition(file: awkward, reading: reading([(4, 0.9), (1, 0.8)], lines: [0, 1]))
        let line = JSONLinesNumberFormatter().format(r)
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "number", "confidence", "digits", "warnings", "error"])
        #expect(object["file"] as? String == awkward)
        #expect(object["number"] as? String == "4 1")
        #expect((object["confidence"] as? NSNumber)?.floatValue == r.confidence)
        let digits = try #require(object["digits"] as? [[String: Any]])
        #expect(digits.count == 2)
        #expect(Set(digits[0].keys) == ["digit", "confidence", "probabilities", "box", "line"])
        #expect(digits[1]["digit"] as? Int == 1 && digits[1]["line"] as? Int == 1)
        #expect(digits[1]["box"] as? [Int] == [10, 5, 8, 12])
        #expect((digits[0]["probabilities"] as? [NSNumber])?.map(\.floatValue) == r.digits[0].prediction.probabilities)
        #expect(object["error"] is NSNull)
        let none = try #require(try JSONSerialization.jsonObject(
            with: Data(JSONLinesNumberFormatter().format(.failure(file: "x", reason: "bad")).utf8)) as? [String: Any])
        #expect(none["number"] is NSNull && none["confidence"] is NSNull && none["error"] as? String == "bad")
        #expect((none["digits"] as? [Any])?.isEmpty == true)
    }

    @Test func csvHasTheHeaderAndQuotesWhatNeedsIt() throws {
        let csv = CSVNumberFormatter()
        #expect(csv.header == "file,number,confidence,error\n")
        let rows = parseCSV(csv.header! + csv.format(NumberRecognition(file: awkward, reading: reading([(4, 0.9), (1, 0.8)], lines: [0, 1])))
                                + csv.format(NumberRecognition(file: "b.png", reading: reading([]))))
        #expect(rows.count == 3)
        #expect(rows[1] == [awkward, "4 1", "0.8", ""])
        #expect(rows[2] == ["b.png", "", "", noDigitFoundWarning])
    }
}
