import Foundation
import Testing
import DigitCore

/// `digit train` end to end on a small synthetic MNIST folder (real MNIST is too slow in a debug build).
@Suite struct TrainCommandTests {
    /// A four-file MNIST folder of `count` synthetic digits per split (raw IDX, not gzip).
    static func syntheticMNIST(trainingCount: Int, testCount: Int) throws -> String {
        let directory = NSTemporaryDirectory() + "digit-train-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func idx(_ dimensions: [Int], _ data: [UInt8]) -> Data {
            var out: [UInt8] = [0, 0, 8, UInt8(dimensions.count)]
            for d in dimensions { out += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
            return Data(out + data)
        }
        for (prefix, count) in [("train", trainingCount), ("t10k", testCount)] {
            var images = [UInt8](repeating: 0, count: count * 784), labels = [UInt8](repeating: 0, count: count)
            for n in 0..<count {
                let label = n % 10
                labels[n] = UInt8(label)
                // Digit k: a vertical bar (rows 4…23, 2 px wide) with an arm to the right at row 4 + 2k,
                // 6 or 7 px long. The shape, not the position, tells the digits apart: preprocessing
                // centres every digit like MNIST, so position alone would not survive it.
                let column = 10 + (n / 10) % 3
                for y in 4...23 { for x in column...(column + 1) { images[n * 784 + y * 28 + x] = 255 } }
                for x in (column + 2)...(column + 7 + (n / 10) % 2) {
                    for y in (4 + 2 * label)...(5 + 2 * label) { images[n * 784 + y * 28 + x] = 255 }
                }
            }
            try idx([count, 28, 28], images).write(to: URL(fileURLWithPath: "\(directory)/\(prefix)-images-idx3-ubyte"))
            try idx([count], labels).write(to: URL(fileURLWithPath: "\(directory)/\(prefix)-labels-idx1-ubyte"))
        }
        return directory
    }

    @Test func helpHasExamples() throws {
        let result = try DigitBinary.run(["train", "--help"])
        #expect(result.status == 0)
        for text in ["--data", "--epochs", "--batch-size", "--learning-rate", "--l2", "--seed", "--threads",
                     "--augment", "--init", "--output", "--quiet", "--hidden", "--dropout", "Examples:"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test func trainsWritesALoadableFileAndReportsTestAccuracy() throws {
        let directory = try Self.syntheticMNIST(trainingCount: 200, testCount: 50)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/model.dgw"
        let result = try DigitBinary.run(["train", "--hidden", "0", "--data", directory, "--epochs", "3", "--batch-size", "20",
                                          "--learning-rate", "0.05", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("test accuracy"))
        #expect(result.stdout.contains("wrote \(output)"))
        // Not a terminal: one plain line per epoch on stderr.
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("epoch ") }.count == 3)
        let file = try WeightsFile.load(path: output)
        #expect(file.metadata.epochs == 3 && file.metadata.batchSize == 20)
        #expect(!file.metadata.augment, "the softmax recipe trains on MNIST's digits only")
        #expect(file.metadata.testAccuracy ?? 0 >= 0.99, "measured 100% of 50: one miss fails")

        // --init continues from it; --quiet prints no epoch lines.
        let again = try DigitBinary.run(["train", "--hidden", "0", "--data", directory, "--epochs", "1", "--init", output,
                                         "--quiet", "-o", directory + "/more.dgw"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("epoch "))
        #expect(try WeightsFile.load(path: directory + "/more.dgw").metadata.initialisedFrom == output)
    }

    /// An empty test set (no test accuracy) or a tiny training file is refused before training,
    /// with status 1 and one line, and no weights file is written.
    @Test func emptyOrTinySplitsAreRefusedUpFront() throws {
        for (trainingCount, testCount, part) in [(200, 0, "test set"), (60, 50, "validation hold-out")] {
            let directory = try Self.syntheticMNIST(trainingCount: trainingCount, testCount: testCount)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let output = directory + "/model.dgw"
            let result = try DigitBinary.run(["train", "--data", directory, "--epochs", "1", "--quiet", "-o", output])
            expectRuntimeFailure(result)
            #expect(result.stderr.contains("the \(part) has"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func missingDataOrBadOptionsFailWithAClearMessage() throws {
        let empty = NSTemporaryDirectory() + "digit-train-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let missing = try DigitBinary.run(["train", "--data", empty, "-o", empty + "/m.dgw"])
        expectRuntimeFailure(missing)
        #expect(missing.stderr.contains("train-images-idx3-ubyte"))
        #expect(missing.stderr.contains("--download"))
        #expect(!FileManager.default.fileExists(atPath: empty + "/m.dgw"))

        let badEpochs = try DigitBinary.run(["train", "--data", empty, "--epochs", "0"])
        expectUsageError(badEpochs)
        #expect(badEpochs.stderr.contains("epochs"))

        let badOutput = try DigitBinary.run(["train", "--data", empty, "-o", empty + "/no/such/m.dgw"])
        expectRuntimeFailure(badOutput)
        #expect(badOutput.stderr.contains("does not exist"))

        let badInit = try DigitBinary.run(["train", "--data", empty, "--init", empty + "/none.dgw", "-o", empty + "/m.dgw"])
        expectRuntimeFailure(badInit)
        #expect(badInit.stderr.contains(empty + "/none.dgw"))
    }

    /// `--hidden N` trains an MLP; `--init` of the other shape is refused with a clear message;
    /// `--dropout` without a hidden layer is a usage error.
    @Test func trainsAHiddenLayerAndRefusesAMismatchedInit() throws {
        let directory = try Self.syntheticMNIST(trainingCount: 200, testCount: 50)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/mlp.dgw"
        let result = try DigitBinary.run(["train", "--data", directory, "--hidden", "16", "--epochs", "4", "--batch-size", "20",
                                          "--learning-rate", "0.01", "--dropout", "0.1", "--no-augment", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try WeightsFile.load(path: output)
        #expect(file.classifier.hiddenCount == 16)
        #expect(file.metadata.hiddenUnits == 16 && file.metadata.dropout == 0.1 && !file.metadata.augment)
        #expect(file.metadata.testAccuracy ?? 0 > 0.8)

        // The hidden layer's recipe trains on distorted copies unless told not to.
        let augmented = try DigitBinary.run(["train", "--data", directory, "--hidden", "16", "--epochs", "1", "--quiet",
                                             "-o", directory + "/augmented.dgw"])
        #expect(augmented.status == 0, "\(augmented.stderr)")
        let augmentedFile = try WeightsFile.load(path: directory + "/augmented.dgw")
        #expect(augmentedFile.metadata.augment && augmentedFile.metadata.recipe.contains("augment on"))

        let mismatched = try DigitBinary.run(["train", "--data", directory, "--hidden", "0", "--init", output,
                                              "--quiet", "-o", directory + "/other.dgw"])
        #expect(mismatched.status == 1)
        #expect(mismatched.stderr.contains(output) && mismatched.stderr.contains("--hidden 0"))
        #expect(mismatched.stderr.contains("16 ReLU"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/other.dgw"))

        let continued = try DigitBinary.run(["train", "--data", directory, "--hidden", "16", "--epochs", "1", "--init", output,
                                             "--quiet", "-o", directory + "/more.dgw"])
        #expect(continued.status == 0, "\(continued.stderr)")
        #expect(try WeightsFile.load(path: directory + "/more.dgw").classifier.hiddenCount == 16)

        let badDropout = try DigitBinary.run(["train", "--data", directory, "--hidden", "0", "--dropout", "0.5"])
        #expect(badDropout.status == 2)
        #expect(badDropout.stderr.contains("dropout"))
    }
}
