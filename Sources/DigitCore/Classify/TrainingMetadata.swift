/// How a model was trained, stored in its weights file (as JSON, see `WeightsFile`).
public struct TrainingMetadata: Sendable, Equatable, Codable {
    /// One line naming the whole recipe, e.g. `softmax 784→10, adam…, 15 epochs, batch 100, augment off`.
    public var recipe: String
    /// `TrainingOptions.optimizerName` of the run.
    public var optimizer: String
    public var augment: Bool
    public var seed: UInt64
    /// Epochs run, and the one kept (best validation accuracy).
    public var epochs: Int
    public var bestEpoch: Int
    public var batchSize: Int
    public var learningRate: Float
    public var l2: Float
    /// Images trained on and held out for validation (MNIST training set: 55,000 + 5,000).
    public var trainingImages: Int
    public var validationImages: Int
    /// SHA-256 of each decompressed MNIST file used, keyed by file name (without `.gz`).
    public var dataHashes: [String: String]
    /// Fractions 0…1; `nil` when not measured.
    public var validationAccuracy: Double?
    public var testAccuracy: Double?
    /// The weights file training started from (`--init`), or `nil` for zeros.
    public var initialisedFrom: String?
    /// When training finished, ISO 8601 (UTC). Files written before version 2 only: `digit train`
    /// leaves it out so that the same recipe gives a byte-identical file.
    public var date: String?
    /// N, the hidden units (0 for the softmax regression); `nil` in files written before version 2.
    public var hiddenUnits: Int?
    /// The dropout probability of the hidden units; `nil` when not used.
    public var dropout: Float?
    /// `digit --version` of the program that trained it.
    public var digitVersion: String

    public init(recipe: String = "", optimizer: String = "", augment: Bool = false, seed: UInt64 = 0,
                epochs: Int = 0, bestEpoch: Int = 0, batchSize: Int = 0, learningRate: Float = 0, l2: Float = 0,
                trainingImages: Int = 0, validationImages: Int = 0, dataHashes: [String: String] = [:],
                validationAccuracy: Double? = nil, testAccuracy: Double? = nil, initialisedFrom: String? = nil,
                date: String? = nil, hiddenUnits: Int? = nil, dropout: Float? = nil, digitVersion: String = "") {
        self.recipe = recipe
        self.optimizer = optimizer
        self.augment = augment
        self.seed = seed
        self.epochs = epochs
        self.bestEpoch = bestEpoch
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
        self.trainingImages = trainingImages
        self.validationImages = validationImages
        self.dataHashes = dataHashes
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.initialisedFrom = initialisedFrom
        self.date = date
        self.hiddenUnits = hiddenUnits
        self.dropout = dropout
        self.digitVersion = digitVersion
    }
}
