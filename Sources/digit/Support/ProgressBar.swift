import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn in place:
/// `[#########.........]  450/1000  45%  ETA 0:12  loss 0.31`.
/// Draws nothing unless standard error is a terminal; redraws at most 10 times a second.
/// Sendable: `digit evaluate` updates it from its in-order emits, which run on worker threads.
final class ProgressBar: Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lastDraw = Mutex(Date.distantPast)

    init(total: Int, label: String = "", enabled: Bool = standardErrorIsTerminal) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    /// Shows `done` of `total` finished, with an optional note (e.g. the current loss).
    func update(done: Int, note: String = "") {
        guard enabled else { return }
        let now = Date()
        let due = lastDraw.withLock { last in
            guard done >= total || now.timeIntervalSince(last) >= 0.1 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let fraction = min(1, Double(done) / Double(total))
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = now.timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let text = "\(label)[\(bar)] \(done)/\(total) \(Int(fraction * 100))%  ETA \(Self.clock(eta))  \(note)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Clears the bar's line so what follows starts on a clean line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `m:ss` for a duration in seconds.
    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return "\(s / 60):" + String(format: "%02d", s % 60)
    }
}
