import DigitTestSupport
import Foundation
@testable import DigitCore

/// Fixtures for the classifier tests: small synthetic digit sets, IDX/gzip writers, temp folders.
enum ClassifyFixtures {
    /// `count` synthetic 28×28 byte images (ink = 255), one simple shape per class with random
    /// jitter and noise, and their labels: learnable, but not trivially.
    static func syntheticBytes(count: Int, seed: UInt64) -> (images: [UInt8], labels: [UInt8]) {
        var rng = SplitMix64(seed: seed)
        var images = [UInt8](repeating: 0, count: count * 784)
        var labels = [UInt8](repeating: 0, count: count)
        for n in 0..<count {
            let label = Int(rng.next() % 10)
            labels[n] = UInt8(label)
            let dx = Int(rng.next() % 5) - 2, dy = Int(rng.next() % 5) - 2
            for y in 0..<28 {
                for x in 0..<28 {
                    let u = x - 14 - dx, v = y - 14 - dy
                    let inked: Bool
                    switch label {
                    case 0: inked = abs(u * u + v * v - 64) < 14            // ring
                    case 1: inked = abs(u) <= 1 && abs(v) <= 9              // vertical bar
                    case 2: inked = abs(v) <= 1 && abs(u) <= 9              // horizontal bar
                    case 3: inked = abs(u - v) <= 1 && abs(u) <= 8          // diagonal ╲
                    case 4: inked = abs(u + v) <= 1 && abs(u) <= 8          // diagonal ╱
                    case 5: inked = (abs(u) <= 1 || abs(v) <= 1) && abs(u) <= 8 && abs(v) <= 8  // plus
                    case 6: inked = (abs(u) == 8 || abs(v) == 8) && abs(u) <= 8 && abs(v) <= 8  // square
                    case 7: inked = u * u + v * v <= 16                     // blob
                    case 8: inked = abs(v + 6) <= 1 && abs(u) <= 8          // top bar
                    default: inked = abs(u + 6) <= 1 && abs(v) <= 8         // left bar
                    }
                    var value = inked ? 255 - Int(rng.next() % 60) : 0
                    if rng.next() % 40 == 0 { value = Int(rng.next() % 200) }  // speckle
                    images[n * 784 + y * 28 + x] = UInt8(value)
                }
            }
        }
        return (images, labels)
    }

    /// Synthetic digits, normalised as training normalises MNIST.
    static func syntheticDigits(count: Int, seed: UInt64) -> SparseDigits {
        let (images, labels) = syntheticBytes(count: count, seed: seed)
        return normaliseMNIST(MNISTDataset(images: images, labels: labels))
    }

    /// IDX bytes: magic `00 00 08 <dims>`, big-endian sizes, then `data`.
    static func idx(dimensions: [Int], data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for d in dimensions { out += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
        return out + data
    }

    /// A gzip member holding `bytes` in stored (uncompressed) deflate blocks: valid gzip, any content.
    static func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let size = min(65535, bytes.count - offset)
            let last: UInt8 = offset + size == bytes.count ? 1 : 0
            out += [last, UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8((~size >> 8) & 0xFF)]
            out += bytes[offset..<(offset + size)]
            offset += size
        } while offset < bytes.count
        let crc = WeightsFile.crc32(bytes[...]), size = UInt32(truncatingIfNeeded: bytes.count)
        out += (0..<4).map { UInt8(crc >> (8 * UInt32($0)) & 0xFF) } + (0..<4).map { UInt8(size >> (8 * UInt32($0)) & 0xFF) }
        return out
    }

    /// Writes a four-file MNIST folder of synthetic digits (gzip-compressed) and returns its path.
    static func writeSyntheticMNIST(trainingCount: Int, testCount: Int, compressed: Bool = true) throws -> String {
        let directory = try makeTemporaryDirectory()
        for (split, count, seed) in [(MNISTSplit.training, trainingCount, UInt64(11)), (.test, testCount, 12)] {
            let (images, labels) = syntheticBytes(count: count, seed: seed)
            let files = [(split.imagesFileName, idx(dimensions: [count, 28, 28], data: images)),
                         (split.labelsFileName, idx(dimensions: [count], data: labels))]
            for (name, bytes) in files {
                let data = compressed ? gzipStored(bytes) : bytes
                try Data(data).write(to: URL(fileURLWithPath: directory + "/" + name + (compressed ? ".gz" : "")))
            }
        }
        return directory
    }

    /// A random model with weights of size about `scale`.
    static func randomModel(seed: UInt64, scale: Float = 0.05) -> SoftmaxModel {
        var rng = SplitMix64(seed: seed)
        return SoftmaxModel(weights: (0..<7840).map { _ in rng.uniform(-scale...scale) },
                            bias: (0..<10).map { _ in rng.uniform(-scale...scale) })
    }
}
