import Foundation

/// Bytes of decoding memory shared by the workers of one batch: each image asks for its
/// `decodeMemoryEstimate` before it is decoded and gives it back after, so the batch stays
/// within `capacity` whatever the number of workers. A request larger than the whole budget is
/// cut to it: that image waits until it can run alone.
public final class MemoryBudget: @unchecked Sendable {
    /// Bytes the images being decoded at once may take together.
    public let capacity: Int
    private var inUse = 0
    private var peak = 0
    private let condition = NSCondition()

    public init(bytes: Int) {
        capacity = max(1, bytes)
    }

    /// The most bytes ever held at once (for tests and benchmarks).
    public var peakInUse: Int {
        condition.lock(); defer { condition.unlock() }
        return peak
    }

    /// Waits until `bytes` (at most `capacity`) fit beside what the others hold, then takes them.
    /// Returns the amount taken, to be given back with `release`.
    public func acquire(_ bytes: Int) -> Int {
        let amount = min(capacity, max(0, bytes))
        condition.lock()
        while inUse + amount > capacity { condition.wait() }
        inUse += amount
        peak = max(peak, inUse)
        condition.unlock()
        return amount
    }

    public func release(_ amount: Int) {
        condition.lock()
        inUse -= amount
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body` holding `bytes` of the budget.
    public func withBytes<T>(_ bytes: Int, _ body: () throws -> T) rethrows -> T {
        let amount = acquire(bytes)
        defer { release(amount) }
        return try body()
    }
}

/// The default budget of a `digit recognize` batch: 512 MiB, whatever `-j` says.
public let defaultMemoryBudgetBytes = 512 << 20
