// swift-tools-version:6.0
// Benchmarks for `digit`, kept out of the main package so `swift test` never builds them.
// Run from this folder, always in release: `swift run -c release <name> [options]`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let digitCore: Target.Dependency = .product(name: "DigitCore", package: root)

let package = Package(
    name: "digit-bench",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Generators shared by the benchmarks: seeded random streams, synthetic photos of MNIST digits.
        .target(name: "BenchSupport", dependencies: [digitCore], path: "BenchSupport"),
        // Decode speed: a 4000×3000 JPEG with DCT scaling and a 28×28 PNG, beside `djpeg -scale 1/8`.
        .executableTarget(name: "decode-bench", dependencies: [digitCore], path: "decode"),
        // Preprocessing fidelity: MNIST test digits rendered as synthetic photos vs the originals.
        .executableTarget(name: "fidelity", dependencies: [digitCore, "BenchSupport"], path: "fidelity"),
        // Training speed and accuracy, beside scikit-learn's LogisticRegression.
        .executableTarget(name: "train-bench", dependencies: [digitCore], path: "train"),
        // `digit recognize` throughput on photos and small PNGs, beside a Pillow+NumPy pipeline.
        .executableTarget(name: "recognize-bench", dependencies: [digitCore], path: "recognize",
                         exclude: ["python_pipeline.py"]),
        // Accuracy and "no digit found" per category of real-looking images (MNIST identity PNGs and
        // odd encodings, small and low-resolution digits, felt-tip, scans with form boxes, photos,
        // fonts, blank pages), for `digit` and the Python pipeline on the same files.
        .executableTarget(name: "realworld", dependencies: [digitCore, "BenchSupport"], path: "realworld",
                         exclude: ["render_fonts.py"]),
    ],
    swiftLanguageModes: [.v5]
)
