import FuzzCheck

/// Every input goes the whole way: PNG decoder → preprocessing → classifier.
func fuzzPNGRead(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkReadDigit(data, size, signature: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    return 0
}

/// The entry point SwiftPM links as `main` for this target.
@_cdecl("fuzz_png_read_main")
func fuzzPNGReadMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in fuzzPNGRead(data, size) }
}
