/// The luma of one sRGB-encoded pixel: BT.601 Y' = 0.299 R' + 0.587 G' + 0.114 B',
/// rounded; the same weights libjpeg uses for a JPEG's Y channel, so the same picture
/// gives the same gray whether it was saved as PNG or JPEG. 0…255 in, 0…255 out.
@inline(__always)
func lumaFromRGB(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
    // Fixed point, weights × 2^16: 19595 + 38470 + 7471 = 65536.
    let sum = 19_595 * UInt32(red) + 38_470 * UInt32(green) + 7_471 * UInt32(blue) + 32_768
    return UInt8(truncatingIfNeeded: sum >> 16)
}
