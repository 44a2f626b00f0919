import FuzzCheck

/// Every input goes to the PNG decoder.
func fuzzPNG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkDecode(data, size, signature: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    return 0
}

/// The entry point SwiftPM links as `main` for this target.
@_cdecl("fuzz_png_main")
func fuzzPNGMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in fuzzPNG(data, size) }
}
