import Foundation
import DigitTestSupport
import Testing
import DigitCore

/// Strips and other extreme shapes in the middle of a batch: each gets its row (an answer, no
/// digit, or a one-line error), and the files around them are still read. (A 100000×1 PNG used
/// to kill the whole batch with SIGSEGV.)
@Suite struct RecognizeOddShapesTests {
    @Test func stripsInABatchGetTheirRowsAndTheOthersAreRead() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write(TestModel.weightsFile(bias: TestModel.confidentThree), "model.dgw")
        var beyondLibpng = try encodePNG(GrayImage(width: 1, height: 1, filledWith: 0))
        beyondLibpng.replaceSubrange(16..<20, with: [0x00, 0x0F, 0x42, 0x41])   // IHDR says 1000001×1
        let paths = [
            try s.write(Drawing.ringPNG(), "0-ring.png"),
            try s.write(try encodePNG(GrayImage(width: 100_000, height: 1, filledWith: 40)), "1-strip.png"),
            try s.write(try encodePNG(GrayImage(width: 1601, height: 1, filledWith: 200)), "2-strip.png"),
            try s.write(try encodeJPEG(GrayImage(width: 65_500, height: 1, filledWith: 90)), "3-strip.jpg"),
            try s.write(try encodePNG(GrayImage(width: 3, height: 90_000, filledWith: 10)), "4-band.png"),
            try s.write(beyondLibpng, "5-too-long.png"),
            try s.write(Drawing.strokeJPEG(), "6-stroke.jpg"),
        ]
        let result = try DigitBinary.run(["recognize", "--format", "jsonl", "-j", "2",
                                          "--weights", s.path + "/model.dgw"] + paths)
        #expect(result.status == 0 || result.status == 1, "ended by a signal? status \(result.status)")
        let rows = try parseJSONLines(result.stdout)
        #expect(rows.map { $0["file"] as? String } == paths, "one row per input, in input order")
        guard rows.count == paths.count else { return }
        #expect(rows[0]["digit"] as? Int == 3)
        #expect(rows[6]["digit"] as? Int == 3)
        for i in 1...4 {
            #expect(rows[i]["error"] is NSNull, "\(rows[i])")
            #expect(rows[i]["warnings"] as? [String] == [noDigitFoundWarning], "\(rows[i])")
        }
        #expect(rows[5]["error"] as? String
                == "image is 1000001×1 pixels, a side longer than the limit of 1000000 pixels")
    }
}
