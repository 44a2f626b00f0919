import Testing
@testable import DigitCore

@Suite struct OrientationTests {
    /// Stored 3×2:   a b c
    ///               d e f      (values 1…6)
    static let stored = GrayImage(width: 3, height: 2, luma: [1, 2, 3, 4, 5, 6])

    /// What a viewer shows for each orientation (EXIF spec, as drawn by e.g. exiftool's docs).
    static let expected: [(ExifOrientation, width: Int, luma: [UInt8])] = [
        (.up, 3, [1, 2, 3, 4, 5, 6]),
        (.upMirrored, 3, [3, 2, 1, 6, 5, 4]),
        (.down, 3, [6, 5, 4, 3, 2, 1]),
        (.downMirrored, 3, [4, 5, 6, 1, 2, 3]),
        (.leftMirrored, 2, [1, 4, 2, 5, 3, 6]),   // transpose
        (.right, 2, [4, 1, 5, 2, 6, 3]),          // 90° clockwise
        (.rightMirrored, 2, [6, 3, 5, 2, 4, 1]),  // transverse
        (.left, 2, [3, 6, 2, 5, 1, 4]),           // 90° counter-clockwise
    ]

    @Test(arguments: 0..<8)
    func turnsAStoredImageUpright(_ index: Int) {
        let (orientation, width, luma) = Self.expected[index]
        let turned = applyingOrientation(orientation, to: Self.stored)
        #expect(turned.width == width && turned.height == 6 / width)
        #expect(turned.luma == luma, "\(orientation)")
    }

    @Test func alphaTurnsWithLuma() {
        let image = GrayImage(width: 3, height: 2, luma: [1, 2, 3, 4, 5, 6], alpha: [10, 20, 30, 40, 50, 60])
        let turned = applyingOrientation(.right, to: image)
        #expect(turned.alpha == [40, 10, 50, 20, 60, 30])
    }

    /// The fixtures are stored turned; upright they are 48×32 with a black block top-left
    /// and a mid-gray block top-right, the rest white.
    @Test(arguments: 1...8)
    func markedCornerLandsTopLeft(_ value: Int) throws {
        let decoded = try Fixtures.decode("orientation/orient-\(value).jpg")
        #expect(decoded.orientation.rawValue == value)
        let image = decoded.image
        #expect(image.width == 48 && image.height == 32)
        #expect(image[4, 4] <= 20, "top-left should be black: \(image[4, 4])")
        #expect(near(image[40, 4], 128, 12), "top-right should be mid gray: \(image[40, 4])")
        #expect(image[4, 28] >= 235 && image[44, 28] >= 235 && image[24, 8] >= 235, "rest should be white")
        if value >= 5 {
            #expect(decoded.declaredWidth == 32 && decoded.declaredHeight == 48)
        } else {
            #expect(decoded.declaredWidth == 48 && decoded.declaredHeight == 32)
        }
    }
}
