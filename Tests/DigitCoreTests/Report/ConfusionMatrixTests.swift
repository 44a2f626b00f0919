import Foundation
import Testing
@testable import DigitCore

/// Seven hand-counted pairs (true, predicted):
/// (0,0) (0,0) (0,1) (1,1) (1,0) (2,2) (2,1)
/// → 4 correct of 7; column 0 holds 2+1, column 1 holds 1+1+1, column 2 holds 1.
private let sevenPairs: [(label: Int, predicted: Int)] = [(0, 0), (0, 0), (0, 1), (1, 1), (1, 0), (2, 2), (2, 1)]

@Suite struct ConfusionMatrixTests {
    @Test func countsPairsIntoRowsOfTrueDigits() {
        let m = ConfusionMatrix(pairs: sevenPairs)
        #expect(m[0, 0] == 2 && m[0, 1] == 1 && m[1, 1] == 1 && m[1, 0] == 1 && m[2, 2] == 1 && m[2, 1] == 1)
        #expect(m[1, 2] == 0 && m[9, 9] == 0)
        #expect(m.total == 7 && m.correct == 4)
    }

    @Test func accuracyPrecisionRecallByHand() throws {
        let m = ConfusionMatrix(pairs: sevenPairs)
        #expect(m.accuracy == 4.0 / 7.0)
        #expect(m.precision(of: 0) == 2.0 / 3.0)
        #expect(m.precision(of: 1) == 1.0 / 3.0)
        #expect(m.precision(of: 2) == 1.0)
        #expect(m.recall(of: 0) == 2.0 / 3.0)
        #expect(m.recall(of: 1) == 0.5)
        #expect(m.recall(of: 2) == 0.5)
        #expect(m.support(of: 0) == 3 && m.predictedCount(of: 1) == 3)
        // A digit never seen and never predicted has neither.
        #expect(m.precision(of: 3) == nil && m.recall(of: 3) == nil)
    }

    @Test func emptyMatrixHasNoAccuracy() {
        #expect(ConfusionMatrix().accuracy == nil)
        #expect(ConfusionMatrix().total == 0)
    }

    @Test func addingOneByOneMatchesBuildingFromPairs() {
        var m = ConfusionMatrix()
        for pair in sevenPairs { m.add(label: pair.label, predicted: pair.predicted) }
        #expect(m == ConfusionMatrix(pairs: sevenPairs))
    }
}

@Suite struct EvaluationReportTests {
    let report = EvaluationReport(source: "hand", confusion: ConfusionMatrix(pairs: sevenPairs), failedCount: 2)

    @Test func textShowsAccuracyTableAndMatrix() {
        let text = report.renderText()
        #expect(text.contains("accuracy: 57.14% (4 of 7)"))
        #expect(text.contains("7 evaluated, 2 could not be read"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Per-class rows: digit, precision, recall, support.
        let row1 = lines.first { $0.hasPrefix("    1 ") }
        #expect(row1?.split(separator: " ") == ["1", "33.33%", "50.00%", "2"])
        let row3 = lines.first { $0.hasPrefix("    3 ") }
        #expect(row3?.split(separator: " ") == ["3", "n/a", "n/a", "0"])
        // Matrix row for true digit 0: 2 1 0 0 …
        let header = lines.firstIndex { $0.hasPrefix("confusion matrix") }!
        #expect(lines[header + 2].split(separator: " ") == ["0", "2", "1", "0", "0", "0", "0", "0", "0", "0", "0"])
        #expect(lines[header + 4].split(separator: " ") == ["2", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0"])
    }

    @Test func jsonCarriesTheSameFigures() throws {
        let object = try JSONSerialization.jsonObject(with: Data(report.renderJSON().utf8)) as! [String: Any]
        #expect(object["evaluated"] as? Int == 7)
        #expect(object["correct"] as? Int == 4)
        #expect(object["failed"] as? Int == 2)
        #expect(abs((object["accuracy"] as? Double ?? 0) - 4.0 / 7.0) < 1e-12)
        let classes = object["classes"] as! [[String: Any]]
        #expect(classes.count == 10)
        #expect(abs((classes[1]["precision"] as? Double ?? 0) - 1.0 / 3.0) < 1e-12)
        #expect(classes[1]["recall"] as? Double == 0.5)
        #expect(classes[1]["support"] as? Int == 2)
        #expect(classes[3]["precision"] is NSNull, "undefined precision is null, not omitted")
        let confusion = object["confusion"] as! [[Int]]
        #expect(confusion[0] == [2, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(confusion[1][0] == 1)
    }
}
