import DigitTestSupport
import Foundation
@testable import DigitCore

/// Number pictures for the tests, built at run time: MNIST test digits (read from
/// `TestMNIST.directory`, never committed) set side by side on paper, or strokes.
enum NumberPictures {
    /// Whether the MNIST tests run: MNIST is there, or we are under CI (where its absence fails them).
    static let mnistTestsRun = TestMNIST.testsRun

    static let testSet: MNISTDataset? = try? MNISTDataset.load(directory: TestMNIST.directory, split: .test)

    static let model: Classifier? = try? Classifier.bundled()

    /// For each class 0…9, the MNIST test digit its pictures are made of: fixed indices, so a
    /// picture does not change when the bundled model is retrained (they were the first test
    /// digits of each class that the 256-unit model read at 99% or more; a model's choice of
    /// exemplar once changed the overlap of a touching pair under test).
    static let exemplarIndices = [3, 2, 1, 30, 4, 8, 11, 0, 84, 9]

    /// The exemplar digits (28×28 bytes) by class, each one the bundled model reads right alone
    /// with at least 95% confidence (so a number test fails only when reading numbers goes
    /// wrong); a class whose exemplar is misread is missing.
    static let exemplars: [Int: [UInt8]] = {
        guard let set = testSet, let model else { return [:] }
        var found: [Int: [UInt8]] = [:]
        for (label, index) in exemplarIndices.enumerated() where Int(set.labels[index]) == label {
            let prediction = model.predict(normaliseMNISTDigit(set.image(index)))
            if prediction.digit == label && prediction.confidence >= 0.95 { found[label] = Array(set.image(index)) }
        }
        return found
    }()

    /// Ink (0…1) of a 28×28 MNIST digit, cropped to its ink and enlarged `scale`× (bilinear).
    static func digitInk(_ digit: Int, scale: Int = 2) -> FloatImage {
        let raw = exemplars[digit]!
        var minX = 27, maxX = 0, minY = 27, maxY = 0
        for y in 0..<28 { for x in 0..<28 where raw[y * 28 + x] > 30 {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        } }
        let w = (maxX - minX + 1) * scale, h = (maxY - minY + 1) * scale
        var ink = FloatImage(width: w, height: h)
        for y in 0..<h {
            for x in 0..<w {
                let sx = min(Float(maxX - minX), max(0, (Float(x) + 0.5) / Float(scale) - 0.5))
                let sy = min(Float(maxY - minY), max(0, (Float(y) + 0.5) / Float(scale) - 0.5))
                let x0 = Int(sx), y0 = Int(sy), fx = sx - Float(x0), fy = sy - Float(y0)
                func v(_ dx: Int, _ dy: Int) -> Float {
                    Float(raw[(minY + min(maxY - minY, y0 + dy)) * 28 + minX + min(maxX - minX, x0 + dx)]) / 255
                }
                ink[x, y] = (v(0, 0) * (1 - fx) + v(1, 0) * fx) * (1 - fy) + (v(0, 1) * (1 - fx) + v(1, 1) * fx) * fy
            }
        }
        return ink
    }

    /// A page `width × height` of paper (luma 230) with `ink` layers darkened in (ink luma 30).
    struct Page {
        var ink: FloatImage

        init(width: Int, height: Int) { ink = FloatImage(width: width, height: height) }

        /// Adds `layer` with its top-left corner at (x, y); returns its box on the page.
        @discardableResult
        mutating func add(_ layer: FloatImage, x: Int, y: Int) -> PixelBox {
            for ly in 0..<layer.height {
                for lx in 0..<layer.width where (0..<ink.width).contains(x + lx) && (0..<ink.height).contains(y + ly) {
                    ink[x + lx, y + ly] = max(ink[x + lx, y + ly], layer[lx, ly])
                }
            }
            return PixelBox(x: x, y: y, width: layer.width, height: layer.height)
        }

        /// Digits written left to right from `x`, bottoms on `baseline`, `gaps[i]` px after digit i
        /// (negative: overlapping). Returns each digit's box.
        @discardableResult
        mutating func write(_ digits: [Int], x: Int, baseline: Int, gaps: [Int], scale: Int = 2) -> [PixelBox] {
            var left = x, boxes: [PixelBox] = []
            for (i, digit) in digits.enumerated() {
                let layer = digitInk(digit, scale: scale)
                boxes.append(add(layer, x: left, y: baseline - layer.height))
                left += layer.width + (i < gaps.count ? gaps[i] : 0)
            }
            return boxes
        }

        /// A filled rectangle of full ink (printed lines, dust).
        mutating func fill(x: Int, y: Int, width: Int, height: Int) {
            add(FloatImage(width: width, height: height, filledWith: 1), x: x, y: y)
        }

        /// As decoded: dark ink on light paper, 8-bit.
        var gray: GrayImage {
            GrayImage(width: ink.width, height: ink.height,
                      luma: ink.pixels.map { UInt8((230 - 200 * min(1, max(0, $0))).rounded()) })
        }
    }

    /// Reads `page` as a PNG file through `readNumber` with the bundled model.
    static func read(_ page: Page) throws -> NumberReading {
        try readNumber(fromFileBytes: try encodePNG(page.gray), classify: { model!.predict($0) })
    }

    /// `jpeg` with an EXIF APP1 segment giving `orientation`, inserted after SOI.
    static func withExifOrientation(_ jpeg: [UInt8], _ orientation: Int) -> [UInt8] {
        let tiff: [UInt8] = [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8,          // big-endian TIFF, IFD0 at 8
                             0, 1,                                      // one entry
                             0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0,  // Orientation, SHORT
                             0, 0, 0, 0]                                // no next IFD
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return Array(jpeg.prefix(2)) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + Array(jpeg.dropFirst(2))
    }
}
