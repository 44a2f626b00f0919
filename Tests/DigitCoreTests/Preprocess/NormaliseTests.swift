import Testing
@testable import DigitCore

@Suite struct NormaliseTests {
    /// A bright ring off-centre in a larger black image (ink already extracted).
    static func ringInk(width: Int = 90, height: Int = 70, strokeWidth: Float = 6) -> FloatImage {
        var canvas = Canvas(width: width, height: height, paper: 0)
        canvas.ring(cx: 30, cy: 40, rx: 14, ry: 24, width: strokeWidth, ink: 1)
        return canvas.image
    }

    @Test func strokeWidthOfAStraightBar() {
        var image = FloatImage(width: 60, height: 100)
        for y in 10..<90 { for x in 20..<24 { image[x, y] = 1 } }
        #expect(abs(strokeWidth(image) - 4) < 0.3)
    }

    @Test func scaleToBoxMakesTheDigit20PixelsAndKeepsTheInk() {
        let ink = cropToInk(Self.ringInk())!
        let boxed = scaleToBox(ink)
        #expect(abs(digitSize(boxed) - 20) <= 1)
        let scale = Float(20) / Float(digitSize(ink))
        let before = ink.pixels.reduce(0, +) * scale * scale, after = boxed.pixels.reduce(0, +)
        #expect(abs(before - after) / before < 1e-3)
        // Aspect ratio kept: each side is the scaled side, rounded up.
        #expect(boxed.width == Int((Float(ink.width) * scale).rounded(.up)))
        #expect(boxed.height == Int((Float(ink.height) * scale).rounded(.up)))
    }

    @Test func digitSizeIgnoresAFaintFringe() {
        var image = FloatImage(width: 30, height: 30)
        for y in 5..<25 { for x in 10..<14 { image[x, y] = 1 } }
        #expect(digitSize(image) == 20)
        for x in 10..<14 { image[x, 3] = 0.2; image[x, 4] = 0.4; image[x, 26] = 0.1 }
        #expect(digitSize(image) == 20)
        #expect(digitSize(FloatImage(width: 5, height: 5, filledWith: 0.3)) == 5)
        #expect(digitSize(FloatImage(width: 5, height: 5)) == 0)
    }

    @Test func scaleToBoxAveragesAreas() {
        // 40×40 checkerboard of 1 px squares → 20×20 of 0.5 everywhere.
        var image = FloatImage(width: 40, height: 40)
        for y in 0..<40 { for x in 0..<40 where (x + y) % 2 == 0 { image[x, y] = 1 } }
        let boxed = scaleToBox(image)
        #expect(boxed.width == 20 && boxed.height == 20)
        #expect(boxed.pixels.allSatisfy { abs($0 - 0.5) < 1e-5 })
    }

    @Test func normalisedShapeHasItsCentreOfMassAt14AndFitsTheBox() {
        let ink = Self.ringInk()
        let stages = normaliseInkStages(ink)!
        #expect(abs(digitSize(stages.boxed) - 20) <= 1)
        let centred = centreAndDeskew(stages.boxed, deskew: false)
        let com = centreOfMass(centred)
        #expect(abs(com.x - 14) < 0.05 && abs(com.y - 14) < 0.05, "centre of mass \(com)")
        let extent = inkExtent(FloatImage(centred), above: 0.5)
        #expect(extent.width <= 21 && extent.height <= 21, "extent \(extent)")
        let final = centreOfMass(stages.final)
        #expect(abs(final.x - 14) < 0.1 && abs(final.y - 14) < 0.1, "after deskew \(final)")
    }

    @Test func deskewMakesAShearedBarVertical() {
        var canvas = Canvas(width: 60, height: 80, paper: 0)
        canvas.stroke(20, 70, 40, 10, width: 5, ink: 1)      // leans right, slope 1/3
        let digit = normaliseInk(canvas.image)!
        let image = FloatImage(digit)
        // Column centre of the top rows and of the bottom rows agree after deskew.
        func rowCentre(_ rows: Range<Int>) -> Float {
            var m: Float = 0, sx: Float = 0
            for y in rows { for x in 0..<28 { m += image[x, y]; sx += image[x, y] * Float(x) } }
            return sx / m
        }
        #expect(abs(rowCentre(5..<10) - rowCentre(18..<23)) < 0.6)
        #expect(abs(inkMoments(image).skew) < 0.05)
        // Without deskew the same bar is clearly slanted.
        let slanted = FloatImage(centreAndDeskew(scaleToBox(cropToInk(canvas.image)!), deskew: false))
        #expect(abs(inkMoments(slanted).skew) > 0.2)
    }

    @Test func thinPenStrokesAreThickenedAndMarkerStrokesThinned() {
        // 180 px tall ring: 2 px pen ≈ 0.2 box px, 60 px marker ≈ 6.7 box px (≈ 5.3 as measured).
        for (width, expectThicker) in [(Float(2), true), (Float(60), false)] {
            var canvas = Canvas(width: 200, height: 220, paper: 0)
            canvas.ring(cx: 100, cy: 110, rx: 60, ry: 90 - width / 2, width: width, ink: 1)
            let ink = scaleToBox(cropToInk(canvas.image)!, side: strokeBoxSide)
            let before = boxStrokeWidth(ink)
            let after = normaliseStrokeWidth(ink)
            let afterWidth = boxStrokeWidth(after)
            #expect(expectThicker ? afterWidth > before : afterWidth < before)
            #expect(abs(afterWidth - mnistStrokeWidth) < 0.8, "stroke \(before) → \(afterWidth)")
        }
    }

    @Test func anMNISTSizedStrokeIsLeftAlone() {
        var image = FloatImage(width: 28, height: 28)
        for y in 4..<24 { for x in 12..<14 { image[x, y] = 1 } }
        let scaled = scaleToBox(cropToInk(image)!, side: strokeBoxSide)
        #expect(scaled.height == 40)
        #expect(normaliseStrokeWidth(scaled) == scaled)
    }

    @Test func mnistDigitsGoThroughTheSameNormalisation() {
        var bytes = [UInt8](repeating: 0, count: 784)
        for y in 5..<23 { for x in 9..<19 where abs(Float(x) - 14 - Float(y - 14) * 0.3) < 2 { bytes[y * 28 + x] = 255 } }
        let viaMNIST = normaliseMNISTDigit(bytes)
        let viaInk = normaliseInk(FloatImage(width: 28, height: 28, pixels: bytes.map { Float($0) / 255 }))
        #expect(viaMNIST == viaInk)
        #expect(normaliseMNISTDigit([UInt8](repeating: 0, count: 784)) == .blank)
    }

    @Test func fastCentringAgreesWithTheReference() {
        var rng = TestRandom(seed: 9)
        for (width, height) in [(20, 14), (9, 20), (21, 20), (3, 20)] {
            var image = FloatImage(width: width, height: height)
            for i in 0..<image.count where rng.uniform() < 0.4 { image.pixels[i] = rng.uniform() }
            for deskew in [false, true] {
                let fast = centreAndDeskew(image, deskew: deskew), slow = centreAndDeskewReference(image, deskew: deskew)
                for i in 0..<DigitImage.pixelCount { #expect(abs(fast.pixels[i] - slow.pixels[i]) < 1e-5) }
            }
        }
    }
}
