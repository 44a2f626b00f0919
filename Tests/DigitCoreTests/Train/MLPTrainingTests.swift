import Foundation
import Testing
@testable import DigitCore

@Suite struct MLPTrainingTests {
    typealias F = ClassifyFixtures

    static let training = F.syntheticDigits(count: 300, seed: 31)
    static let validation = F.syntheticDigits(count: 100, seed: 32)

    static func options(threads: Int = 1, seed: UInt64 = 1, hidden: Int = 24, epochs: Int = 4,
                        dropout: Float = 0, augment: Bool = false) -> TrainingOptions {
        var options = TrainingOptions.recommended(hiddenCount: hidden)
        options.epochs = epochs
        options.batchSize = 30
        options.learningRate = 0.01
        options.seed = seed
        options.threads = threads
        options.dropout = dropout
        options.augment = augment
        return options
    }

    @Test func learnsTheSyntheticDigits() throws {
        let result = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options())
        #expect(result.validationAccuracy > 0.9)
        #expect(result.epochs.count == 4)
        #expect(result.epochs[3].trainingLoss < result.epochs[0].trainingLoss)
        #expect(result.model.hiddenCount == 24)
        let measured = evaluateMLP(result.model, on: Self.validation)
        #expect(measured.accuracy == result.validationAccuracy)
    }

    /// Fixed shards summed in a fixed order: any thread count gives the same bits, with dropout
    /// and augmentation too; and a different seed gives a different model.
    @Test func weightsAreBitIdenticalForAnyThreadCount() throws {
        for (dropout, augment) in [(Float(0), false), (0.3, true)] {
            let runs = try [1, 2, 3].map { threads in
                try trainMLP(training: Self.training, validation: Self.validation,
                             options: Self.options(threads: threads, epochs: 2, dropout: dropout, augment: augment)).model
            }
            #expect(runs[0].hiddenWeights.map(\.bitPattern) == runs[1].hiddenWeights.map(\.bitPattern))
            #expect(runs[0].outputWeights.map(\.bitPattern) == runs[2].outputWeights.map(\.bitPattern))
            #expect(runs[0] == runs[1] && runs[0] == runs[2])
        }
        let other = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options(seed: 2, epochs: 2))
        let same = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options(epochs: 2))
        #expect(other.model != same.model)
    }

    @Test func dropoutChangesTheModel() throws {
        let plain = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options(epochs: 1))
        let dropped = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options(epochs: 1, dropout: 0.5))
        #expect(plain.model != dropped.model)
        #expect(dropped.validationAccuracy > 0.5)
    }

    /// `initial` continues from a model: after one gentle epoch it is still as good, and far
    /// better than one epoch from He initialisation.
    @Test func continuesFromAnInitialModel() throws {
        let first = try trainMLP(training: Self.training, validation: Self.validation, options: Self.options())
        var gentle = Self.options(epochs: 1)
        gentle.learningRate = 0.001
        let continued = try trainMLP(training: Self.training, validation: Self.validation, options: gentle, initial: first.model)
        let fresh = try trainMLP(training: Self.training, validation: Self.validation, options: gentle)
        #expect(continued.validationAccuracy >= first.validationAccuracy - 0.02)
        #expect(continued.epochs[0].trainingLoss < fresh.epochs[0].trainingLoss)
    }

    @Test func refusesAnInitialModelOfAnotherShape() throws {
        let small = MLPModel.heInitialised(hiddenCount: 8, seed: 1)
        #expect(throws: TrainingError.self) {
            try trainMLP(training: Self.training, validation: Self.validation, options: Self.options(), initial: small)
        }
        let directory = try F.writeSyntheticMNIST(trainingCount: 100, testCount: 20)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try trainOnMNIST(directory: directory, options: Self.options(hidden: 0), initial: .mlp(small), initialSource: "small.dgw")
        } throws: { error in
            guard let error = error as? TrainingError, case .shapeMismatch = error else { return false }
            return error.description.contains("small.dgw") && error.description.contains("--hidden 0")
        }
        var invalid = Self.options(hidden: 0)
        invalid.dropout = 0.5
        #expect(throws: TrainingError.self) { try invalid.validate() }
        invalid = Self.options()
        invalid.dropout = 1
        #expect(throws: TrainingError.self) { try invalid.validate() }
    }

    /// `digit train --hidden N` end to end on a small MNIST folder: an MLP weights file with its
    /// shape in the metadata, no date, byte-identical when run again.
    @Test func trainsAnMLPOnAnMNISTFolderReproducibly() throws {
        let directory = try F.writeSyntheticMNIST(trainingCount: 200, testCount: 40)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try trainOnMNIST(directory: directory, options: Self.options(epochs: 6))
        guard case .mlp(let model) = outcome.weightsFile.classifier else {
            Issue.record("expected an MLP")
            return
        }
        #expect(model.hiddenCount == 24)
        #expect(outcome.weightsFile.metadata.hiddenUnits == 24 && outcome.weightsFile.metadata.date == nil)
        #expect(outcome.weightsFile.metadata.recipe.contains("MLP 784→24 ReLU→10"))
        #expect(outcome.testAccuracy > 0.7)
        let again = try trainOnMNIST(directory: directory, options: Self.options(threads: 2, epochs: 6))
        #expect(again.weightsFile.encoded() == outcome.weightsFile.encoded())
    }
}
