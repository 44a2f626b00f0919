import Foundation

/// Runs `transform` on every element of `inputs` on `workers` threads and hands each result
/// to `emit` in input order, as soon as it and every result before it are done.
///
/// Memory stays bounded however long `inputs` is: at most `window` elements are in flight
/// (taken from `inputs` but not yet emitted), so a stream of 100,000 paths never holds
/// more than `window` items or results. `inputs` is iterated lazily on the calling thread,
/// which returns when every result has been emitted.
///
/// `emit` and `flush` run on the worker threads but never two at a time; `flush` follows each
/// run of consecutive emits (when the next result is not ready yet), so a caller can buffer
/// output in `emit` and write it out in `flush`. Results do not depend on `workers`.
/// The closures run on other threads, so they must be `@Sendable` (the compiler checks what
/// they capture); `inputs` itself is iterated only on the calling thread.
public func forEachInOrder<Inputs: Sequence, Output: Sendable>(
    _ inputs: Inputs,
    workers: Int,
    window: Int,
    transform: @escaping @Sendable (Inputs.Element) -> Output,
    emit: @escaping @Sendable (Output) -> Void,
    flush: @escaping @Sendable () -> Void = {}
) where Inputs.Element: Sendable {
    let pipeline = OrderedPipeline<Inputs.Element, Output>(
        window: max(1, window), transform: transform, emit: emit, flush: flush)
    let group = DispatchGroup()
    for _ in 0..<max(1, workers) {
        group.enter()
        let thread = Thread {
            pipeline.work()
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    // A place in the window is taken before the next element is, so even the element
    // the producer holds counts against the window.
    var iterator = inputs.makeIterator()
    while true {
        pipeline.waitForPlace()
        guard let element = iterator.next() else {
            pipeline.giveBackPlace()
            break
        }
        pipeline.submit(element)
    }
    pipeline.close()
    group.wait()
}

/// The shared state of `forEachInOrder`: a bounded queue of work, the finished results
/// waiting for their turn, and the index of the next result to emit.
///
/// `@unchecked Sendable`: every mutable field is guarded by the lock named beside it; the
/// producer must wait on a condition (`NSCondition`, a semaphore), which `Mutex` cannot do, so
/// the compiler cannot see the locking. What crosses threads (inputs, outputs, closures) is
/// checked: all are `Sendable`.
private final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Input) -> Output
    private let emit: @Sendable (Output) -> Void
    private let flush: @Sendable () -> Void

    /// Free places in the window; a place is taken on submit and given back on emit.
    private let places: DispatchSemaphore
    /// Guards `queue`, `closed` and `nextIndex`.
    private let queueCondition = NSCondition()
    private var queue: [(index: Int, input: Input)] = []
    private var queueHead = 0
    private var closed = false
    private var nextIndex = 0

    /// Guards `finished`.
    private let finishedLock = NSLock()
    private var finished: [Int: Output] = [:]
    /// Held while emitting, so results leave one at a time and in order.
    private let emitLock = NSLock()
    private var nextToEmit = 0

    init(window: Int, transform: @escaping @Sendable (Input) -> Output,
         emit: @escaping @Sendable (Output) -> Void, flush: @escaping @Sendable () -> Void) {
        self.places = DispatchSemaphore(value: window)
        self.transform = transform
        self.emit = emit
        self.flush = flush
    }

    /// Called on the producing thread before taking the next input: waits for a free place.
    func waitForPlace() {
        places.wait()
    }

    /// Returns a place taken by `waitForPlace` when there was no input after all.
    func giveBackPlace() {
        places.signal()
    }

    /// Called on the producing thread, after `waitForPlace`: queues `input`.
    func submit(_ input: Input) {
        queueCondition.lock()
        queue.append((nextIndex, input))
        nextIndex += 1
        queueCondition.signal()
        queueCondition.unlock()
    }

    /// No more input: workers finish the queue and stop.
    func close() {
        queueCondition.lock()
        closed = true
        queueCondition.broadcast()
        queueCondition.unlock()
    }

    /// A worker's loop: take the next queued input, transform it, emit what is ready.
    func work() {
        while let (index, input) = take() {
            let output = transform(input)
            finishedLock.lock()
            finished[index] = output
            finishedLock.unlock()
            emitReady()
        }
    }

    private func take() -> (Int, Input)? {
        queueCondition.lock()
        defer { queueCondition.unlock() }
        while queueHead == queue.count && !closed {
            queueCondition.wait()
        }
        guard queueHead < queue.count else { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        }
        return item
    }

    /// Emits every finished result whose predecessors have all been emitted, then flushes.
    /// A worker always calls this after storing its result, so none is left behind.
    private func emitReady() {
        emitLock.lock()
        defer { emitLock.unlock() }
        var emitted = false
        while true {
            finishedLock.lock()
            let next = finished.removeValue(forKey: nextToEmit)
            finishedLock.unlock()
            guard let next else { break }
            nextToEmit += 1
            emit(next)
            places.signal()
            emitted = true
        }
        if emitted { flush() }
    }
}
