import Foundation
import Testing
@testable import DigitCore

/// Soft digits (blurred, enlarged with smoothing, small and thick) that the first look's noise
/// floor hides are found by the second look (`findSoftDigit`), and read; blank paper with texture
/// and pure noise are still refused. Every picture is drawn by the test.
@Suite struct SoftDigitTests {
    static let model: Classifier? = try? Classifier.bundled()

    /// `image` blurred by three passes of a `(2r+1)²` box (close to a Gaussian of σ ≈ r).
    static func blurred(_ image: FloatImage, radius: Int) -> FloatImage {
        boxBlur(boxBlur(boxBlur(image, radius: radius), radius: radius), radius: radius)
    }

    /// What the bundled model reads in `digit`, or `nil` without a digit.
    static func reading(_ picture: GrayImage) -> Int? {
        guard let digit = preprocess(picture).digit, let model else { return nil }
        return model.predict(digit).digit
    }

    /// A ring blurred far beyond its stroke width (a defocused photo): its fringe fills a quarter of
    /// the frame, so the first look's noise floor lies above the ring.
    static func blurredRing() -> Canvas {
        var canvas = Canvas(width: 90, height: 100, paper: 0.92)
        canvas.ring(cx: 45, cy: 50, rx: 15, ry: 24, width: 5, ink: 0.35)
        canvas.image = blurred(canvas.image, radius: 5)
        canvas.addNoise(sigma: 0.01, seed: 11)
        return canvas
    }

    /// A faint 5 (ink 0.55 on paper 0.9, 5-px strokes) blurred far beyond its pen (three 9×9 box
    /// passes, σ ≈ 4.5 px) in a frame it nearly fills: its strokes are hills, and 3×3-averaged
    /// fewer than 40% of their pixels clear any floor the paper around them allows, so both looks
    /// refused it. Averaged 5×5 the noise drops and the strokes keep their level: the last look
    /// finds a lone drawn mark and reads it, whatever the noise.
    @Test func aFaintFiveBlurredFarBeyondItsPenIsRead() throws {
        for seed: UInt64 in 1...4 {
            var canvas = Canvas(width: 60, height: 90, paper: 0.9)
            canvas.stroke(42, 26, 22, 26, width: 5, ink: 0.55)
            canvas.stroke(22, 26, 20, 44, width: 5, ink: 0.55)
            let bowl: [(Float, Float)] = [(20, 44), (30, 41), (38, 45), (42, 53), (40, 62), (33, 67), (24, 67), (17, 62)]
            for (a, b) in zip(bowl, bowl.dropFirst()) { canvas.stroke(a.0, a.1, b.0, b.1, width: 5, ink: 0.55) }
            canvas.image = Self.blurred(canvas.image, radius: 4)
            canvas.addNoise(sigma: 0.02, seed: seed)
            #expect(Self.reading(canvas.gray) == 5, "noise seed \(seed)")
        }
    }

    /// Cloudy paper (blotches ±0.08 about 16 px across) in a small frame: averaged 5×5, the last
    /// look finds a region of clouds that meets the frame's edges and took three more pieces with
    /// it. It runs off the frame, where a digit only grazes it (`isLoneDrawnDigit`): refused.
    @Test func cloudsRunningOffTheFrameAreNotABlurredDigit() throws {
        let page = BlankPageTests.texturedPaper(width: 80, height: 90, amplitude: 0.08, grain: 16, seed: 5)
        let working = toWorkingImage(page.gray)
        let cleaned = cleanPage(working: working, inkIsDark: inkPolarity(working).inkIsDark)
        let averaged = try #require(softLook(cleaned.flattened, averaging: blurredDigitAveraging,
                                             measuredNoise: neighbourDifferenceNoise(cleaned.flattened) ?? 0,
                                             firstLook: cleaned.thresholds, fieldFrame: nil))
        #expect(!isLoneDrawnDigit(averaged.selection, in: averaged.page))
        #expect(findBlurredDigit(cleaned.flattened, firstLook: cleaned.thresholds) == nil)
        #expect(preprocess(page.gray).digit == nil)
    }

    /// A 5 drawn wide across a 16×16 thumbnail, enlarged 14× with smoothing and softened (σ 4 px),
    /// filling its frame: the first look's floor lies above it, and the second look finds it 1.3
    /// times as wide as tall with its soft halo. That is a digit, not a stray piece of a ruled line
    /// (those are flat bars, refused by `chooseDigit`), so it is read.
    @Test func aWideLowResolutionFiveFillingItsFrameIsRead() throws {
        var thumbnail = Canvas(width: 16, height: 16, paper: 0.95)
        let (left, right, top, middle, bottom): (Float, Float, Float, Float, Float) = (0.5, 15.5, 3, 7.5, 13)
        thumbnail.stroke(right, top, left + 1, top, width: 1.5, ink: 0.1)                  // the bar
        thumbnail.stroke(left + 1, top, left + 0.5, middle, width: 1.5, ink: 0.1)          // down
        thumbnail.stroke(left + 0.5, middle, right - 2, middle, width: 1.5, ink: 0.1)      // across
        thumbnail.stroke(right - 2, middle, right, (middle + bottom) / 2, width: 1.5, ink: 0.1)
        thumbnail.stroke(right, (middle + bottom) / 2, right - 2, bottom, width: 1.5, ink: 0.1)
        thumbnail.stroke(right - 2, bottom, left, bottom, width: 1.5, ink: 0.1)            // the foot
        var picture = thumbnail
        picture.image = gaussianBlurred(bilinearEnlarged(thumbnail.image, by: 14), sigma: 4)
        let page = cleanPage(picture.gray)
        #expect(chooseDigit(page) == nil, "the first look's floor lies above the digit")
        let soft = try #require(findSoftDigit(page.flattened, firstLook: page.thresholds), "the second look finds it")
        #expect(Float(soft.selection.boxWidth) > 1.25 * Float(soft.selection.boxHeight))
        #expect(Self.reading(picture.gray) == 5)
    }

    /// A 0 under heavy noise (σ 0.2 on a contrast of 0.55), alone on its page: averaged 3×3, its
    /// strokes are a hill whose top alone clears the noise floor, so it has no plateau; as the only
    /// mark, inside the frame, 20 px or more and drawn with strokes far thinner than itself
    /// (`isLoneDrawnMark`), it is read. The same noise without the 0 is still no digit.
    @Test func aLoneNoisyDigitWithoutAPlateauIsReadAndTheNoiseAloneIsNot() throws {
        for seed: UInt64 in 1...3 {
            var page = Canvas(width: 70, height: 80, paper: 0.9)
            page.ring(cx: 35, cy: 40, rx: 13, ry: 22, width: 5, ink: 0.35)
            page.addNoise(sigma: 0.2, seed: seed)
            #expect(Self.reading(page.gray) == 0, "seed \(seed)")
            var blank = Canvas(width: 70, height: 80, paper: 0.9)
            blank.addNoise(sigma: 0.2, seed: seed)
            #expect(preprocess(blank.gray).digit == nil, "seed \(seed): noise alone")
        }
    }

    /// A form field cropped to its printed box (54×54, the box 2 px wide, 3 px inside the frame),
    /// a pencil 1 inside, softened by a phone's lens: the box and its fringe cover more than a
    /// quarter of the frame, so the first look's noise floor (from the upper quartile) lies above
    /// everything. The second look finds the 1, and measures the paper around it without the empty
    /// frame around it (`isEmptyFrame`): measured with it, the "paper" held the box, and the 1 was
    /// refused. Without its 1, the same field is still no digit. (`preprocess` now reads such a
    /// field inside its box, `fieldInsideBox`; the second look is tested here on the whole page.)
    @Test func aPencilDigitInABlurredBoxFillingItsCropIsRead() throws {
        func field(withDigit: Bool) -> GrayImage { boxedField(side: 54, withOne: withDigit).gray }
        let page = cleanPage(field(withDigit: true))
        #expect(chooseDigit(page) == nil, "the first look's floor lies above the 1")
        let soft = try #require(findSoftDigit(page.flattened, firstLook: page.thresholds), "the second look finds the 1")
        #expect(soft.selection.minX > 15 && soft.selection.maxX < 40 && soft.selection.boxHeight > 20, "the 1, not the box")
        #expect(Self.reading(field(withDigit: true)) == 1)
        #expect(preprocess(field(withDigit: false)).digit == nil, "the empty field")
    }

    @Test func aBlurredDigitIsMissedByTheFirstLookAndFoundByTheSecond() throws {
        let picture = Self.blurredRing().gray
        let page = cleanPage(picture)
        #expect(chooseDigit(page) == nil, "the first look's floor hides the blurred ring")
        let soft = try #require(findSoftDigit(page.flattened, firstLook: page.thresholds))
        #expect(soft.selection.boxHeight > 40, "the whole ring, not a piece of it")
        let digit = try #require(preprocess(picture).digit)
        #expect(digit[14, 14] < 0.3, "the ring's hole stays open")
        #expect(Self.reading(picture) == 0)
    }

    @Test func aTwelvePixelDigitEnlargedSmoothlyIsRead() {
        // A 1: one slanted stroke in a 12×12 thumbnail, enlarged 20× with bilinear smoothing.
        var small = Canvas(width: 12, height: 12, paper: 0.95)
        small.stroke(6.5, 1.5, 5, 10.5, width: 1.6, ink: 0.15)
        let enlarged = Canvas(image: bilinearEnlarged(small.image, by: 20))
        #expect(Self.reading(enlarged.gray) == 1)
    }

    @Test func anEightPixelZeroEnlargedSmoothlyIsRead() {
        var small = Canvas(width: 8, height: 8, paper: 0.95)
        small.ring(cx: 3.5, cy: 3.5, rx: 2, ry: 3, width: 1.2, ink: 0.1)
        let enlarged = Canvas(image: bilinearEnlarged(small.image, by: 16))
        #expect(Self.reading(enlarged.gray) == 0)
    }

    @Test func aSmallThickZeroWhoseHoleTheMaskClosesIsFound() {
        // 14 px tall, a pen 3.5 px wide, slightly soft: its 2-px hole is filled in the mask.
        var canvas = Canvas(width: 30, height: 30, paper: 0.93)
        canvas.ring(cx: 15, cy: 15, rx: 4, ry: 5.5, width: 3.5, ink: 0.15)
        canvas.image = Self.blurred(canvas.image, radius: 1)
        #expect(preprocess(canvas.gray).digit != nil)
    }

    /// Grid paper as a small, soft scan gives it: grey lines 3 px wide every 20 px both ways,
    /// blurred, so that lines cover over a third of the paper.
    static func softGridPaper(seed: UInt64, drawing: (inout Canvas) -> Void = { _ in }) -> Canvas {
        var canvas = Canvas(width: 113, height: 104, paper: 0.95)
        for x in stride(from: 6, to: 113, by: 20) { canvas.stroke(Float(x), -2, Float(x) + 2, 106, width: 3, ink: 0.75) }
        for y in stride(from: 9, to: 104, by: 20) { canvas.stroke(-2, Float(y), 115, Float(y) - 1, width: 3, ink: 0.75) }
        drawing(&canvas)
        canvas.image = blurred(canvas.image, radius: 1)
        canvas.addNoise(sigma: 0.01, seed: seed)
        return canvas
    }

    @Test func aDigitOnFaintGridLinesInASoftScanIsFoundAndBlankGridIsNot() {
        // A 7, 24 px tall: brighter than the lines, but the lines fill the histogram's upper
        // quartile, so measured with them the paper is as noisy as the digit is dark.
        let page = Self.softGridPaper(seed: 41) { canvas in
            canvas.stroke(52, 38, 68, 37, width: 3.5, ink: 0.35)
            canvas.stroke(68, 37, 58, 61, width: 3.5, ink: 0.35)
        }
        let cleaned = cleanPage(page.gray)
        #expect(chooseDigit(cleaned) == nil, "the first look's floor hides the 7")
        #expect(Self.reading(page.gray) == 7)
        for seed in [UInt64(42), 43] {
            #expect(preprocess(Self.softGridPaper(seed: seed).gray).digit == nil, "blank soft grid, seed \(seed)")
        }
    }

    @Test func aBlurredBroadZeroWhoseMaskFillsItsLoopIsNotABlob() throws {
        // A 0 drawn with a broad marker and blurred: its mask is a filled oval (mean stroke width
        // over 45% of its height, the blob rule), but the middle of its loop stays pale.
        var canvas = Canvas(width: 83, height: 65, paper: 0.92)
        canvas.ring(cx: 42, cy: 33, rx: 11, ry: 12, width: 12, ink: 0.3)
        canvas.image = Self.blurred(canvas.image, radius: 2)
        canvas.addNoise(sigma: 0.01, seed: 13)
        let page = cleanPage(canvas.gray)
        let ring = try #require(page.components.max { $0.area < $1.area })
        #expect(isSolidBlob(ring), "the mask alone makes it a blob")
        #expect(Self.reading(canvas.gray) == 0)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func texturedPaperIsRefusedOnTheSecondLookToo(seed: UInt64) {
        // Strong cloudy texture: the pixel-to-pixel noise is small, so the second look's candidate
        // thresholds find hills; the paper around them refuses them.
        let page = BlankPageTests.texturedPaper(width: 160, height: 120, amplitude: 0.08, grain: 10, seed: seed)
        let cleaned = cleanPage(page.gray)
        #expect(findSoftDigit(cleaned.flattened, firstLook: cleaned.thresholds)?.selection == nil)
        #expect(preprocess(page.gray).digit == nil)
    }

    @Test(arguments: [UInt64(31), 32])
    func pureNoiseIsRefusedOnTheSecondLookToo(seed: UInt64) {
        var noise = Canvas(width: 100, height: 90, paper: 0.6)
        noise.addNoise(sigma: 0.15, seed: seed)
        let cleaned = cleanPage(noise.gray)
        #expect(findSoftDigit(cleaned.flattened, firstLook: cleaned.thresholds)?.selection == nil)
        #expect(preprocess(noise.gray).digit == nil)
        // Averaged noise is correlated: still refused.
        let clouds = Canvas(image: Self.blurred(noise.image, radius: 2))
        #expect(preprocess(clouds.gray).digit == nil)
    }

    @Test func aBlurredNoisyDigitIsRead() {
        var canvas = Self.blurredRing()
        canvas.addNoise(sigma: 0.05, seed: 12)
        #expect(Self.reading(canvas.gray) == 0)
    }

    @Test func anEmptyBoxWithItsLabelIsNotReadByTheLastLook() {
        // A 1200×700 form: an empty 320×225 box (2 px, ink 0.35) with a small label under its
        // right corner. The first look paints the box out and finds nothing; the last look averaged
        // the frame with the box in it, where the box's side beside the label was read as a 1.
        var page = Canvas(width: 1200, height: 700, paper: 0.89)
        PrintedStructureTests.box(&page, cx: 540, cy: 382, w: 320, h: 225, degrees: 0, width: 2, ink: 0.35)
        PrintedTextTests.label(&page, "AVE", x: 660, y: 505, height: 14, penWidth: 2, ink: 0.35)
        page.addNoise(sigma: 0.01, seed: 5)
        #expect(preprocess(page.gray).digit == nil)
    }

    @Test func theLoopACandidateEnclosesIsNotPaperAroundIt() throws {
        // A ring (0.8) whose loop its blurred fringe fills (0.25), on paper at 0 with noise σ 0.01:
        // measured with the loop, the paper around it looks as bright as the fringe.
        var image = FloatImage(width: 40, height: 40)
        var random = TestRandom(seed: 3)
        for y in 0..<40 {
            for x in 0..<40 {
                let r = hypotf(Float(x) - 19.5, Float(y) - 19.5)
                image[x, y] = r >= 11 && r <= 15 ? 0.8 : r < 11 ? 0.25 : max(0, 0.01 * random.gaussian())
            }
        }
        let (labels, components) = connectedComponents(image, low: 0.5, high: 0.6, plateau: 0.6)
        let ring = try #require(components.max { $0.area < $1.area })
        var isCandidate = [Bool](repeating: false, count: components.count + 1)
        isCandidate[ring.label] = true
        let loop = enclosedHolePixels(of: ring, labels: labels, width: 40)
        #expect(loop.count > 300 && loop.allSatisfy { image.pixels[$0] == 0.25 }, "the loop, all of it")
        let window = surroundings(of: ring, width: 40, height: 40)
        let withLoop = inkThresholds(image, around: window, labels: labels, isCandidate: isCandidate, pixelNoise: 0.01)
        let withoutLoop = inkThresholds(image, around: window, labels: labels, isCandidate: isCandidate,
                                        ownHoles: loop, pixelNoise: 0.01)
        #expect(withLoop.noise > 0.2 && withLoop.high > 0.8, "the loop's fringe counted as paper hides the ring")
        #expect(withoutLoop.noise < 0.03 && withoutLoop.high < 0.6)
    }
}
