import Testing
@testable import DigitCore

/// A field cut out inside its box and read again with paper around it (`withPaperAround`): what is
/// left of the box along the field's edges is not a digit (`FieldFrame`), a digit inside still is.
@Suite struct FieldFrameTests {
    /// A 22×25 field whose left edge keeps a 1-px strip of its box's line (grey 0.4, the whole
    /// height), with `digit` drawn inside; blurred once.
    static func field(digit: (inout Canvas) -> Void = { _ in }) -> FloatImage {
        var canvas = Canvas(width: 22, height: 25, paper: 0.9)
        canvas.stroke(0.3, 1, 0.5, 23, width: 1.2, ink: 0.4)
        digit(&canvas)
        canvas.image = boxBlur(canvas.image, radius: 1)
        canvas.addNoise(sigma: 0.01, seed: 4)
        return toWorkingImage(canvas.gray)
    }

    /// The field's copy with paper around it, and its frame there.
    static func padded(_ field: FloatImage) throws -> (image: FloatImage, frame: FieldFrame) {
        let (padded, factor) = try #require(withPaperAround(field))
        return (padded, FieldFrame(fieldWidth: field.width, height: field.height, margin: paperMargin(field), factor: factor))
    }

    @Test func aStripOfTheBoxAlongAnEdgeIsNotADigit() throws {
        let (image, frame) = try Self.padded(Self.field())
        #expect(preprocess(working: image, recordingSteps: false).digit != nil, "read as a digit without the frame")
        #expect(preprocess(working: image, recordingSteps: false, fieldFrame: frame).digit == nil, "the box's remnant")
    }

    @Test func aDigitInsideTheFieldIsStillRead() throws {
        let field = Self.field { $0.ring(cx: 12, cy: 12.5, rx: 4, ry: 6.5, width: 2, ink: 0.1) }
        let (image, frame) = try Self.padded(field)
        let digit = try #require(preprocess(working: image, recordingSteps: false, fieldFrame: frame).digit)
        #expect(SoftDigitTests.model?.predict(digit).digit == 0)
    }

    @Test func aBoldStrokeAlongAnEdgeIsNotARemnant() throws {
        // The same field with a bar 7 px wide along its left edge instead of a 2-px strip.
        var canvas = Canvas(width: 22, height: 25, paper: 0.9)
        canvas.stroke(3, 2, 3, 22, width: 7, ink: 0.1)
        canvas.image = boxBlur(canvas.image, radius: 1)
        let field = toWorkingImage(canvas.gray)
        let (image, frame) = try Self.padded(field)
        let page = cleanPage(working: image)
        let bar = try #require(page.components.filter(\.reachesHigh).max { $0.area < $1.area })
        #expect(bar.strokeWidth > 1.5 * Float(frame.band), "thick: \(bar.strokeWidth)")
        #expect(!frame.holdsRemnant(bar, labels: page.labels, width: image.width))
    }

    @Test func theFrameLiesWhereThePaperEnds() {
        let frame = FieldFrame(fieldWidth: 20, height: 24, margin: 5, factor: 3)
        #expect(frame.box == PixelBox(x: 15, y: 15, width: 60, height: 72))
        #expect(frame.band == fieldFrameBand * 3)
    }

    /// A 77×74 empty field cut close to its skewed box, a 1-bit scan (ragged edges, noise σ 0.15
    /// before the threshold): its left side leans out of the frame at the top, its bottom lies
    /// mostly outside it, and `digit` is drawn inside.
    static func skewedEmptyField(digit: (inout Canvas) -> Void = { _ in }) -> Canvas {
        var canvas = Canvas(width: 77, height: 74, paper: 1)
        for (x0, y0, x1, y1) in [(Float(0.5), Float(6), Float(72), Float(3)), (72, 3, 75, 71), (75, 71, 3.5, 75), (3.5, 75, 0.5, 6)] {
            canvas.stroke(x0, y0, x1, y1, width: 1.5, ink: 0)
        }
        digit(&canvas)
        canvas.image = boxBlur(canvas.image, radius: 1)
        canvas.addNoise(sigma: 0.15, seed: 23)
        for i in canvas.image.pixels.indices { canvas.image.pixels[i] = canvas.image.pixels[i] < 0.6 ? 0 : 1 }
        return canvas
    }

    @Test func whatLineRemovalLeavesAlongAFramesEdgesIsNotADigit() throws {
        // No box found (its sides leave the frame); painted out as line segments, they leave a
        // stub along the left edge, which was read as a 1.
        let blank = Self.skewedEmptyField()
        let working = toWorkingImage(blank.gray)
        #expect(enclosingBox(working) == nil, "no box")
        var page = cleanPage(working: working)
        #expect(page.ruledLineCount > 0, "the box's sides removed as lines")
        let stub = try #require(chooseDigit(page), "without the frame, a stub is chosen")
        #expect(stub.minX < 7 && stub.boxWidth < 7, "a stub along the left edge: \(stub)")
        page.fieldFrame = FieldFrame(linesRemovedFrom: working.width, height: working.height)
        #expect(chooseDigit(page) == nil, "the stub is the frame's")
        #expect(preprocess(blank.gray).digit == nil)
        // A digit in the same field is read.
        let zero = Self.skewedEmptyField { $0.ring(cx: 38, cy: 38, rx: 12, ry: 18, width: 4, ink: 0) }
        #expect(SoftDigitTests.reading(zero.gray) == 0)
    }
}
