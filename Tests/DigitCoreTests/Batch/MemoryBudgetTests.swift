import Foundation
import Testing
@testable import DigitCore

/// The batch's shared decoding budget: never more than its capacity held at once, whatever the
/// number of workers; each image asks for its header-based estimate.
@Suite struct MemoryBudgetTests {
    @Test func workersNeverHoldMoreThanTheCapacityTogether() {
        let budget = MemoryBudget(bytes: 100)
        let requests = (0..<40).map { 10 + ($0 * 37) % 80 }   // 10…89 bytes
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: requests.count) { i in
            budget.withBytes(requests[i]) {
                counter.enter()
                usleep(2_000)
                counter.leave()
            }
        }
        #expect(budget.peakInUse <= 100)
        #expect(budget.peakInUse >= requests.max()!)    // the largest request did get its share
        // Requests of 10…89 bytes: at most nine fit together, at least one ran beside another.
        #expect(counter.most <= 9)
    }

    /// How many threads are inside at once, and the most there ever were.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0, highest = 0
        func enter() { lock.lock(); now += 1; highest = max(highest, now); lock.unlock() }
        func leave() { lock.lock(); now -= 1; lock.unlock() }
        var most: Int { lock.lock(); defer { lock.unlock() }; return highest }
    }

    @Test func aRequestLargerThanTheBudgetRunsAlone() {
        let budget = MemoryBudget(bytes: 100)
        #expect(budget.acquire(1_000) == 100)
        budget.release(100)
        #expect(budget.acquire(-5) == 0)
    }

    @Test func recognizeAsksTheBudgetForTheImagesEstimate() throws {
        var picture = GrayImage(width: 300, height: 200, filledWith: 230)
        for y in 50..<150 { for x in 140..<150 { picture[x, y] = 20 } }
        let file = try encodePNG(picture)
        let estimate = decodeMemoryEstimate(bytes: file)
        // 300×200 gray: 300 × 200 × 4 bytes decoding, the file twice, the working images.
        #expect(estimate == 2 * file.count + 240_000 + preprocessingBytes)
        let budget = MemoryBudget(bytes: 1 << 30)
        let settings = RecognitionSettings(memoryBudget: budget)
        _ = recognizeInput(RecognitionInput(name: "bar.png", source: .bytes(file)), settings: settings, classify: { _ in
            Prediction(probabilities: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        })
        #expect(budget.peakInUse == estimate)
    }

    @Test func estimatesFollowTheDecoders() throws {
        // A 100 MP 16-bit RGBA PNG header: reduced while decoded, so megabytes, not 1.4 GB.
        var png = try encodePNG(GrayImage(width: 1, height: 1, filledWith: 0))
        png.replaceSubrange(16..<26, with: [0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10, 16, 6])   // 10000×10000, 16-bit RGBA
        #expect(decodeMemoryEstimate(bytes: png) < 64 << 20)
        // A progressive JPEG: its coefficient buffers count.
        let jpeg = try encodeJPEG(GrayImage(width: 1000, height: 800, filledWith: 200), progressive: true)
        let baseline = try encodeJPEG(GrayImage(width: 1000, height: 800, filledWith: 200))
        #expect(decodeMemoryEstimate(bytes: jpeg) - jpeg.count >= decodeMemoryEstimate(bytes: baseline) - baseline.count + 1_600_000)
        #expect(decodeMemoryEstimate(bytes: [1, 2, 3]) == 3)
    }
}
