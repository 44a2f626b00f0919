import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// Small and low-resolution digits are read, not only found (issue 9, item 2): a digit a few
/// pixels tall and softly blurred, or one enlarged blocky from a thumbnail, reaches the classifier
/// as a digit drawn at the working size (`detectBlockGrid`, `enlargeSmallInk`), not as a staircase
/// of blocks with a fringe that fills its loops.
@Suite struct SmallDigitTests {
    /// MNIST test digit `i` (its whole 28×28 frame) reduced to `side × side` by area averaging,
    /// dark ink (0) on white (1).
    static func reducedDigit(_ data: MNISTDataset, _ i: Int, side: Int) -> FloatImage {
        let frame = FloatImage(width: 28, height: 28, pixels: data.image(i).map { Float($0) / 255 })
        let small = scale(frame, by: Double(side) / 28)
        return FloatImage(width: small.width, height: small.height, pixels: small.pixels.map { 1 - min(1, $0) })
    }

    /// How many of the first `count` MNIST test digits the bundled model reads right from `picture`.
    static func readRight(count: Int, _ picture: (MNISTDataset, Int) -> FloatImage) throws -> Int {
        let data = try MNISTDataset.load(directory: TestMNIST.directory, split: .test)
        let model = try Classifier.bundled()
        var right = 0
        for i in 0..<count {
            let image = Canvas(image: picture(data, i)).gray
            if let digit = preprocess(image).digit, model.predict(digit).digit == Int(data.labels[i]) { right += 1 }
        }
        return right
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func twelvePixelDigitsSoftlyBlurredAreReadRight() throws {
        // A 12×12 thumbnail (ink about 9 px tall) on a 20×20 white field, blurred σ = 0.6 px as a
        // lens or a resampler leaves it. Measured: 176 of 200 read right before `enlargeSmallInk`
        // (replicated blocks, fringe filling loops), 190 with it; MNIST's own digits: about 197.
        let right = try Self.readRight(count: 200) { data, i in
            gaussianBlurred(padded(Self.reducedDigit(data, i, side: 12), by: 4, paper: 1), sigma: 0.6)
        }
        #expect(right >= 184, "\(right) of 200 read right")
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func sixteenPixelDigitsEnlargedBlockyAreReadRight() throws {
        // 16×16 thumbnails enlarged 4× by pixel replication (64×64): 99 of 100 read right.
        let right = try Self.readRight(count: 100) { data, i in
            nearestEnlarged(Self.reducedDigit(data, i, side: 16), by: 4)
        }
        #expect(right >= 96, "\(right) of 100 read right")
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func eightPixelDigitsEnlargedBlockyAreReadAtTheirOwnResolution() throws {
        // 8×8 thumbnails (ink about 6 px tall) enlarged 10×: measured 171 of 200 read right when
        // the blocks went to normaliseInk as they are, 179 when the block grid is undone first.
        let right = try Self.readRight(count: 200) { data, i in
            nearestEnlarged(Self.reducedDigit(data, i, side: 8), by: 10)
        }
        #expect(right >= 175, "\(right) of 200 read right")
    }

    /// MNIST test digit `i` cut to its ink box (pixels above 0.1, a margin of `margin` px) and
    /// area-averaged to `side` px on its longer side, dark ink (0) on white (1): the digit fills
    /// its frame, its strokes run from edge to edge.
    static func croppedDigit(_ data: MNISTDataset, _ i: Int, side: Int, margin: Int = 1) -> FloatImage {
        let frame = FloatImage(width: 28, height: 28, pixels: data.image(i).map { Float($0) / 255 })
        var minX = 28, maxX = -1, minY = 28, maxY = -1
        for y in 0..<28 { for x in 0..<28 where frame[x, y] > 0.1 {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        } }
        var crop = FloatImage(width: maxX - minX + 1 + 2 * margin, height: maxY - minY + 1 + 2 * margin)
        for y in 0..<crop.height { for x in 0..<crop.width {
            let sx = minX - margin + x, sy = minY - margin + y
            if sx >= 0, sy >= 0, sx < 28, sy < 28 { crop[x, y] = frame[sx, sy] }
        } }
        let small = scale(crop, by: Double(side) / Double(max(crop.width, crop.height)))
        return FloatImage(width: small.width, height: small.height, pixels: small.pixels.map { 1 - min(1, $0) })
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func digitsCutToTheirInkBoxAreReadAt12And24Pixels() throws {
        // A 1's stem or a 7's bar spans such a frame and was taken for a ruled line; the ink and
        // its fringe fill most of a 12 px frame and hid the digit under its own noise estimate.
        // Measured on the first 100 digits (`digit recognize` on these images written as PNGs):
        // at 2d7851a, 12 px 20 read right and 80 "no digit found", 24 px 52 and 25; now 100 and
        // 100, none missing.
        let data = try MNISTDataset.load(directory: TestMNIST.directory, split: .test)
        for side in [12, 24] {
            var missing = 0
            for i in 0..<100 where preprocess(Canvas(image: Self.croppedDigit(data, i, side: side)).gray).digit == nil {
                missing += 1
            }
            #expect(missing == 0, "\(missing) of 100 digits cut to \(side) px: no digit found")
            let right = try Self.readRight(count: 100) { data, i in Self.croppedDigit(data, i, side: side) }
            #expect(right >= 97, "\(right) of 100 cut to \(side) px read right")
        }
    }

    @Test func aTinyImageWithNothingFoundIsReadAgainWithPaperAroundIt() throws {
        // A 0 drawn bold and cut to its box at 11×14 px: the ring and its fringe cover most of the
        // frame. At its own size nothing is found; enlarged to 84 px it is read, and the steps of
        // both readings are recorded.
        var canvas = Canvas(width: 44, height: 56, paper: 0.95)
        canvas.ring(cx: 22, cy: 28, rx: 18, ry: 24, width: 8, ink: 0.1)
        let small = Canvas(image: scale(canvas.image, by: 0.25))
        let image = small.gray
        #expect(max(image.width, image.height) < smallFrameSide)
        #expect(preprocess(working: toWorkingImage(image), recordingSteps: false).digit == nil,
                "not found at its own size (else this test checks nothing)")
        let result = preprocess(image, recordingSteps: true)
        let digit = try #require(result.digit)
        #expect(try Classifier.bundled().predict(digit).digit == 0)
        #expect(result.steps.contains { $0.name.hasPrefix("1-gray") })
        #expect(result.steps.contains { $0.name.contains("-padded-gray") })
        #expect(result.digitHeight.map { $0 <= image.height } == true, "height in the image's own pixels")
        let working = toWorkingImage(image)
        // A margin of a fifth of 14 px (3 px) of paper around the 11×14 picture, then 5× to 85×100.
        let (enlarged, factor) = try #require(withPaperAround(working))
        #expect(factor == 5 && enlarged.width == 17 * 5 && enlarged.height == 20 * 5)
        let paper = paperLevelAtEdge(working)
        #expect(paper > 0.8, "the paper, not the ring the frame cuts")
        #expect(enlarged[0, 0] == paper && enlarged[84, 99] == paper && enlarged[42, 4] == paper, "paper around it")
        #expect(withPaperAround(FloatImage(width: 28, height: 20)) == nil, "MNIST's frame is read as it is")
    }

    @Test func aSmallDrawnZeroKeepsItsHoleAndIsReadAsZero() throws {
        // A 0 whose ink is 11 px tall, 1.6 px anti-aliased strokes, on a 24×24 picture: enlarged
        // and re-sharpened, its 3 px hole stays open.
        var canvas = Canvas(width: 24, height: 24, paper: 0.9)
        canvas.ring(cx: 12, cy: 12, rx: 3.5, ry: 5, width: 1.6, ink: 0.15)
        let digit = try #require(preprocess(canvas.gray).digit)
        #expect(digit[14, 14] < 0.3, "the hole stays open")
        #expect(countHoles(FloatImage(digit)) == 1)
        #expect(try Classifier.bundled().predict(digit).digit == 0)
    }

    @Test func aBlockyEnlargementIsReducedToItsGridAndASmoothPictureIsNot() {
        var small = Canvas(width: 8, height: 8, paper: 0)
        small.ring(cx: 3.5, cy: 3.5, rx: 2, ry: 3, width: 1.2, ink: 1)
        let blocky = nearestEnlarged(small.image, by: 7)
        // Offset by 3 px inside a larger page: the grid's offset is found too.
        let page = padded(blocky, by: 3, paper: 0)
        #expect(detectBlockGrid(page, x0: 0, y0: 0, x1: page.width - 1, y1: page.height - 1)
                == BlockGrid(periodX: 7, offsetX: 3, periodY: 7, offsetY: 3))
        let smooth = bilinearEnlarged(small.image, by: 7)
        #expect(detectBlockGrid(smooth, x0: 0, y0: 0, x1: smooth.width - 1, y1: smooth.height - 1) == nil)
        #expect(detectBlockGrid(small.image, x0: 0, y0: 0, x1: 7, y1: 7) == nil, "a picture at its own resolution")
        // One bar (two edges per axis) is not a grid.
        var bar = FloatImage(width: 30, height: 30)
        for y in 10..<20 { for x in 12..<16 { bar[x, y] = 1 } }
        #expect(detectBlockGrid(bar, x0: 0, y0: 0, x1: 29, y1: 29) == nil)
    }

    /// A 6 written small with a fine pen: its loop is a solid 2 px ring (ink 1.0), its stem a
    /// hairline that the image averaged to 0.4 of that. Enlarged, the stem is scaled to its own
    /// peak (`scaledToLocalPeak`) and kept as a stroke; cut at half the loop's level, it was left at
    /// a fifth of the loop's brightness, and the 6 was read as a 2 (bench/realworld small). A faint
    /// speck (0.1) stays faint.
    @Test func aHairlineStrokeOfASmallDigitIsKeptWhenEnlarged() {
        var small = Canvas(width: 14, height: 16, paper: 0)
        small.ring(cx: 7, cy: 10.5, rx: 3.5, ry: 3, width: 2, ink: 1)
        small.stroke(4, 10, 8.5, 1.5, width: 1, ink: 0.4)
        small.image[12, 2] = 0.1
        let enlarged = enlargeSmallInk(small.image)
        let factor = enlarged.width / small.image.width
        #expect(factor >= 2)
        // The stem's brightest pixel above the loop.
        var stemPeak: Float = 0
        for y in (2 * factor)..<(5 * factor) { for x in (4 * factor)..<(10 * factor) { stemPeak = max(stemPeak, enlarged[x, y]) } }
        #expect(stemPeak > 0.9, "the stem is a stroke, not a ghost: \(stemPeak)")
        #expect(enlarged[12 * factor + factor / 2, 2 * factor + factor / 2] < 0.2, "the speck stays faint")
        var stemBefore: Float = 0
        let before = sharpenEdge(bilinearEnlarged(small.image, by: factor))
        for y in (2 * factor)..<(5 * factor) { for x in (4 * factor)..<(10 * factor) { stemBefore = max(stemBefore, before[x, y]) } }
        #expect(stemBefore < 0.3, "cut at half the loop's level, the stem was a ghost: \(stemBefore)")
    }

    @Test func aDigitOfMNISTSizeIsNotEnlarged() {
        var canvas = Canvas(width: 28, height: 28, paper: 0)
        canvas.ring(cx: 14, cy: 14, rx: 6, ry: 9.5, width: 2, ink: 1)
        #expect(digitSize(canvas.image) >= smallDigitSide)
        #expect(enlargeSmallInk(canvas.image) == canvas.image)
        var small = Canvas(width: 14, height: 14, paper: 0)
        small.ring(cx: 7, cy: 7, rx: 3, ry: 5, width: 1.5, ink: 1)
        #expect(digitSize(enlargeSmallInk(small.image)) >= strokeBoxSide)
    }

    @Test(arguments: [(40, 32), (30, 36)])
    func aBlurredSmallDigitInACropLargerThanMNISTsFrameIsRead(width: Int, height: Int) throws {
        // A 7 about 18 px tall, strokes 2.5 px (ink 0.7 on paper 0.9), averaged 3×3 three times, in a
        // crop a little larger than 28 px: its mask is a blob without a plateau, too small for the
        // lone-mark rule, and the frame was not read enlarged (old reading: no digit found).
        var page = Canvas(width: width, height: height, paper: 0.9)
        let cx = Float(width) / 2, cy = Float(height) / 2
        page.stroke(cx - 5, cy - 8, cx + 5, cy - 8, width: 2.5, ink: 0.7)
        page.stroke(cx + 5, cy - 8, cx - 1, cy + 8, width: 2.5, ink: 0.7)
        for _ in 0..<3 { page.image = boxBlur(page.image, radius: 1) }
        page.addNoise(sigma: 0.01, seed: 3)
        let digit = try #require(preprocess(page.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }
}

/// `image` inside a border of `margin` px of `paper`.
func padded(_ image: FloatImage, by margin: Int, paper: Float) -> FloatImage {
    var out = FloatImage(width: image.width + 2 * margin, height: image.height + 2 * margin, filledWith: paper)
    for y in 0..<image.height {
        for x in 0..<image.width { out[x + margin, y + margin] = image[x, y] }
    }
    return out
}

/// Separable Gaussian blur of standard deviation `sigma` px (kernel radius ⌈3σ⌉, edges repeated).
func gaussianBlurred(_ image: FloatImage, sigma: Float) -> FloatImage {
    let radius = max(1, Int((3 * sigma).rounded(.up)))
    let raw = (-radius...radius).map { exp(-Float($0 * $0) / (2 * sigma * sigma)) }
    let total = raw.reduce(0, +)
    let kernel = raw.map { $0 / total }
    func pass(_ source: FloatImage, dx: Int, dy: Int) -> FloatImage {
        var out = source
        for y in 0..<source.height {
            for x in 0..<source.width {
                var sum: Float = 0
                for k in -radius...radius {
                    let sx = min(source.width - 1, max(0, x + k * dx)), sy = min(source.height - 1, max(0, y + k * dy))
                    sum += source[sx, sy] * kernel[k + radius]
                }
                out[x, y] = sum
            }
        }
        return out
    }
    return pass(pass(image, dx: 1, dy: 0), dx: 0, dy: 1)
}
