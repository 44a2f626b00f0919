import Foundation
import Testing
@testable import DigitCore

/// Counters shared between the producing thread and the emitting threads.
private final class Counters: @unchecked Sendable {
    let lock = NSLock()
    var taken = 0
    var emitted = 0
    var largestInFlight = 0
    var flushes = 0
    var order: [Int] = []
}

/// 0..<count, counting each element as it is taken (on the producing thread).
private struct CountingSequence: Sequence, IteratorProtocol {
    let count: Int
    let counters: Counters
    var position = 0

    mutating func next() -> Int? {
        guard position < count else { return nil }
        counters.lock.lock()
        counters.taken += 1
        counters.largestInFlight = Swift.max(counters.largestInFlight, counters.taken - counters.emitted)
        counters.lock.unlock()
        defer { position += 1 }
        return position
    }
}

@Suite struct ForEachInOrderTests {
    /// Work that takes longer for some elements, so they finish out of order.
    private static func slowSquare(_ x: Int) -> Int {
        usleep(UInt32((x * 7919) % 5) * 300)
        return x * x
    }

    @Test(arguments: [1, 2, 4, 8])
    func resultsComeInInputOrderWhateverTheWorkerCount(workers: Int) {
        let counters = Counters()
        forEachInOrder(CountingSequence(count: 200, counters: counters), workers: workers, window: 16,
                       transform: Self.slowSquare,
                       emit: { value in
                           counters.lock.lock()
                           counters.order.append(value)
                           counters.emitted += 1
                           counters.lock.unlock()
                       })
        #expect(counters.order == (0..<200).map { $0 * $0 })
    }

    @Test func noMoreThanTheWindowIsEverInFlight() {
        let counters = Counters()
        forEachInOrder(CountingSequence(count: 300, counters: counters), workers: 4, window: 5,
                       transform: Self.slowSquare,
                       emit: { _ in
                           counters.lock.lock()
                           counters.emitted += 1
                           counters.lock.unlock()
                       },
                       flush: { counters.flushes += 1 })
        #expect(counters.emitted == 300)
        #expect(counters.largestInFlight <= 5)
        #expect(counters.largestInFlight >= 2, "the window is used: more than one element in flight")
        #expect(counters.flushes >= 1 && counters.flushes <= 300)
    }

    @Test func anEmptyInputEmitsNothingAndReturns() {
        let counters = Counters()
        forEachInOrder(CountingSequence(count: 0, counters: counters), workers: 3, window: 4,
                       transform: { $0 }, emit: { _ in counters.emitted += 1 }, flush: { counters.flushes += 1 })
        #expect(counters.emitted == 0)
        #expect(counters.flushes == 0)
    }
}
