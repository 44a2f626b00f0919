/// The text a C codec wrapper wrote into `buffer` (a NUL-terminated message, as `digit_jpeg_decode`
/// and the other wrappers fill it): the bytes before the first NUL, as UTF-8 (invalid bytes
/// replaced).
func messageText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
