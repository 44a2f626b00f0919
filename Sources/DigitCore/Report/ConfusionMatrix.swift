/// Counts of (true digit, predicted digit) pairs: 10×10, rows = true digit, columns = predicted.
/// Accuracy, per-class precision and recall are derived from it.
public struct ConfusionMatrix: Equatable, Sendable {
    public static let classCount = 10

    /// 100 counts, row-major: `counts[label * 10 + predicted]`.
    public private(set) var counts: [Int]

    /// An empty matrix (no pairs).
    public init() {
        counts = [Int](repeating: 0, count: Self.classCount * Self.classCount)
    }

    /// The matrix of `pairs`, each a true label and a predicted digit in 0…9.
    public init<Pairs: Sequence>(pairs: Pairs) where Pairs.Element == (label: Int, predicted: Int) {
        self.init()
        for pair in pairs { add(label: pair.label, predicted: pair.predicted) }
    }

    /// Counts one more image whose true digit is `label` and which the model read as `predicted`.
    public mutating func add(label: Int, predicted: Int) {
        precondition((0..<Self.classCount).contains(label) && (0..<Self.classCount).contains(predicted),
                     "digits are 0…9")
        counts[label * Self.classCount + predicted] += 1
    }

    /// How many images of `label` were read as `predicted`.
    public subscript(label: Int, predicted: Int) -> Int {
        counts[label * Self.classCount + predicted]
    }

    /// All pairs counted.
    public var total: Int { counts.reduce(0, +) }

    /// Pairs on the diagonal.
    public var correct: Int { (0..<Self.classCount).reduce(0) { $0 + self[$1, $1] } }

    /// Fraction read correctly, 0…1; `nil` when the matrix is empty.
    public var accuracy: Double? { total == 0 ? nil : Double(correct) / Double(total) }

    /// Images whose true digit is `digit` (the row sum).
    public func support(of digit: Int) -> Int {
        (0..<Self.classCount).reduce(0) { $0 + self[digit, $1] }
    }

    /// Images the model read as `digit` (the column sum).
    public func predictedCount(of digit: Int) -> Int {
        (0..<Self.classCount).reduce(0) { $0 + self[$1, digit] }
    }

    /// Of the images read as `digit`, the fraction that were `digit`; `nil` when none was read as `digit`.
    public func precision(of digit: Int) -> Double? {
        let predicted = predictedCount(of: digit)
        return predicted == 0 ? nil : Double(self[digit, digit]) / Double(predicted)
    }

    /// Of the images of `digit`, the fraction read as `digit`; `nil` when there were none.
    public func recall(of digit: Int) -> Double? {
        let support = support(of: digit)
        return support == 0 ? nil : Double(self[digit, digit]) / Double(support)
    }
}
