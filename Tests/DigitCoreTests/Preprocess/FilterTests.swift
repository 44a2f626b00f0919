import Testing
@testable import DigitCore

@Suite struct FilterTests {
    static func randomImage(width: Int, height: Int, seed: UInt64) -> FloatImage {
        var rng = TestRandom(seed: seed)
        return FloatImage(width: width, height: height, pixels: (0..<(width * height)).map { _ in rng.uniform() })
    }

    @Test(arguments: [1, 2, 5, 40])
    func boxBlurAgreesWithReference(radius: Int) {
        let image = Self.randomImage(width: 23, height: 17, seed: UInt64(radius))
        let fast = boxBlur(image, radius: radius), slow = boxBlurReference(image, radius: radius)
        for i in 0..<image.count { #expect(abs(fast.pixels[i] - slow.pixels[i]) < 1e-5) }
    }

    @Test(arguments: [1, 3, 6, 30])
    func minAndMaxFiltersAgreeWithReference(radius: Int) {
        let image = Self.randomImage(width: 19, height: 26, seed: 100 + UInt64(radius))
        for extreme in [RankExtreme.minimum, .maximum] {
            let fast = squareFilter(image, radius: radius, extreme)
            let slow = squareFilterReference(image, radius: radius, extreme)
            #expect(fast == slow)
        }
    }

    @Test func dilationWidensAStrokeAndErosionRemovesIt() {
        var image = FloatImage(width: 40, height: 40)
        for y in 0..<40 { image[10, y] = 1; image[11, y] = 1 }            // 2 px stroke
        let dilated = squareFilter(image, radius: 3, .maximum)
        #expect((7...14).allSatisfy { dilated[$0, 20] == 1 } && dilated[6, 20] == 0 && dilated[15, 20] == 0)
        #expect(squareFilter(image, radius: 1, .minimum).pixels.allSatisfy { $0 == 0 })
    }

    @Test func transposeSwapsRowsAndColumns() {
        let t = transpose([1, 2, 3, 4, 5, 6], width: 3, height: 2)
        #expect(t == [1, 4, 2, 5, 3, 6])
    }
}
