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
            let bytes = try Fixtures.bytes(file)
            let decoded = try Fixtures.decode(file)
            #expect(decoded.image.alpha == nil, "\(file)")
            // The format the name says, the size the header says (read here independently),
            // shown upright, and a picture rather than one flat value.
            #expect(decoded.format == (file.hasSuffix(".png") ? .png : .jpeg), "\(file)")
            let header = try #require(headerSize(bytes), "\(file): no size in its header")
            #expect(decoded.declaredWidth == header.width && decoded.declaredHeight == header.height, "\(file)")
            let upright = decoded.orientation.swapsWidthAndHeight ? (header.height, header.width) : (header.width, header.height)
            #expect(decoded.image.width == upright.0 && decoded.image.height == upright.1, "\(file)")
            #expect(decoded.image.luma.count == decoded.image.width * decoded.image.height, "\(file)")
            let low = decoded.image.luma.min() ?? 0, high = decoded.image.luma.max() ?? 0
            #expect(Int(high) - Int(low) >= 32, "\(file): flat image \(low)…\(high)")
        }
    }

    /// Width and height from a PNG's IHDR or a JPEG's first SOFn segment.
    func headerSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        func be(_ i: Int, _ n: Int) -> Int { (i..<(i + n)).reduce(0) { $0 << 8 | Int(bytes[$1]) } }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return bytes.count >= 24 ? (be(16, 4), be(20, 4)) : nil }
        var i = 2
        while i + 9 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            if marker == 0xFF { i += 1; continue }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) { return (be(i + 7, 2), be(i + 5, 2)) }
            i += 2 + be(i + 2, 2)
        }
        return nil
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
