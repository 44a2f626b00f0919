// `digit recognize` throughput, beside the plain Python pipeline (python_pipeline.py) on the same files.
//
//   cd bench && swift run -c release recognize-bench [--digit PATH] [--count N] [--repeat N]
//                                                    [--mnist DIR] [--weights FILE] [--keep] [--static]
//
// Renders, at benchmark time and into a temporary folder, N phone-photo-sized JPEGs (1600×1200,
// dark ink on paper, a lighting gradient and noise) and N 28×28 PNGs, both from MNIST test digits
// (../shared/mnist or $DIGIT_MNIST_DIR; skipped with a message when absent). Builds the release
// `digit` in the repository root (unless --digit is given), then times, in one run and interleaved:
// `digit recognize --format jsonl DIR` on each folder (all cores, and -j 1), and
// `python3 python_pipeline.py DIR`; plus start-up to first answer for one 28×28 PNG (median of 20,
// timed with posix_spawn + waitpid). --static also builds `digit` with the Swift runtime and
// Foundation linked in (`swift build -c release --static-swift-stdlib`, scratch path
// .build-static) and times its start-up beside the default build's.
import DigitCore
import Foundation

// MARK: - Options

struct Options {
    var digit: String?
    var count = 1000
    var repeats = 3
    var mnist: String?
    var keep = false
    /// Passed to `digit recognize --weights` (default: the bundled model).
    var weights: String?
    /// Passed to `digit recognize --model` (linear or mlp; default: the default bundled model).
    var model: String?
    /// Also time start-up of a `--static-swift-stdlib` build.
    var staticBuild = false
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--digit": options.digit = arguments.popFirst()
        case "--count": options.count = arguments.popFirst().flatMap { Int($0) } ?? options.count
        case "--repeat": options.repeats = arguments.popFirst().flatMap { Int($0) } ?? options.repeats
        case "--mnist": options.mnist = arguments.popFirst()
        case "--keep": options.keep = true
        case "--weights": options.weights = arguments.popFirst()
        case "--model": options.model = arguments.popFirst()
        case "--static": options.staticBuild = true
        default:
            print("unknown option \(argument)")
            exit(2)
        }
    }
    return options
}

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let benchFolder = repositoryRoot + "/bench/recognize"

// MARK: - Processes

struct Run {
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// Wall time from launch to exit.
    var seconds: Double
    /// User + system CPU time of the child (all its threads).
    var cpuSeconds: Double
}

/// User + system CPU seconds of all waited-for children so far.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs `executable arguments…`, reading both pipes fully; `seconds` is wall time from launch to exit.
func run(_ executable: String, _ arguments: [String], directory: String? = nil, stdinFile: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdinFile.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
    let errData = Box()
    let cpuBefore = childrenCPUSeconds()
    let start = DispatchTime.now()
    try process.run()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return Run(status: process.terminationStatus, stdout: outData, stderr: errData.data, seconds: seconds,
               cpuSeconds: childrenCPUSeconds() - cpuBefore)
}

final class Box: @unchecked Sendable { var data = Data() }

/// Runs `executable arguments…` with stdout to `stdoutPath` and stderr to /dev/null, timed from
/// `posix_spawn` to `waitpid` returning: no run loop between the child's exit and the clock.
func spawnAndWait(_ executable: String, _ arguments: [String], stdoutPath: String) throws -> (status: Int32, seconds: Double, cpuSeconds: Double) {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let cpuBefore = childrenCPUSeconds()
    let start = DispatchTime.now()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : -1, seconds, childrenCPUSeconds() - cpuBefore)
}

func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

// MARK: - MNIST

/// The test digits (28×28 bytes each, ink = 255) and their labels, read by the library's
/// `MNISTDataset`, or `nil` when they are missing or unreadable.
func loadMNISTTest(directory: String) -> (images: [[UInt8]], labels: [UInt8])? {
    guard let test = try? MNISTDataset.load(directory: directory, split: .test) else { return nil }
    let size = DigitImage.pixelCount
    return ((0..<test.count).map { Array(test.images[($0 * size)..<(($0 + 1) * size)]) }, test.labels)
}

// MARK: - Rendering

/// A small deterministic generator, drawn from the library's SplitMix64.
struct Random {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
}

/// A 1600×1200 colour "phone photo" of an MNIST digit: dark ink on off-white paper, the digit
/// 25–50% of the frame's height at a random place, a lighting gradient and pixel noise.
func renderPhoto(_ digit: [UInt8], random: inout Random) -> RGBImage {
    let width = 1600, height = 1200
    let paper = random.uniform(205, 240)
    let tint = (random.uniform(0, 10), random.uniform(-12, 0))
    let gradient = (random.uniform(-0.15, 0.15), random.uniform(-0.15, 0.15))
    let digitSide = random.uniform(0.25, 0.5) * Double(height) * 28 / 20  // MNIST's 20 px box → 25–50%
    let left = random.uniform(0, Double(width) - digitSide), top = random.uniform(0, Double(height) - digitSide)
    let scale = 28 / digitSide
    var bytes = [UInt8](repeating: 0, count: width * height * 3)
    var noise = random.next()
    for y in 0..<height {
        let fy = Double(y) / Double(height) - 0.5
        let sy = (Double(y) - top) * scale - 0.5
        for x in 0..<width {
            let light = 1 + gradient.0 * (Double(x) / Double(width) - 0.5) + gradient.1 * fy
            var ink = 0.0
            let sx = (Double(x) - left) * scale - 0.5
            if sx > -1, sy > -1, sx < 28, sy < 28 {  // bilinear sample of the digit
                let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
                let ax = sx - Double(x0), ay = sy - Double(y0)
                func at(_ px: Int, _ py: Int) -> Double {
                    px >= 0 && py >= 0 && px < 28 && py < 28 ? Double(digit[py * 28 + px]) / 255 : 0
                }
                ink = (at(x0, y0) * (1 - ax) + at(x0 + 1, y0) * ax) * (1 - ay)
                    + (at(x0, y0 + 1) * (1 - ax) + at(x0 + 1, y0 + 1) * ax) * ay
            }
            noise = noise &* 6364136223846793005 &+ 1442695040888963407
            let n = Double(Int(noise >> 61)) - 3.5  // sensor noise after in-camera denoising: ±3.5 levels
            let base = paper * light * (1 - 0.85 * ink) + n
            let i = (y * width + x) * 3
            bytes[i] = UInt8(max(0, min(255, base + tint.0)))
            bytes[i + 1] = UInt8(max(0, min(255, base)))
            bytes[i + 2] = UInt8(max(0, min(255, base + tint.1)))
        }
    }
    return RGBImage(width: width, height: height, bytes: bytes)
}

/// The MNIST digit as a 28×28 drawing: dark ink on white, like a canvas export.
func renderSmall(_ digit: [UInt8]) -> GrayImage {
    GrayImage(width: 28, height: 28, luma: digit.map { 255 - $0 })
}

// MARK: - Main

let options = parseOptions()
let mnistDirectory = options.mnist ?? ProcessInfo.processInfo.environment["DIGIT_MNIST_DIR"]
    ?? URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().path + "/shared/mnist"
guard let mnist = loadMNISTTest(directory: mnistDirectory) else {
    print("SKIPPED: MNIST test files not found or unreadable in \(mnistDirectory) (set DIGIT_MNIST_DIR or --mnist)")
    exit(0)
}
guard let python = which("python3") else {
    print("SKIPPED: python3 not found")
    exit(0)
}
if (try? run(python, ["-c", "import PIL, numpy"]))?.status != 0 {
    print("Installing Pillow and NumPy for the Python pipeline (pip install --user pillow numpy)…")
    _ = try? run(python, ["-m", "pip", "install", "--quiet", "--user", "pillow", "numpy"])
    if (try? run(python, ["-c", "import PIL, numpy"]))?.status != 0 {
        _ = try? run(python, ["-m", "pip", "install", "--quiet", "--break-system-packages", "--user", "pillow", "numpy"])
    }
    guard (try? run(python, ["-c", "import PIL, numpy"]))?.status == 0 else {
        print("SKIPPED: could not install Pillow and NumPy for the Python pipeline")
        exit(0)
    }
}

// The release binaries.
/// Runs `swift build -c release <extra>` in the repository root and returns the path of the
/// `digit` it built under `scratch` (exits the benchmark when the build fails).
func buildDigit(_ extra: [String] = [], scratch: String = ".build") throws -> String {
    let arguments = ["build", "-c", "release"] + extra + (scratch == ".build" ? [] : ["--scratch-path", scratch])
    print("Building digit (swift \(arguments.joined(separator: " ")) in \(repositoryRoot))…")
    let build = try run(which("swift") ?? "/usr/bin/swift", arguments, directory: repositoryRoot)
    guard build.status == 0 else {
        print(String(decoding: build.stdout + build.stderr, as: UTF8.self))
        print("FAILED: swift \(arguments.joined(separator: " "))")
        exit(1)
    }
    return repositoryRoot + "/" + scratch + "/release/digit"
}
let digitPath = try options.digit ?? buildDigit()
let staticDigitPath = options.staticBuild ? try buildDigit(["--static-swift-stdlib"], scratch: ".build-static") : nil

// Inputs.
let count = min(options.count, mnist.images.count)
let work = NSTemporaryDirectory() + "recognize-bench-\(getpid())"
let photos = work + "/photos", small = work + "/small"
try FileManager.default.createDirectory(atPath: photos, withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
defer { if !options.keep { try? FileManager.default.removeItem(atPath: work) } }
print("Rendering \(count) photos (1600×1200 JPEG) and \(count) 28×28 PNGs into \(work)…")
var random = Random(state: 2024)
let renderStart = Date()
var photoBytes = 0, smallBytes = 0
for i in 0..<count {
    let name = String(format: "%04d", i)
    let jpeg = try encodeJPEG(renderPhoto(mnist.images[i], random: &random), quality: 90)
    try Data(jpeg).write(to: URL(fileURLWithPath: "\(photos)/photo-\(name).jpg"))
    let png = try encodePNG(renderSmall(mnist.images[i]))
    try Data(png).write(to: URL(fileURLWithPath: "\(small)/small-\(name).png"))
    photoBytes += jpeg.count
    smallBytes += png.count
}
print(String(format: "  rendered in %.1f s; photos average %.0f kB, PNGs %.0f bytes",
             Date().timeIntervalSince(renderStart), Double(photoBytes) / Double(count) / 1000,
             Double(smallBytes) / Double(count)))

/// Digits read from `digit recognize --format jsonl` output, in order (-1 for none).
func digitsFromJSONLines(_ data: Data) -> [Int] {
    String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        return (object?["digit"] as? Int) ?? -1
    }
}

/// Digits from python_pipeline.py's `path,digit` lines (-1 for none).
func digitsFromPython(_ data: Data) -> [Int] {
    String(decoding: data, as: UTF8.self).split(separator: "\n").map { Int($0.split(separator: ",", omittingEmptySubsequences: false).last ?? "") ?? -1 }
}

func accuracy(_ digits: [Int]) -> String {
    guard digits.count == count else { return "n/a (\(digits.count) answers)" }
    let right = zip(digits, mnist.labels.prefix(count)).filter { $0 == Int($1) }.count
    return String(format: "%.1f%%", 100 * Double(right) / Double(count))
}

struct Measured {
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    var digits: [Int] = []
    /// Images per second of wall time (median run).
    var rate: Double { Double(count) / median(seconds) }
    /// CPU milliseconds per image (median run): what one image costs, whatever the machine's load.
    var cpuMillisecondsPerImage: Double { median(cpuSeconds) * 1000 / Double(count) }
}

/// `digit recognize` with the benchmark's weights option and `extra` arguments.
func recognizeArguments(_ extra: [String]) -> [String] {
    ["recognize"] + (options.weights.map { ["--weights", $0] } ?? []) + (options.model.map { ["--model", $0] } ?? []) + extra
}

let pythonScript = benchFolder + "/python_pipeline.py"

// The Python pipeline's model, as numpy.loadtxt text: 784 weight rows, then the bias. It is a
// linear model: `--weights FILE` when that is one, else the bundled `linear` model (with
// `--model mlp`, digit runs the MLP and Python the linear model).
let pythonWeights = work + "/weights.txt"
let model: SoftmaxModel
do {
    // Whatever preprocessing the model was made for: `digit recognize` itself checks that.
    let file = try options.weights.map { try WeightsFile.load(path: $0, expectedPreprocessing: nil) }
    if case .linear(let linear)? = file?.classifier {
        model = linear
    } else if case .linear(let linear) = try WeightsFile.bundled(.linear, expectedPreprocessing: nil).classifier {
        model = linear
    } else {
        print("SKIPPED: no linear model for the Python pipeline")
        exit(0)
    }
} catch {
    print("SKIPPED: no model for digit recognize: \(error)")
    exit(0)
}
try weightsText(model).write(toFile: pythonWeights, atomically: true, encoding: .utf8)
var results: [String: Measured] = [:]
let contestants: [(key: String, folder: String, command: () throws -> Run, parse: (Data) -> [Int])] = [
    ("digit photos", photos, { try run(digitPath, recognizeArguments(["--format", "jsonl", photos])) }, digitsFromJSONLines),
    ("digit -j 1 photos", photos, { try run(digitPath, recognizeArguments(["-j", "1", "--format", "jsonl", photos])) }, digitsFromJSONLines),
    ("python photos", photos, { try run(python, [pythonScript, "--weights", pythonWeights, photos]) }, digitsFromPython),
    ("digit small", small, { try run(digitPath, recognizeArguments(["--format", "jsonl", small])) }, digitsFromJSONLines),
    ("digit -j 1 small", small, { try run(digitPath, recognizeArguments(["-j", "1", "--format", "jsonl", small])) }, digitsFromJSONLines),
    ("python small", small, { try run(python, [pythonScript, "--weights", pythonWeights, small]) }, digitsFromPython),
]
for round in 1...max(1, options.repeats) {
    print("Round \(round) of \(options.repeats)…")
    for contestant in contestants {
        let r = try contestant.command()
        if r.status > 1 || r.stdout.isEmpty {
            print("FAILED: \(contestant.key) exited \(r.status): \(String(decoding: r.stderr.prefix(500), as: UTF8.self))")
            exit(1)
        }
        results[contestant.key, default: Measured()].seconds.append(r.seconds)
        results[contestant.key]!.cpuSeconds.append(r.cpuSeconds)
        results[contestant.key]!.digits = contestant.parse(r.stdout)
        let label = contestant.key.padding(toLength: 20, withPad: " ", startingAt: 0)
        print("  " + label + String(format: " %7.2f s  %8.0f images/s  %6.2f CPU ms/image",
                                    r.seconds, Double(count) / r.seconds, r.cpuSeconds * 1000 / Double(count)))
    }
}

// Start-up to first answer: one 28×28 PNG, 20 runs of each build, interleaved. Timed with
// posix_spawn + waitpid, not Foundation's Process, whose exit notification on Linux adds tens of
// milliseconds of its own.
let one = small + "/small-0000.png"
var startupBuilds = [("default build", digitPath)]
if let staticDigitPath { startupBuilds.append(("static-stdlib build", staticDigitPath)) }
var startups = [[Double]](repeating: [], count: startupBuilds.count)
var startupCPU = [[Double]](repeating: [], count: startupBuilds.count)
for _ in 0..<20 {
    for (index, build) in startupBuilds.enumerated() {
        let r = try spawnAndWait(build.1, recognizeArguments([one]), stdoutPath: work + "/startup.txt")
        let answer = (try? String(contentsOfFile: work + "/startup.txt", encoding: .utf8)) ?? ""
        guard r.status == 0, answer.first?.isNumber == true else {
            print("FAILED: start-up run of \(build.0) exited \(r.status) with output \(answer.prefix(200))")
            exit(1)
        }
        startups[index].append(r.seconds)
        startupCPU[index].append(r.cpuSeconds)
    }
}

// Bounded memory: the same 28×28 PNGs named 100 times over on standard input (`digit recognize -`),
// against 1,000 paths; peak resident memory from /usr/bin/time.
func streamPaths(times: Int) throws -> (seconds: Double, peakKB: Int, rows: Int) {
    let list = work + "/paths-\(times).txt"
    var text = ""
    for _ in 0..<times {
        for i in 0..<count { text += small + "/small-" + String(format: "%04d", i) + ".png\n" }
    }
    try text.write(toFile: list, atomically: true, encoding: .utf8)
    let r = try run("/usr/bin/time", ["-f", "peak-kb %M", digitPath] + recognizeArguments(["--format", "csv", "-"]),
                    stdinFile: list)
    let peak = String(decoding: r.stderr, as: UTF8.self).split(separator: "\n")
        .last { $0.hasPrefix("peak-kb ") }.flatMap { Int($0.dropFirst(8)) } ?? -1
    let rows = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").count - 1
    return (r.seconds, peak, rows)
}
var streams: [(times: Int, seconds: Double, peakKB: Int, rows: Int)] = []
if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
    for times in [1, 100] {
        let s = try streamPaths(times: times)
        streams.append((times, s.seconds, s.peakKB, s.rows))
    }
}

let cores = ProcessInfo.processInfo.activeProcessorCount
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }?
    .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
print("")
print("Machine: \(cores) cores, \(cpu); \(count) images each; median of \(options.repeats) runs (wall time, whole process)")
print("| input | digit (all cores) | digit -j 1 | Python (1 process) | digit ÷ Python, wall | digit ÷ Python, CPU per image |")
print("|---|---|---|---|---|---|")
for kind in ["photos", "small"] {
    let d = results["digit \(kind)"]!, d1 = results["digit -j 1 \(kind)"]!, p = results["python \(kind)"]!
    let label = kind == "photos" ? "1600×1200 JPEG photos" : "28×28 PNGs"
    print(String(format: "| %@ | %.0f images/s (%.2f CPU ms each) | %.0f images/s (%.2f) | %.0f images/s (%.2f) | %.1f× | %.1f× |",
                 label as NSString, d.rate, d.cpuMillisecondsPerImage, d1.rate, d1.cpuMillisecondsPerImage,
                 p.rate, p.cpuMillisecondsPerImage, d.rate / p.rate, p.cpuMillisecondsPerImage / d.cpuMillisecondsPerImage))
}
for (index, build) in startupBuilds.enumerated() {
    print(String(format: "Start-up to first answer, one 28×28 PNG, %@: median %.1f ms, min %.1f ms wall; median %.1f ms CPU (20 runs)",
                 build.0 as NSString, median(startups[index]) * 1000, startups[index].min()! * 1000,
                 median(startupCPU[index]) * 1000))
}
for stream in streams {
    print(String(format: "Paths on standard input: %d paths (%d rows) in %.1f s = %.0f images/s, peak resident memory %.1f MB",
                 stream.times * count, stream.rows, stream.seconds, Double(stream.rows) / stream.seconds,
                 Double(stream.peakKB) / 1024))
}
var loadAverage = [Double](repeating: 0, count: 3)
getloadavg(&loadAverage, 3)
print(String(format: "Load average at the end: %.1f %.1f %.1f (other work on the machine slows every figure above)",
             loadAverage[0], loadAverage[1], loadAverage[2]))
print("")
print("Accuracy on these inputs (same model in both; the preprocessing differs):")
for kind in ["photos", "small"] {
    print("  \(kind): digit \(accuracy(results["digit \(kind)"]!.digits)), python \(accuracy(results["python \(kind)"]!.digits))")
}
