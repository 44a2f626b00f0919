import FuzzCheck

/// Every input goes to the JPEG decoder.
func fuzzJPEG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkDecode(data, size, signature: [0xFF, 0xD8, 0xFF])
    return 0
}

/// The entry point SwiftPM links as `main` for this target.
@_cdecl("fuzz_jpeg_main")
func fuzzJPEGMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in fuzzJPEG(data, size) }
}
