// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "digit",
    products: [
        .executable(name: "digit", targets: ["digit"]),
        .library(name: "DigitCore", targets: ["DigitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries, found through pkg-config (Debian: libpng-dev, libjpeg62-turbo-dev, zlib1g-dev).
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // glibc's mallopt, for the executable's allocator tuning (no library to link).
        .systemLibrary(name: "CMalloc"),
        // The one C target of our own: holds libjpeg's setjmp so no longjmp crosses into Swift.
        .target(
            name: "CJPEGShim",
            linkerSettings: [.linkedLibrary("jpeg")]),

        // Row-by-row PNG reading (libpng's classic API) for files too large to decode whole;
        // holds libpng's setjmp, as CJPEGShim does libjpeg's.
        .target(
            name: "CPNGShim",
            linkerSettings: [.linkedLibrary("png16")]),

        // The bundled models, compiled into the binary (so a copied `digit` still has them):
        // a C file that #embeds weights/*.dgw (much faster to compile than embedInCode).
        .target(
            name: "BundledWeights",
            path: "weights",
            exclude: ["README.md", "mnist-softmax.dgw", "mnist-mlp.dgw"],
            sources: ["BundledWeights.c"]),

        // The pipeline and the model: decode → preprocess → classify → report.
        .target(
            name: "DigitCore",
            dependencies: ["CPNG", "CZlib", "CJPEGShim", "CPNGShim", "BundledWeights"]),

        // The command-line tool: a thin ArgumentParser layer over DigitCore.
        .executableTarget(
            name: "digit",
            dependencies: [
                "DigitCore",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Helpers shared by both test targets (a CSV reader for checking output).
        .target(
            name: "DigitTestSupport",
            path: "Tests/DigitTestSupport"),
        .testTarget(
            name: "DigitCoreTests",
            dependencies: ["DigitCore", "DigitTestSupport"]),
        // Runs the real `digit` binary.
        .testTarget(
            name: "DigitCLITests",
            dependencies: ["digit", "DigitTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
