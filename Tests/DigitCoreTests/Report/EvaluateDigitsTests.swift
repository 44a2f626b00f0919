import Foundation
import Synchronization
import Testing
@testable import DigitCore

/// A model that reads where the ink is: class 1 for ink in the six centre columns (x 11…16),
/// class 0 for ink elsewhere (logit = the ink in those columns). A vertical bar, centred, reads as 1;
/// a ring, mostly outside the centre columns, as 0, with or without the real preprocessing.
func centreColumnsModel() -> SoftmaxModel {
    var weights = [Float](repeating: 0, count: 7840)
    for pixel in 0..<784 {
        let x = pixel % 28
        weights[pixel * 10 + ((11...16).contains(x) ? 1 : 0)] = 1
    }
    var bias = [Float](repeating: -1000, count: 10)
    bias[0] = 0
    bias[1] = 0
    return SoftmaxModel(weights: weights, bias: bias)
}

/// A white 100×100 PNG with black ink: a centred vertical bar (8×70) or a ring (radius 32, stroke 6).
func drawnDigitPNG(ring: Bool) throws -> [UInt8] {
    var image = GrayImage(width: 100, height: 100, filledWith: 255)
    for y in 0..<100 {
        for x in 0..<100 {
            let inked: Bool
            if ring {
                let r = ((Double(x) - 49.5) * (Double(x) - 49.5) + (Double(y) - 49.5) * (Double(y) - 49.5)).squareRoot()
                inked = abs(r - 32) <= 3
            } else {
                inked = (46..<54).contains(x) && (15..<85).contains(y)
            }
            if inked { image[x, y] = 0 }
        }
    }
    return try encodePNG(image)
}

func makeTemporaryFolder(_ tag: String) throws -> String {
    let path = NSTemporaryDirectory() + "digit-\(tag)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct EvaluateDigitsTests {
    /// Sample i: even → ink off-centre, label 0; i = 1 → ink in the centre, label 1; i = 3 → ink
    /// off-centre, label 1 (a miss); i = 5 → fails. Expected: (0,0) ×3 [i = 0, 2, 4], (1,1) ×1, (1,0) ×1, one failure.
    @Test func countsPairsAndFailuresInOrder() throws {
        var littleInk = DigitImage.blank, muchInk = DigitImage.blank
        for y in 4..<24 { littleInk[2, y] = 1; muchInk[14, y] = 1 }
        let little = littleInk, much = muchInk
        let eventLog = Mutex<[String]>([])
        let outcome = try evaluateDigits(model: .linear(centreColumnsModel()), count: 6, sample: { i in
            switch i {
            case 5: throw EvaluationFailure(name: "five", reason: "unreadable")
            case 1: return EvaluationSample(name: "one", label: 1, digit: much)
            case 3: return EvaluationSample(name: "three", label: 1, digit: little)
            default: return EvaluationSample(name: "n\(i)", label: 0, digit: little)
            }
        }, onEvent: { event in
            switch event {
            case .classified(let index, _, let prediction): eventLog.withLock { $0.append("\(index):\(prediction.digit)") }
            case .failed(let index, let failure): eventLog.withLock { $0.append("\(index):\(failure)") }
            }
        })
        #expect(outcome.confusion[0, 0] == 3 && outcome.confusion[1, 1] == 1 && outcome.confusion[1, 0] == 1)
        #expect(outcome.confusion.total == 5)
        #expect(outcome.failures == [EvaluationFailure(name: "five", reason: "unreadable")])
        #expect(eventLog.withLock { $0 } == ["0:0", "1:1", "2:0", "3:0", "4:0", "5:five: unreadable"])
    }

    /// A folder with sub-folders 0/ and 1/, through decode → preprocess → model, with a broken file:
    /// 0/ring (read 0), 1/bar (read 1), 1/ring (read 0: a miss), 1/broken.png (not an image).
    @Test func evaluatesAFolderOfDrawnImages() throws {
        let root = try makeTemporaryFolder("eval-folder")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for digit in ["0", "1"] { try FileManager.default.createDirectory(atPath: root + "/" + digit, withIntermediateDirectories: true) }
        try writeFileAtomically(try drawnDigitPNG(ring: true), to: root + "/0/ring.png")
        try writeFileAtomically(try drawnDigitPNG(ring: false), to: root + "/1/bar.png")
        try writeFileAtomically(try drawnDigitPNG(ring: true), to: root + "/1/ring.png")
        try writeFileAtomically(Array("not an image".utf8), to: root + "/1/broken.png")
        try writeFileAtomically([1, 2, 3], to: root + "/1/.hidden")

        let files = try labelledImageFiles(in: root)
        #expect(files == [LabelledImageFile(path: root + "/0/ring.png", label: 0),
                          LabelledImageFile(path: root + "/1/bar.png", label: 1),
                          LabelledImageFile(path: root + "/1/broken.png", label: 1),
                          LabelledImageFile(path: root + "/1/ring.png", label: 1)])
        let outcome = try evaluateDigits(model: .linear(centreColumnsModel()), count: files.count) {
            try evaluationSample(from: files[$0])
        }
        #expect(outcome.confusion[0, 0] == 1)
        #expect(outcome.confusion[1, 1] == 1)
        #expect(outcome.confusion[1, 0] == 1)
        #expect(outcome.failures.map(\.name) == [root + "/1/broken.png"])
    }

    /// Read on several threads, reported in order: the outcome and the events do not depend on
    /// the worker count, and an error thrown by `onEvent` stops the run and comes out.
    @Test func theResultDoesNotDependOnTheWorkerCount() throws {
        var drawn = [UInt8](repeating: 0, count: 40 * 784)
        for n in 0..<40 { for y in 4..<24 { drawn[n * 784 + y * 28 + 3 + (n % 20)] = 255 } }
        let images = drawn
        let labels = (0..<40).map { UInt8($0 % 2) }
        func run(workers: Int) throws -> (ConfusionMatrix, [Int]) {
            let order = Mutex<[Int]>([])
            let outcome = try evaluateDigits(model: .linear(centreColumnsModel()), count: 40, workers: workers, sample: { i in
                if i % 7 == 3 { throw EvaluationFailure(name: "n\(i)", reason: "bad") }
                return mnistEvaluationSample(images: images, labels: labels, index: i)
            }, onEvent: { event in
                switch event {
                case .classified(let index, _, _), .failed(let index, _): order.withLock { $0.append(index) }
                }
            })
            #expect(outcome.failures.map(\.name) == ["n3", "n10", "n17", "n24", "n31", "n38"])
            return (outcome.confusion, order.withLock { $0 })
        }
        let one = try run(workers: 1), three = try run(workers: 3)
        #expect(one.0 == three.0 && one.0.total == 34)
        #expect(one.1 == Array(0..<40) && three.1 == Array(0..<40))

        struct Stop: Error {}
        let seen = Mutex(0)
        #expect(throws: Stop.self) {
            try evaluateDigits(model: .linear(centreColumnsModel()), count: 40, workers: 2, sample: { i in
                mnistEvaluationSample(images: images, labels: labels, index: i)
            }, onEvent: { _ in
                let count = seen.withLock { $0 += 1; return $0 }
                if count == 5 { throw Stop() }
            })
        }
        #expect(seen.withLock { $0 } == 5)
    }

    @Test func mnistSamplesAreNormalisedBytes() {
        var images = [UInt8](repeating: 0, count: 2 * 784)
        images[784 + 10] = 255
        let sample = mnistEvaluationSample(images: images, labels: [3, 8], index: 1)
        #expect(sample.label == 8)
        #expect(sample.digit == normaliseMNISTDigit(images[784..<1568]))
    }
}

@Suite struct LabelledImagesTests {
    @Test func csvWithHeaderCommentsQuotesAndRelativePaths() throws {
        let root = try makeTemporaryFolder("csv")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let csv = """
        # my photos
        file,label
        a.png,3

        "b, c.jpg" , 7
        /abs/d.png,0
        """
        try writeFileAtomically(Array(csv.utf8), to: root + "/labels.csv")
        let files = try labelledImageFiles(in: root)
        #expect(files == [LabelledImageFile(path: root + "/a.png", label: 3),
                          LabelledImageFile(path: root + "/b, c.jpg", label: 7),
                          LabelledImageFile(path: "/abs/d.png", label: 0)])
    }

    @Test func badCSVLinesAreNamed() throws {
        let root = try makeTemporaryFolder("csv-bad")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFileAtomically(Array("a.png,3\nb.png,12\n".utf8), to: root + "/labels.csv")
        #expect(throws: LabelledImagesError.badCSVLine(path: root + "/labels.csv", line: 2, reason: "label 12 is not a digit")) {
            try labelledImageFiles(in: root)
        }
        try writeFileAtomically(Array("a.png,3\nb.png,x\n".utf8), to: root + "/labels.csv")
        #expect(throws: LabelledImagesError.badCSVLine(path: root + "/labels.csv", line: 2, reason: "label 'x' is not a number")) {
            try labelledImageFiles(in: root)
        }
    }

    @Test func folderWithoutLabelsIsAnError() throws {
        let root = try makeTemporaryFolder("no-labels")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: LabelledImagesError.noLabels(directory: root)) { try labelledImageFiles(in: root) }
    }
}

@Suite struct MisclassifiedPictureTests {
    @Test func namesCarryIndexTruthAndPrediction() {
        #expect(misclassifiedFileName(index: 42, label: 7, predicted: 1) == "00042-true7-pred1.png")
        #expect(misclassifiedFileName(index: 123456, label: 0, predicted: 9) == "123456-true0-pred9.png")
        #expect(misclassifiedFileName(index: 3, label: 2, predicted: 5, source: "/x/2/my photo.v2.JPG")
                == "00003-true2-pred5-my_photo_v2.png")
    }

    @Test func pictureIsWhiteInkScaledUp() {
        var digit = DigitImage.blank
        digit[3, 5] = 1
        digit[4, 5] = 0.5
        let picture = digitPicture(digit, scale: 4)
        #expect(picture.width == 112 && picture.height == 112)
        #expect(picture[12, 20] == 255 && picture[15, 23] == 255)
        #expect(picture[16, 20] == 128)
        #expect(picture[11, 20] == 0 && picture[0, 0] == 0)
    }
}
