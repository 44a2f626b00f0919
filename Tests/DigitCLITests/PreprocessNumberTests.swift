import Foundation
import DigitTestSupport
import Testing
import DigitCore

/// `digit preprocess --number` and the README's number fixture.
@Suite struct PreprocessNumberTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures").path

    @Test func writesEachDigitsPictureAndTheBoxes() throws {
        let s = try Scratch()
        defer { s.remove() }
        let photo = try s.write(RecognizeNumberTests.marksPNG(count: 3), "marks.png")
        let out = s.path + "/seen"
        let result = try DigitBinary.run(["preprocess", "--number", photo, "-o", out, "--scale", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(photo): "))
        for index in 1...3 {
            let digit = try decodeImage(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: out + "/digit-\(index).png"))))
            #expect(digit.image.width == 56 && digit.image.height == 56)
            #expect(digit.image.luma.contains { $0 > 200 }, "digit \(index) should hold ink")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/digit-4.png"))
        let boxes = try decodeImage(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: out + "/boxes.png"))))
        #expect(boxes.image.width == 480 && boxes.image.height == 200, "the 240×100 page enlarged twice")
    }

    @Test func aBlankPageFailsWithNoDigitFound() throws {
        let s = try Scratch()
        defer { s.remove() }
        let blank = try s.write(try encodePNG(GrayImage(width: 60, height: 40, filledWith: 220)), "blank.png")
        let result = try DigitBinary.run(["preprocess", "--number", blank, "-o", s.path + "/seen"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no digit found"))
    }

    @Test func theReadmeMeterPhotoReads4217() throws {
        let result = try DigitBinary.run(["recognize", "--number", Self.fixtures + "/numbers/meter.jpg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.fixtures + "/numbers/meter.jpg: 4217  ("), "\(result.stdout)")
    }
}
