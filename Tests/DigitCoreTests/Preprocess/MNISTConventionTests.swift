import CZlib
import DigitTestSupport
import Foundation
import Testing
@testable import DigitCore

/// Checks the MNIST conventions `normaliseInk` relies on against the real test set.
@Suite struct MNISTConventionTests {
    static var imagesPath: String { TestMNIST.path("t10k-images-idx3-ubyte.gz") }

    /// The first `count` test images, 784 bytes each (the 16-byte IDX header skipped).
    static func testImages(count: Int) throws -> [[UInt8]] {
        let compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: imagesPath)))
        let bytes = try inflateGzip(compressed, size: 16 + 10_000 * 784)
        return (0..<count).map { Array(bytes[(16 + $0 * 784)..<(16 + ($0 + 1) * 784)]) }
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func rawMNISTCentreOfMassIsAt14InPixelIndexCoordinates() throws {
        let images = try Self.testImages(count: 10_000)
        var sumX: Double = 0, sumY: Double = 0
        for image in images {
            let m = inkMoments(FloatImage(width: 28, height: 28, pixels: image.map { Float($0) / 255 }))
            sumX += Double(m.centreX); sumY += Double(m.centreY)
        }
        let meanX = sumX / 10_000, meanY = sumY / 10_000
        #expect(abs(meanX - 14) < 0.03 && abs(meanY - 14) < 0.03, "mean centre of mass (\(meanX), \(meanY))")
        #expect(abs(meanX - 13.5) > 0.4, "the centre is 14, not 13.5")
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func theShortcutForMNISTSizedDigitsGivesTheSameResult() throws {
        var shortcuts = 0
        for image in try Self.testImages(count: 300) {
            let ink = FloatImage(width: 28, height: 28, pixels: image.map { Float($0) / 255 })
            if digitSize(cropToInk(ink)!) == 20 { shortcuts += 1 }
            #expect(normaliseInk(ink) == normaliseInkWithoutShortcut(ink))
        }
        #expect(shortcuts > 250)
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func normalisedMNISTDigitsAreCentredAndBoxedLikeTheOriginals() throws {
        let images = try Self.testImages(count: 500)
        var correlations: [Float] = [], widths: [Float] = []
        for image in images {
            let ink = FloatImage(width: 28, height: 28, pixels: image.map { Float($0) / 255 })
            let stages = normaliseInkStages(ink)!
            #expect(abs(digitSize(stages.boxed) - 20) <= 1)
            widths.append(boxStrokeWidth(ink))
            let centred = centreAndDeskew(stages.boxed, deskew: false)
            let com = centreOfMass(centred)
            #expect(abs(com.x - 14) < 0.05 && abs(com.y - 14) < 0.05)
            let com2 = centreOfMass(stages.final)
            #expect(abs(com2.x - 14) < 0.15 && abs(com2.y - 14) < 0.05)
            correlations.append(correlation(centred.pixels, ink.pixels))
        }
        // Re-centring moves MNIST digits by well under a pixel: they stay close to the originals.
        let sorted = correlations.sorted()
        let medianWidth = widths.sorted()[widths.count / 2]
        #expect(abs(medianWidth - mnistStrokeWidth) < 0.15, "median stroke width \(medianWidth)")
        #expect(sorted[sorted.count / 2] > 0.9, "median correlation \(sorted[sorted.count / 2])")
    }
}

/// Inflates a gzip stream whose decompressed size is known (test data only).
private func inflateGzip(_ compressed: [UInt8], size: Int) throws -> [UInt8] {
    struct InflateFailed: Error {}
    var output = [UInt8](repeating: 0, count: size)
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw InflateFailed()
    }
    defer { inflateEnd(&stream) }
    let status = compressed.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out -> Int32 in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(out.count)
            return inflate(&stream, Z_FINISH)
        }
    }
    guard status == Z_STREAM_END || status == Z_BUF_ERROR || status == Z_OK, stream.total_out == UInt(size) else {
        throw InflateFailed()
    }
    return output
}
