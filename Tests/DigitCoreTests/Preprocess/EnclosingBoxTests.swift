import Foundation
import Testing
@testable import DigitCore

/// A form field cut out with its printed box is read inside the box (`fieldInsideBox`, `enclosingBox`);
/// pictures without such a box (a digit cut to its ink box, white ink on black, noise) are read
/// whole. Every picture is drawn by the test.
@Suite struct EnclosingBoxTests {
    /// A 40×40 field (`boxedField`): a pencil 1 in a box 2 px wide, 3 px inside the frame, σ ≈ 1 px.
    static func field(withDigit: Bool) -> Canvas { boxedField(side: 40, withOne: withDigit) }

    @Test func aDigitInAFieldCutToItsBoxIsReadInsideTheBox() throws {
        let picture = Self.field(withDigit: true)
        let working = toWorkingImage(picture.gray)
        let inside = try #require(enclosingBox(working)?.inside)
        #expect((4...9).contains(inside.x) && (4...9).contains(inside.y), "inside the lines: \(inside)")
        #expect(inside.x + inside.width <= 36 && inside.y + inside.height <= 36, "inside the lines: \(inside)")
        #expect(inside.width >= 22 && inside.height >= 22)
        // Read whole, the box and its fringe set the thresholds above the 1.
        #expect(preprocess(working: working, recordingSteps: false).digit == nil, "the whole field hides the 1")
        #expect(SoftDigitTests.reading(picture.gray) == 1)
        let steps = preprocess(picture.gray, recordingSteps: true).steps.map(\.name)
        #expect(steps.first == "1-field-in-its-box" && steps.dropFirst().first == "2-gray", "\(steps)")
        #expect(preprocess(Self.field(withDigit: false).gray).digit == nil, "the empty field")
    }

    @Test func aDigitCutToItsInkBoxIsNotABox() {
        // A bold 0 filling its frame: its sides are curves and its frame's corners are empty.
        var zero = Canvas(width: 40, height: 52, paper: 0.95)
        zero.ring(cx: 20, cy: 26, rx: 16, ry: 22, width: 6, ink: 0.05)
        #expect(enclosingBox(toWorkingImage(zero.gray))?.inside == nil)
        // A 7 cut to its box: one straight stroke along one side only.
        var seven = Canvas(width: 40, height: 52, paper: 0.95)
        seven.stroke(2, 3, 37, 3, width: 4, ink: 0.05)
        seven.stroke(37, 3, 15, 49, width: 4, ink: 0.05)
        #expect(enclosingBox(toWorkingImage(seven.gray))?.inside == nil)
    }

    @Test func whiteInkOnBlackAndNoiseAreNotBoxes() {
        // MNIST as stored: a white 0 on black, its dark paper all round it.
        var mnist = Canvas(width: 28, height: 28, paper: 0)
        mnist.ring(cx: 14, cy: 14, rx: 6, ry: 9, width: 2.5, ink: 1)
        #expect(enclosingBox(toWorkingImage(mnist.gray))?.inside == nil)
        var noise = Canvas(width: 60, height: 60, paper: 0.5)
        noise.addNoise(sigma: 0.3, seed: 3)
        #expect(enclosingBox(toWorkingImage(noise.gray))?.inside == nil)
    }
}
