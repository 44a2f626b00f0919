/// The classifier's answer for one image.
public struct Prediction: Equatable, Sendable {
    /// 0…9, the most probable class.
    public var digit: Int
    /// Ten probabilities (class 0 first), summing to 1.
    public var probabilities: [Float]

    /// The top probability.
    public var confidence: Float { probabilities[digit] }

    public init(probabilities: [Float]) {
        precondition(probabilities.count == 10, "a prediction has ten probabilities")
        self.probabilities = probabilities
        self.digit = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
    }
}
