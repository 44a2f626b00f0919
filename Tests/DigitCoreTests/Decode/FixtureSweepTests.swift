import Foundation
import Testing
@testable import DigitCore

/// Every committed fixture: the good ones decode, every file in bad/ is refused with a DecodeError.
@Suite struct FixtureSweepTests {
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))) ?? []
        return names.sorted().map { "\(folder)/\($0)" }
    }

    @Test func everyGoodFixtureDecodes() throws {
        let good = ["png", "jpeg", "orientation", "alpha", "digits"].flatMap(Self.files)
        #expect(good.count >= 50)
        for file in good {
            let decoded = try Fixtures.decode(file)
            #expect(decoded.image.width > 0 && decoded.image.alpha == nil, "\(file)")
        }
    }

    @Test func everyBadFixtureIsRefused() throws {
        let bad = Self.files(in: "bad")
        #expect(bad.count >= 14)
        for file in bad {
            #expect(throws: DecodeError.self, "\(file)") { try Fixtures.decode(file) }
        }
    }

    /// The drawn digits the README's first command uses: light paper, dark strokes where drawn.
    @Test(arguments: ["digits/seven.png", "digits/seven.jpg"])
    func sevenIsDarkInkOnPaper(_ file: String) throws {
        let image = try Fixtures.decode(file).image
        #expect(image.width == 200 && image.height == 200)
        #expect(image[5, 5] > 190, "paper: \(image[5, 5])")
        #expect(image[100, 45] < 70, "top bar: \(image[100, 45])")
        #expect(image[118, 106] < 70, "diagonal: \(image[118, 106])")
    }

    @Test(arguments: ["digits/three.png", "digits/three.jpg"])
    func threeIsDarkInkOnPaper(_ file: String) throws {
        let image = try Fixtures.decode(file).image
        #expect(image.width == 200 && image.height == 200)
        #expect(image[5, 5] > 190, "paper: \(image[5, 5])")
        #expect(image[100, 36] < 70, "top arc: \(image[100, 36])")
        #expect(image[100, 168] < 70, "bottom arc: \(image[100, 168])")
        #expect(image[60, 100] > 190, "open left side: \(image[60, 100])")
    }
}
