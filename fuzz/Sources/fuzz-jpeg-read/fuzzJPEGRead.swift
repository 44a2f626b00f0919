import FuzzCheck

/// Every input goes the whole way: JPEG decoder → preprocessing → classifier.
func fuzzJPEGRead(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkReadDigit(data, size, signature: [0xFF, 0xD8, 0xFF])
    return 0
}

/// The entry point SwiftPM links as `main` for this target.
@_cdecl("fuzz_jpeg_read_main")
func fuzzJPEGReadMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in fuzzJPEGRead(data, size) }
}
