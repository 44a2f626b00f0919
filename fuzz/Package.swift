// swift-tools-version:6.0
// libFuzzer harnesses for the decoders, kept out of the main package so `swift build`
// and `swift test` never build them. Build and run through `./run.sh` (it adds the
// sanitizer flags); see README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let digitCore: Target.Dependency = .product(name: "DigitCore", package: root)

let package = Package(
    name: "digit-fuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // What every input must satisfy: a DecodedImage that holds together, or a DecodeError with a one-line reason.
        .target(name: "FuzzCheck", dependencies: [digitCore]),
        .executableTarget(name: "fuzz-png", dependencies: ["FuzzCheck"]),
        .executableTarget(name: "fuzz-jpeg", dependencies: ["FuzzCheck"]),
        // The whole path of `digit recognize` (readDigit → classify), not only the decoders.
        .executableTarget(name: "fuzz-png-read", dependencies: ["FuzzCheck"]),
        .executableTarget(name: "fuzz-jpeg-read", dependencies: ["FuzzCheck"]),
    ],
    swiftLanguageModes: [.v5]
)
