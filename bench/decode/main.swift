// Decode speed: a 4000×3000 JPEG with DCT scaling and a 28×28 PNG, beside
// `djpeg -scale 1/8` (libjpeg-turbo-progs) on the same file, in the same run.
//   cd bench && swift run -c release decode-bench [--runs N]
import DigitCore
import Foundation

/// Seconds on the monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Median of `runs` timings of `body`, in seconds (one untimed warm-up first).
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        try body()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

/// A synthetic 4000×3000 photo: lit paper (gradient + sensor noise) with a dark digit
/// stroke, so the entropy-coded data is as busy as a real phone photo's.
func syntheticPhoto(width: Int, height: Int) -> RGBImage {
    var image = RGBImage(width: width, height: height, filledWith: (0, 0, 0))
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for y in 0..<height {
        for x in 0..<width {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let noise = Int(state % 17) - 8
            let light = 200 + 30 * x / width - 25 * y / height + noise
            let dx = Double(x - width / 2), dy = Double(y - height / 2)
            let ring = abs((dx * dx + dy * dy).squareRoot() - Double(height) / 5) < Double(height) / 60
            let value = UInt8(clamping: ring ? 40 + noise : light)
            image[x, y] = (value, UInt8(clamping: Int(value) - 4), UInt8(clamping: Int(value) - 12))
        }
    }
    return image
}

/// Runs `command` with stdout and stderr to /dev/null and waits; returns its exit status.
/// posix_spawn directly: Foundation's `Process` adds tens of milliseconds per start here.
func run(_ command: String, _ arguments: [String]) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([command] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, command, &actions, nil, argv, environ) == 0 else {
        throw NSError(domain: "spawn", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot start \(command)"])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}

func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }
    return "unknown"
}

func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1e3) }
func us(_ seconds: Double) -> String { String(format: "%.1f µs", seconds * 1e6) }

var runs = 21
if let index = CommandLine.arguments.firstIndex(of: "--runs"), index + 1 < CommandLine.arguments.count,
   let value = Int(CommandLine.arguments[index + 1]) {
    runs = max(3, value)
}

// The inputs.
let photo = try encodeJPEG(syntheticPhoto(width: 4000, height: 3000), quality: 90)
let photoPath = NSTemporaryDirectory() + "digit-decode-bench-\(getpid()).jpg"
try writeFileAtomically(photo, to: photoPath)
defer { unlink(photoPath) }
var small = GrayImage(width: 28, height: 28, filledWith: 0)
for i in 0..<28 { small[i, i] = 255; small[27 - i, i] = 200 }
let smallPNG = try encodePNG(small)

// Our decoder.
let scaled = try decodeImage(bytes: photo)
let scaledTime = try medianSeconds(runs: runs) { _ = try decodeImage(bytes: photo) }
let fullTime = try medianSeconds(runs: max(3, runs / 3)) {
    _ = try decodeImage(bytes: photo, options: DecodeOptions(minShortSide: 0))
}
let pngBatch = 2_000
let pngTime = try medianSeconds(runs: runs) {
    for _ in 0..<pngBatch { _ = try decodeImage(bytes: smallPNG) }
} / Double(pngBatch)

// djpeg on the same file, one process per decode; `true` measures the process start cost.
var djpegRows: [String] = []
if let djpeg = which("djpeg"), let trueCommand = which("true") {
    let spawn = try medianSeconds(runs: runs) { _ = try run(trueCommand, []) }
    let eighth = try medianSeconds(runs: runs) {
        _ = try run(djpeg, ["-scale", "1/8", "-grayscale", "-dct", "int", "-outfile", "/dev/null", photoPath])
    }
    let full = try medianSeconds(runs: max(3, runs / 3)) {
        _ = try run(djpeg, ["-grayscale", "-dct", "int", "-outfile", "/dev/null", photoPath])
    }
    djpegRows = [
        "| `djpeg -scale 1/8 -grayscale` (process) | 4000×3000 JPEG → 500×375 | \(ms(eighth)) (\(ms(eighth - spawn)) after subtracting a `true` spawn of \(ms(spawn))) |",
        "| `djpeg -grayscale` (process) | 4000×3000 JPEG → 4000×3000 | \(ms(full)) (\(ms(full - spawn)) after spawn) |",
    ]
} else {
    djpegRows = ["| `djpeg` | not installed (apt-get install libjpeg-turbo-progs): skipped | |"]
}

let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
print("""
Machine: \(cpuModel()), nproc \(ProcessInfo.processInfo.activeProcessorCount), load average \(load) at the end; median of \(runs) runs.
Photo: synthetic 4000×3000 RGB, encodeJPEG quality 90, \(photo.count / 1024) KiB.

| What | Input → output | Median time |
|---|---|---|
| `decodeImage` (DCT scale 1/\(4000 / scaled.image.width), minShortSide 256) | 4000×3000 JPEG → \(scaled.image.width)×\(scaled.image.height) | \(ms(scaledTime)) |
| `decodeImage` (minShortSide 0: full size) | 4000×3000 JPEG → 4000×3000 | \(ms(fullTime)) |
\(djpegRows.joined(separator: "\n"))
| `decodeImage` | 28×28 PNG (\(smallPNG.count) bytes) | \(us(pngTime)) per decode (batch of \(pngBatch)) |
""")
