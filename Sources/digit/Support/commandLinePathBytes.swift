import DigitCore
import Foundation

/// The bytes of the command-line argument `argument` came from. Swift decodes arguments as UTF-8,
/// replacing bytes that are not with U+FFFD, so a file name that is not UTF-8 would name no file;
/// this finds the raw argument whose decoding gives `argument` and returns its bytes.
func commandLinePathBytes(_ argument: String) -> PathBytes {
    guard argument.unicodeScalars.contains("\u{FFFD}") else { return PathBytes(argument) }
    for index in 1..<Int(CommandLine.argc) {
        guard let raw = CommandLine.unsafeArgv[index] else { continue }
        let bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
        if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument {
            return PathBytes(bytes: bytes)
        }
    }
    return PathBytes(argument)
}
