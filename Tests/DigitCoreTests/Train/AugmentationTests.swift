import Foundation
import Testing
@testable import DigitCore

@Suite struct AugmentationTests {
    /// A 6×6 block of ink with a soft edge, off-centre.
    static let square: [Float] = (0..<784).map { i in
        let x = i % 28, y = i / 28
        return (10...15).contains(x) && (8...13).contains(y) ? 1 : ((9...16).contains(x) && (7...14).contains(y) ? 0.5 : 0)
    }

    func apply(_ augmentation: Augmentation, to pixels: [Float]) -> [Float] {
        var out = [Float](repeating: -1, count: 784)
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { augmentation.apply(to: source.baseAddress!, into: $0.baseAddress!) }
        }
        return out
    }

    @Test func identityLeavesTheImageUnchanged() {
        let out = apply(.identity, to: Self.square)
        for i in 0..<784 { #expect(abs(out[i] - Self.square[i]) < 1e-5) }
    }

    @Test func anIntegerShiftMovesInkByThatMuch() {
        let out = apply(Augmentation(shiftX: 2, shiftY: -1, rotation: 0, scale: 1, stroke: 0), to: Self.square)
        for y in 1..<27 {
            for x in 2..<28 { #expect(abs(out[y * 28 + x] - Self.square[(y + 1) * 28 + x - 2]) < 1e-5) }
        }
    }

    @Test func strokeChangesThickenOrThin() {
        let ink = Self.square.reduce(0, +)
        let thick = apply(Augmentation(shiftX: 0, shiftY: 0, rotation: 0, scale: 1, stroke: 0.6), to: Self.square)
        let thin = apply(Augmentation(shiftX: 0, shiftY: 0, rotation: 0, scale: 1, stroke: -0.6), to: Self.square)
        #expect(thick.reduce(0, +) > ink + 5)
        #expect(thin.reduce(0, +) < ink - 5)
        #expect((thick + thin).allSatisfy { (0...1).contains($0) })
    }

    @Test func rotationAndScaleKeepTheCentreAndChangeTheShape() {
        // A horizontal bar through the centre, rotated 90°, becomes a vertical bar.
        let bar: [Float] = (0..<784).map { i in (13...15).contains(i / 28) && (6...22).contains(i % 28) ? 1 : 0 }
        let turned = apply(Augmentation(shiftX: 0, shiftY: 0, rotation: .pi / 2, scale: 1, stroke: 0), to: bar)
        #expect(turned[8 * 28 + 14] > 0.9 && turned[14 * 28 + 8] < 0.1)
        let bigger = apply(Augmentation(shiftX: 0, shiftY: 0, rotation: 0, scale: 1.1, stroke: 0), to: bar)
        #expect(bigger.reduce(0, +) > bar.reduce(0, +))
    }

    @Test func randomDistortionsStayInRangeAndFollowTheSeed() {
        var rng = SplitMix64(seed: 42, stream: 7)
        var strokes = Set<Int>()
        for _ in 0..<300 {
            let a = Augmentation.random(using: &rng)
            #expect(abs(a.shiftX) <= 1.5 && abs(a.shiftY) <= 1.5)
            #expect(abs(a.rotation) <= 10 * .pi / 180 + 1e-6)
            #expect((0.9...1.1).contains(a.scale))
            strokes.insert(Int(a.stroke.sign == .minus ? -1 : (a.stroke == 0 ? 0 : 1)))
        }
        #expect(strokes == [-1, 0, 1])
        var a = SplitMix64(seed: 42, stream: 7), b = SplitMix64(seed: 42, stream: 7), c = SplitMix64(seed: 42, stream: 8)
        #expect(Augmentation.random(using: &a) == Augmentation.random(using: &b))
        #expect(Augmentation.random(using: &a) != Augmentation.random(using: &c))
    }
}
