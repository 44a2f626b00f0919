import Testing
@testable import DigitCore

/// The whole pipeline on pictures drawn in code.
@Suite struct PreprocessTests {
    /// A "0" (ring) drawn on a page: the reference all variants are compared with.
    static func ringPage(paper: Float = 0.9, ink: Float = 0.1, width: Int = 240, height: Int = 180) -> Canvas {
        var canvas = Canvas(width: width, height: height, paper: paper)
        canvas.ring(cx: 100, cy: 90, rx: 22, ry: 38, width: 6, ink: ink)
        return canvas
    }

    static var reference: DigitImage { preprocess(ringPage().gray).digit! }

    /// The ring in 28×28: bright on the ring's left/right sides, dark in the middle and corners.
    func expectRing(_ digit: DigitImage?, _ comment: Comment) {
        guard let digit else { Issue.record("no digit: \(comment)"); return }
        #expect(digit[14, 14] < 0.2, comment)
        #expect(digit[0, 0] == 0 && digit[27, 27] == 0, comment)
        #expect(correlation(digit.pixels, Self.reference.pixels) > 0.9, comment)
    }

    @Test func darkOnLightRing() {
        let result = preprocess(Self.ringPage().gray)
        expectRing(result.digit, "dark on light")
        #expect(result.warnings.isEmpty)
        let com = centreOfMass(result.digit!)
        #expect(abs(com.x - 14) < 0.2 && abs(com.y - 14) < 0.2)
    }

    @Test func lightOnDarkRing() {
        expectRing(preprocess(Self.ringPage(paper: 0.1, ink: 0.9).gray).digit, "light on dark")
    }

    @Test func ringUnderALightingGradient() {
        var canvas = Canvas(width: 240, height: 180, left: 0.95, right: 0.3)
        canvas.ring(cx: 100, cy: 90, rx: 22, ry: 38, width: 6, ink: 0.08)
        expectRing(preprocess(canvas.gray).digit, "gradient")
    }

    @Test func ringOnANoisyPage() {
        var canvas = Self.ringPage()
        canvas.addNoise(sigma: 0.05, seed: 3)
        expectRing(preprocess(canvas.gray).digit, "noise")
    }

    @Test func ringOnRuledPaper() {
        var canvas = Canvas(width: 240, height: 180, paper: 0.9)
        canvas.ruledLines(first: 12, spacing: 24, width: 2, ink: 0.5)
        canvas.ring(cx: 100, cy: 90, rx: 22, ry: 38, width: 6, ink: 0.1)
        let result = preprocess(canvas.gray)
        expectRing(result.digit, "ruled")
        #expect(result.warnings.isEmpty)
    }

    @Test func brokenStrokeIsReadAsOneDigit() {
        var canvas = Canvas(width: 240, height: 180, paper: 0.9)
        canvas.stroke(120, 40, 120, 85, width: 6, ink: 0.1)   // a "1" with a gap
        canvas.stroke(120, 97, 120, 140, width: 6, ink: 0.1)
        let digit = preprocess(canvas.gray).digit!
        // Both halves are in the 28×28: ink near the top and near the bottom of the 20 px box.
        let rows = (0..<28).map { y in (0..<28).reduce(Float(0)) { $0 + digit[$1, y] } }
        #expect(rows[5] > 0.5 && rows[22] > 0.5, "\(rows)")
    }

    @Test func twoDigitsGiveTheDominantOneAndAWarning() {
        var canvas = Self.ringPage(width: 320)
        canvas.stroke(240, 60, 240, 120, width: 5, ink: 0.1)   // a smaller "1" to the right
        let result = preprocess(canvas.gray)
        expectRing(result.digit, "two digits")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("read the largest") == true)
    }

    @Test(arguments: ["blank", "noise", "black", "white", "ruled", "gradient"])
    func pagesWithoutADigit(kind: String) {
        var canvas = Canvas(width: 200, height: 150, paper: 0.9)
        switch kind {
        case "noise": canvas = Canvas(width: 200, height: 150, paper: 0.5); canvas.addNoise(sigma: 0.25, seed: 11)
        case "black": canvas = Canvas(width: 200, height: 150, paper: 0)
        case "white": canvas = Canvas(width: 200, height: 150, paper: 1)
        case "ruled": canvas.ruledLines(first: 10, spacing: 22, width: 2, ink: 0.45); canvas.addNoise(sigma: 0.02, seed: 5)
        case "gradient": canvas = Canvas(width: 200, height: 150, left: 1, right: 0.2)
        default: break
        }
        let result = preprocess(canvas.gray)
        #expect(result.digit == nil, "\(kind)")
        #expect(result.warnings == [noDigitFoundWarning])
    }

    @Test func emptyImageIsNoDigit() {
        let result = preprocess(GrayImage(width: 0, height: 0, luma: []))
        #expect(result.digit == nil && result.warnings == [noDigitFoundWarning])
    }

    @Test func stepsAreRecordedInOrderEndingInThe28x28() {
        let result = preprocess(Self.ringPage().gray, recordingSteps: true)
        let names = result.steps.map(\.name)
        #expect(names.first == "1-gray")
        #expect(names.count >= 8)
        for (i, name) in names.enumerated() { #expect(name.hasPrefix("\(i + 1)-")) }
        let last = result.steps.last!.image
        #expect(last.width == 28 && last.height == 28)
        #expect(last.luma == result.digit!.pixels.map { UInt8(($0 * 255).rounded()) })
        #expect(preprocess(Self.ringPage().gray).steps.isEmpty)
    }

    @Test func largeImagesAreWorkedOnAtABoundedSize() {
        let image = toWorkingImage(GrayImage(width: 2000, height: 1500, filledWith: 200))
        #expect(max(image.width, image.height) <= workingLongSideLimit)
        #expect(abs(image[10, 10] - 200 / 255) < 1e-5)
    }
}
