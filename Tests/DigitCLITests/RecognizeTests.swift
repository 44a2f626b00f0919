import Foundation
import DigitTestSupport
import Testing
import DigitCore

/// `digit recognize` run as a user runs it. A zero-weights test model (`TestModel`) makes the
/// answers known in advance, so these tests check structure, order, errors and exit codes.
@Suite struct RecognizeTests {
    private let keys: Set<String> = ["file", "digit", "confidence", "probabilities", "warnings", "error"]

    /// A scratch folder holding `model.dgw` (confident 3) and `unsure.dgw` (p = 0.5).
    private func setUp() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write(TestModel.weightsFile(bias: TestModel.confidentThree), "model.dgw")
        try scratch.write(TestModel.weightsFile(bias: TestModel.unsureThree), "unsure.dgw")
        return scratch
    }

    @Test func onePhotoPrintsTheAnswerFirstThenTenProbabilities() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        let result = try DigitBinary.run(["recognize", "--weights", s.path + "/model.dgw", photo])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("3 (85.8%)") == true, "\(result.stdout)")
        for digit in 0..<10 { #expect(result.stdout.contains(" \(digit):")) }
        #expect(result.stderr.isEmpty)
    }

    @Test func aCorruptFileInTheMiddleOfABatchIsReportedAndTheBatchGoesOnInOrder() throws {
        let s = try setUp()
        defer { s.remove() }
        var paths: [String] = []
        for i in 0..<12 {
            switch i % 4 {
            case 1: paths.append(try s.write(Drawing.corruptPNG(), "\(i)-cut.png"))
            case 3: paths.append(s.path + "/\(i)-missing.jpg")
            case 2: paths.append(try s.write(Drawing.strokeJPEG(), "\(i).jpg"))
            default: paths.append(try s.write(Drawing.ringPNG(), "\(i).png"))
            }
        }
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", "-j", "2",
                                          "--weights", s.path + "/model.dgw"] + paths)
        #expect(result.status == 1, "a failed input makes the status 1")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.map { $0["file"] as? String } == paths, "one row per input, in input order")
        for (i, row) in rows.enumerated() {
            #expect(Set(row.keys) == keys)
            switch i % 4 {
            case 1:
                #expect((row["error"] as? String)?.hasPrefix("truncated PNG file") == true, "\(row)")
                #expect(row["digit"] is NSNull && row["probabilities"] is NSNull && row["confidence"] is NSNull)
            case 3:
                #expect(row["error"] as? String == ImageFileError.notFound.description)
            default:
                #expect(row["error"] is NSNull)
                #expect(row["digit"] as? Int == 3)
                let p = (row["probabilities"] as? [NSNumber])?.map(\.floatValue)
                #expect(p?.count == 10)
                #expect((row["confidence"] as? NSNumber)?.floatValue == p?[3])
                #expect(row["warnings"] as? [String] == [])
            }
        }
        #expect(result.stderr.isEmpty, "jsonl reports errors in rows only")
    }

    @Test func textModeAlsoReportsEachErrorOnStandardErrorAsOneLine() throws {
        let s = try setUp()
        defer { s.remove() }
        let good = try s.write(Drawing.ringPNG(), "good.png")
        let cut = try s.write(Drawing.corruptPNG(), "cut.png")
        let text = try s.write(Array("not an image".utf8), "text.png")
        let result = try DigitBinary.run(["recognize", "--weights", s.path + "/model.dgw", good, cut, text])
        #expect(result.status == 1)
        let out = result.stdout.split(separator: "\n").map(String.init)
        #expect(out.count == 3)
        #expect(out[0].hasPrefix(good + ": 3 ("))
        #expect(out[1].hasPrefix(cut + ": error: truncated PNG file"))
        #expect(out[2] == text + ": error: not a PNG or JPEG file")
        let err = result.stderr.split(separator: "\n").map(String.init)
        #expect(err.count == 2)
        #expect(err[0].hasPrefix(cut + ": truncated PNG file"))
        #expect(err[1] == text + ": not a PNG or JPEG file")
    }

    @Test func csvHasTheHeaderAndOneQuotedRowPerInput() throws {
        let s = try setUp()
        defer { s.remove() }
        let odd = try s.write(Drawing.ringPNG(), "a, \"quoted\" name.png")
        let cut = try s.write(Drawing.corruptPNG(), "cut.png")
        let result = try DigitBinary.run(["recognize", "--format", "csv", "--weights", s.path + "/model.dgw", odd, cut])
        #expect(result.status == 1)
        let rows = parseCSV(result.stdout)
        #expect(rows.count == 3)
        #expect(rows[0] == ["file", "digit", "confidence"] + (0..<10).map { "p\($0)" } + ["error"])
        #expect(rows.allSatisfy { $0.count == 14 })
        #expect(rows[1][0] == odd)
        #expect(rows[1][1] == "3")
        let expected = TestModel.probabilities(bias: TestModel.confidentThree)
        let read = rows[1][3...12].compactMap { Float($0) }
        #expect(read.count == 10)
        #expect(zip(read, expected).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(rows[1][13] == "")
        #expect(rows[2][0] == cut)
        #expect(rows[2][1...12].allSatisfy { $0.isEmpty })
        #expect(rows[2][13].hasPrefix("truncated PNG file"))
    }

    @Test func dashReadsPathsFromStandardInputInOrderAmongOtherArguments() throws {
        let s = try setUp()
        defer { s.remove() }
        let a = try s.write(Drawing.ringPNG(), "a.png")
        let b = try s.write(Drawing.strokeJPEG(), "b.jpg")
        let c = try s.write(Drawing.ringPNG(), "c.png")
        let d = try s.write(Drawing.ringPNG(), "d.png")
        let stdin = Data("\(b)\n\n\(c)\r\n".utf8)
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", "--weights", s.path + "/model.dgw",
                                          a, "-", d], stdin: stdin)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.map { $0["file"] as? String } == [a, b, c, d])
        #expect(rows.allSatisfy { $0["digit"] as? Int == 3 })
    }

    @Test func manyPathsOnStandardInputStreamThroughInOrder() throws {
        let s = try setUp()
        defer { s.remove() }
        let ring = try s.write(Drawing.ringPNG(), "ring.png")
        let cut = try s.write(Drawing.corruptPNG(), "cut.png")
        // 300 paths (more than the window of inputs in flight), every 7th one corrupt.
        let paths = (0..<300).map { $0 % 7 == 3 ? cut : ring }
        let result = try DigitBinary.run(["recognize", "-", "--format", "csv", "--weights", s.path + "/model.dgw"],
                                         stdin: Data(paths.joined(separator: "\n").utf8))
        #expect(result.status == 1)
        let rows = parseCSV(result.stdout).dropFirst()
        #expect(rows.map { $0[0] } == paths)
        #expect(rows.enumerated().allSatisfy { i, row in (i % 7 == 3) == !row[13].isEmpty })
    }

    @Test func eachResultIsWrittenBeforeStandardInputEnds() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        let process = Process()
        process.executableURL = DigitBinary.url
        process.arguments = ["recognize", "--format", "jsonl", "--weights", s.path + "/model.dgw", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data((photo + "\n").utf8))
        // Standard input stays open: the first row must arrive anyway.
        let firstRow = ReceivedText()
        let arrived = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        DispatchQueue.global().async {
            var text = Data()
            while !text.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text.append(chunk)
            }
            firstRow.text = String(decoding: text, as: UTF8.self)
            arrived.signal()
        }
        #expect(arrived.wait(timeout: .now() + 30) == .success, "no row while standard input was still open")
        #expect(firstRow.text.hasPrefix("{\"file\":\"\(photo)\""))
    }

    @Test func aFolderGivesItsImagesAndSkipsOtherFilesWithANote() throws {
        let s = try setUp()
        defer { s.remove() }
        let scans = s.path + "/scans"
        let a = try s.write(Drawing.ringPNG(), "scans/a.png")
        let b = try s.write(Drawing.strokeJPEG(), "scans/b-named-wrongly.txt")
        try s.write(Array("shopping list".utf8), "scans/notes.txt")
        let deep = try s.write(Drawing.ringPNG(), "scans/sub/c.png")

        let flat = try DigitBinary.run(["recognize", "--format", "jsonl", "--weights", s.path + "/model.dgw", scans])
        #expect(flat.status == 0, "a skipped non-image is not a failure: \(flat.stderr)")
        #expect(try parseJSONLines(flat.stdout).map { $0["file"] as? String } == [a, b])
        #expect(flat.stderr.contains(scans + "/notes.txt: skipped, not a PNG or JPEG file"))
        #expect(flat.stderr.contains(scans + "/sub: skipped"))

        let deepRun = try DigitBinary.run(["recognize", "-r", "--format", "jsonl", "--weights", s.path + "/model.dgw", scans])
        #expect(deepRun.status == 0)
        #expect(try parseJSONLines(deepRun.stdout).map { $0["file"] as? String } == [a, b, deep])
        #expect(deepRun.stderr.split(separator: "\n").count == 1, "only notes.txt is noted: \(deepRun.stderr)")
    }

    @Test func aFolderWithNoImagesIsStatusOneWithANote() throws {
        let s = try setUp()
        defer { s.remove() }
        try s.write(Array("shopping list".utf8), "empty/notes.txt")
        let result = try DigitBinary.run(["recognize", "--weights", s.path + "/model.dgw", s.path + "/empty"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("notes.txt: skipped"))
        #expect(result.stderr.contains("no images to read"))
    }

    @Test func anImagePipedIntoStandardInputIsReadAsDash() throws {
        let s = try setUp()
        defer { s.remove() }
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", "--weights", s.path + "/model.dgw"],
                                         stdin: Data(try Drawing.strokeJPEG()))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.count == 1)
        #expect(rows.first?["file"] as? String == "-")
        #expect(rows.first?["digit"] as? Int == 3)

        let text = try DigitBinary.run(["recognize", "--weights", s.path + "/model.dgw"],
                                       stdin: Data(Array("a.png\nb.png\n".utf8)))
        #expect(text.status == 1)
        #expect(text.stderr.contains("-: not a PNG or JPEG file (it looks like text: to read paths from standard input, give '-'"))
        #expect(text.stderr.split(separator: "\n").count == 1)
    }

    @Test func minConfidenceTurnsLowAnswersIntoUncertain() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        let strict = try DigitBinary.run(["recognize", "--format", "jsonl", "--min-confidence", "0.6",
                                          "--weights", s.path + "/unsure.dgw", photo])
        #expect(strict.status == 1, "an uncertain answer is not a digit")
        let row = try #require(try parseJSONLines(strict.stdout).first)
        #expect(row["digit"] is NSNull)
        #expect(abs(((row["confidence"] as? NSNumber)?.doubleValue ?? 0) - 0.5) < 1e-5)
        #expect((row["probabilities"] as? [Any])?.count == 10)
        let warnings = try #require(row["warnings"] as? [String])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("uncertain: top probability 0.") == true)
        #expect(warnings.first?.hasSuffix(" below 0.60") == true)

        let lenient = try DigitBinary.run(["recognize", "--format", "jsonl", "--min-confidence", "0.4",
                                           "--weights", s.path + "/unsure.dgw", photo])
        #expect(lenient.status == 0)
        #expect(try parseJSONLines(lenient.stdout).first?["digit"] as? Int == 3)
    }

    @Test
    func aBlankPageGivesNoDigitAndStatusOne() throws {
        let s = try setUp()
        defer { s.remove() }
        let blank = try s.write(encodePNG(GrayImage(width: 64, height: 64, filledWith: 240)), "blank.png")
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", "--weights", s.path + "/model.dgw", blank])
        #expect(result.status == 1)
        let row = try #require(try parseJSONLines(result.stdout).first)
        #expect(row["digit"] is NSNull)
        #expect(row["probabilities"] is NSNull)
        #expect(row["error"] is NSNull)
        #expect((row["warnings"] as? [String])?.contains(noDigitFoundWarning) == true)
    }

    /// Fails (not skips) when the bundled model cannot be loaded (e.g. trained for other preprocessing).
    @Test func theBundledModelReadsADrawnOneAndZeroWithoutWeightsOption() throws {
        let s = try setUp()
        defer { s.remove() }
        let one = try s.write(encodePNG(Drawing.stroke(side: 96)), "one.png")
        let zero = try s.write(encodePNG(Drawing.ring(side: 96)), "zero.png")
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", one, zero])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.map { $0["digit"] as? Int } == [1, 0])
    }

    @Test func usageErrorsExitWithTwoAndHelpWithZero() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        for arguments in [["recognize", "--format", "xml", photo],
                          ["recognize", "--min-confidence", "1.5", photo],
                          ["recognize", "--no-such-option", photo],
                          ["recognize", "-", "-"],
                          ["recognize"]] {  // no arguments and nothing on standard input
            let result = try DigitBinary.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.isEmpty)
            #expect(result.stdout.isEmpty)
        }
        let help = try DigitBinary.run(["recognize", "--help"])
        #expect(help.status == 0)
        for text in ["EXIT STATUS", "digit recognize photo.png", "find scans -name '*.jpg' | digit recognize -",
                     "digit recognize < photo.jpg", "--format", "--min-confidence"] {
            #expect(help.stdout.contains(text), "help shows \(text)")
        }
    }

    @Test func aMissingOrBrokenModelIsAOneLineErrorNotACrash() throws {
        let s = try setUp()
        defer { s.remove() }
        let photo = try s.write(Drawing.ringPNG(), "photo.png")
        let missing = try DigitBinary.run(["recognize", "--weights", s.path + "/none.dgw", photo])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains(s.path + "/none.dgw"))

        let broken = try s.write(Array(TestModel.weightsFile(bias: TestModel.confidentThree).prefix(100)), "broken.dgw")
        let result = try DigitBinary.run(["recognize", "--weights", broken, photo])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(broken))
    }
}

/// Text filled in by one thread and read by another after a semaphore.
private final class ReceivedText: @unchecked Sendable {
    var text = ""
}
