// Training benchmark: `digit train`'s recipe for one model shape on full MNIST (time, peak memory,
// accuracy), beside scikit-learn on the same preprocessed pixels: for `--hidden N` (256 unless
// given) MLPClassifier(hidden_layer_sizes=(N,), solver="adam", batch_size=256,
// learning_rate_init=1e-3, alpha=1e-4, max_iter=15); for `--hidden 0` (the `linear` model)
// LogisticRegression (lbfgs, defaults). One model per run, so the peak memory is that model's.
// The bundled `mlp` is `--hidden 512` trained 30 epochs on augmented copies (the default recipe
// since session 13); `--classic` trains the recipe scikit-learn is compared with: 15 epochs on
// MNIST's digits only, as `digit train --no-augment --epochs 15`.
//
//   cd bench && swift run -c release train-bench [--hidden N] [--classic] [--data DIR] [--skip-sklearn] [--sweep]
//
// --sweep also trains a grid of recipes (epochs, batch size, learning rate, L2, augment) and prints
// validation and test accuracy for each, to choose the defaults. Figures go to BENCHMARKS.md (Training).
import DigitCore
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("train-bench: \(message)\n".utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
func value(of flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let skipSklearn = arguments.contains("--skip-sklearn")
let sweep = arguments.contains("--sweep")
let hidden = Int(value(of: "--hidden") ?? "256") ?? 256

/// Peak resident memory of this process so far, MB (getrusage: ru_maxrss is in KB on Linux).
func peakMemoryMB(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

// The bench runs from `bench/`; MNIST is `../shared/mnist` beside the repository root.
let benchFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let directory: String
do {
    directory = try resolveMNISTDirectory(explicit: value(of: "--data"),
                                          currentDirectory: benchFolder.deletingLastPathComponent().path)
} catch { fail("\(error)") }

print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(machineName())")
print("data: \(directory)")

// 1. The default recipe, exactly as `digit train --hidden N` runs it (loading and normalisation included).
var defaults = TrainingOptions.recommended(hiddenCount: hidden)
if arguments.contains("--classic") && hidden > 0 { defaults.augment = false; defaults.epochs = 15 }
print("\n== digit train default recipe: \(trainingRecipe(defaults))")
var load = [Double](repeating: 0, count: 3)
getloadavg(&load, 3)
print(String(format: "load average (1 min) before: %.2f", load[0]))
let wallStart = Date()
let cpuStart = cpuSeconds()
let outcome: MNISTTrainingOutcome
do { outcome = try trainOnMNIST(directory: directory, options: defaults) } catch { fail("\(error)") }
let wall = Date().timeIntervalSince(wallStart)
let cpu = cpuSeconds() - cpuStart
let oursPeak = peakMemoryMB()
print(String(format: "CPU %.2f s (user + system, all threads); wall %.2f s (loading + normalising %.2f s, training %.2f s, testing %.2f s)",
             cpu, wall, outcome.loadingSeconds, outcome.trainingSeconds, outcome.testingSeconds))
print("validation \(percent(outcome.result.validationAccuracy)) (best epoch \(outcome.result.bestEpoch)), test \(percent(outcome.testAccuracy))")
print(String(format: "peak memory (max RSS) %.0f MB", oursPeak))

// 2. Threads: the training loop alone (data already normalised), 1 thread vs all cores; same weights.
let training: MNISTDataset, test: MNISTDataset
do {
    training = try MNISTDataset.load(directory: directory, split: .training)
    test = try MNISTDataset.load(directory: directory, split: .test)
} catch { fail("\(error)") }
let cores = ProcessInfo.processInfo.activeProcessorCount
let trainSet = normaliseMNIST(training, range: 0..<55_000, threads: cores)
let validationSet = normaliseMNIST(training, range: 55_000..<60_000, threads: cores)
let testSet = normaliseMNIST(test, threads: cores)
// (An MLP runs 3 epochs here, not the whole recipe: enough to compare the bits.)
print("\n== training loop only, default recipe\(hidden > 0 ? " (3 epochs)" : ""), by thread count")
var modelsByThreads: [[UInt32]] = []
for threads in Set([1, cores]).sorted() {
    var options = TrainingOptions.recommended(hiddenCount: hidden)
    options.threads = threads
    if hidden > 0 { options.epochs = 3; options.augment = defaults.augment }
    let start = Date()
    if hidden > 0 {
        guard let result = try? trainMLP(training: trainSet, validation: validationSet, options: options) else { fail("training failed") }
        modelsByThreads.append(Classifier.mlp(result.model).layers.flatMap { ($0.weights + $0.bias).map(\.bitPattern) })
    } else {
        guard let result = try? trainSoftmax(training: trainSet, validation: validationSet, options: options) else { fail("training failed") }
        modelsByThreads.append((result.model.weights + result.model.bias).map(\.bitPattern))
    }
    print(String(format: "threads %d: %.2f s (%.3f s per epoch)", threads, Date().timeIntervalSince(start),
                 Date().timeIntervalSince(start) / Double(options.epochs)))
}
print("weights bit-identical across thread counts: \(Set(modelsByThreads).count == 1)")

// 3. Optional grid of recipes.
if sweep && hidden == 0 {
    print("\n== sweep (validation = last 5,000 training images; test shown for information)")
    typealias Recipe = (epochs: Int, batch: Int, rate: Float, l2: Float, augment: Bool, seed: UInt64)
    let grid: [Recipe] = [
        (12, 500, 0.01, 1e-5, false, 1), (12, 500, 0.01, 1e-5, false, 2), (12, 500, 0.01, 1e-5, false, 3),
        (12, 200, 0.005, 1e-5, false, 1), (12, 200, 0.005, 1e-5, false, 2), (12, 200, 0.005, 1e-5, false, 3),
        (15, 100, 0.002, 1e-4, false, 1), (8, 500, 0.01, 1e-5, false, 1), (20, 500, 0.01, 1e-5, false, 1),
        (12, 500, 0.01, 0, false, 1), (12, 500, 0.01, 1e-4, false, 1), (12, 500, 0.02, 1e-5, false, 1),
        (12, 1000, 0.02, 1e-5, false, 1), (12, 500, 0.01, 1e-5, true, 1), (30, 500, 0.01, 1e-5, true, 1),
    ]
    print("The same run is replayed with the test set in place of the validation set (training does not")
    print("depend on it) to show the test accuracy at the epoch each criterion would keep.")
    print("epochs batch     lr       L2 augment seed | kept (chooseEpoch): epoch val  test | max val acc: epoch test | last epoch test |  time")
    for recipe in grid {
        var options = TrainingOptions()
        options.epochs = recipe.epochs
        options.batchSize = recipe.batch
        options.learningRate = recipe.rate
        options.l2 = recipe.l2
        options.augment = recipe.augment
        options.seed = recipe.seed
        let start = Date()
        guard let onValidation = try? trainSoftmax(training: trainSet, validation: validationSet, options: options),
              let onTest = try? trainSoftmax(training: trainSet, validation: testSet, options: options) else { continue }
        let seconds = Date().timeIntervalSince(start) / 2
        let kept = onValidation.bestEpoch
        let byAccuracy = onValidation.epochs.max { $0.validationAccuracy < $1.validationAccuracy }!.epoch
        func test(_ epoch: Int) -> String { percent(onTest.epochs[epoch - 1].validationAccuracy) }
        print(String(format: "%6d %5d %7.4f %8.0e %7@ %4d |", recipe.epochs, recipe.batch, recipe.rate, recipe.l2,
                     (recipe.augment ? "on" : "off") as NSString, recipe.seed)
              + String(format: " %25d %@ %@ | %17d %@ | %15@ | %5.2f s", kept,
                       percent(onValidation.validationAccuracy) as NSString, test(kept) as NSString,
                       byAccuracy, test(byAccuracy) as NSString, test(recipe.epochs) as NSString, seconds))
    }
}

// 4. scikit-learn on the same preprocessed pixels (60,000 training images, 10,000 test).
if skipSklearn {
    print("\n(scikit-learn skipped: --skip-sklearn)")
    exit(0)
}
var probe = runPython(["-c", "import sklearn, numpy"])
if probe.status != 0 {
    print("\nscikit-learn not found; trying `python3 -m pip install scikit-learn`…")
    _ = runPython(["-m", "pip", "install", "--quiet", "scikit-learn"])
    probe = runPython(["-c", "import sklearn, numpy"])
}
if probe.status != 0 {
    print("scikit-learn not available and could not be installed (python3 -c 'import sklearn' failed); install it "
          + "with `pip install scikit-learn` or `apt-get install python3-sklearn` to compare. Skipped.")
    exit(0)
}
let sklearnModel = hidden > 0
    ? "MLPClassifier(hidden_layer_sizes=(\(hidden),), solver='adam', batch_size=256, learning_rate_init=1e-3, alpha=1e-4, max_iter=15)"
    : "LogisticRegression()"
print("\n== scikit-learn \(sklearnModel) on the same normalised pixels")
let temporary = NSTemporaryDirectory() + "digit-train-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: temporary) }
do {
    var allTraining = trainSet
    allTraining.append(contentsOf: validationSet)
    for (name, digits) in [("train", allTraining), ("test", testSet)] {
        var pixels = [Float](repeating: 0, count: digits.count * 784)
        for n in 0..<digits.count {
            for j in digits.rowStarts[n]..<digits.rowStarts[n + 1] { pixels[n * 784 + Int(digits.pixelIndices[j])] = digits.values[j] }
        }
        try pixels.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(temporary)/\(name)-x.f32")) }
        try Data(digits.labels).write(to: URL(fileURLWithPath: "\(temporary)/\(name)-y.u8"))
    }
} catch { fail("\(error)") }
let script = """
    import time, numpy as np, sklearn
    import warnings
    warnings.filterwarnings('ignore')
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    d = '\(temporary)'
    X = np.fromfile(d + '/train-x.f32', dtype=np.float32).reshape(-1, 784)
    y = np.fromfile(d + '/train-y.u8', dtype=np.uint8)
    Xt = np.fromfile(d + '/test-x.f32', dtype=np.float32).reshape(-1, 784)
    yt = np.fromfile(d + '/test-y.u8', dtype=np.uint8)
    t, c = time.perf_counter(), time.process_time()
    model = \(sklearnModel).fit(X, y)
    fit, cpu = time.perf_counter() - t, time.process_time() - c
    print('sklearn %s: fit wall %.2f s, CPU %.2f s, test %.2f%%, iterations %d' % (sklearn.__version__, fit, cpu, 100 * model.score(Xt, yt), np.ravel(model.n_iter_)[0]))
    print('FIT', fit, cpu)
    """
let sklearn = runPython(["-c", script])
print(sklearn.output.split(separator: "\n").filter { !$0.hasPrefix("FIT") && !$0.contains("Warning") }.joined(separator: "\n"))
if let fitLine = sklearn.output.split(separator: "\n").first(where: { $0.hasPrefix("FIT ") }),
   case let parts = fitLine.split(separator: " "), parts.count == 3,
   let fit = Double(parts[1]), let fitCPU = Double(parts[2]) {
    print(String(format: "sklearn peak memory (max RSS of children) %.0f MB", peakMemoryMB(children: true)))
    print(String(format: "speed-up, wall: sklearn fit %.2f s / whole digit train %.2f s = %.1f× (training alone: %.1f×)",
                 fit, wall, fit / wall, fit / outcome.trainingSeconds))
    print(String(format: "speed-up, CPU: sklearn fit %.2f s / whole digit train %.2f s = %.1f×", fitCPU, cpu, fitCPU / cpu))
} else {
    print("scikit-learn run failed (status \(sklearn.status))")
}

func runPython(_ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (127, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func machineName() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    var name = utsname()
    uname(&name)
    let kernel = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    return "\(cpu), Linux \(kernel)"
}
