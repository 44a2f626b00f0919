/// The Orientation tag of a JPEG's APP1 Exif payload (starting with `"Exif\0\0"`, then a
/// TIFF header in either byte order), or `nil` when the payload is missing, malformed,
/// or holds no valid orientation (1…8). Every offset is bounds-checked: garbage in gives
/// `nil`, never a crash.
public func exifOrientation(inExifPayload payload: [UInt8]) -> ExifOrientation? {
    let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]  // "Exif\0\0"
    guard payload.starts(with: exifHeader) else { return nil }
    let tiff = Array(payload.dropFirst(exifHeader.count))
    guard tiff.count >= 8 else { return nil }

    let littleEndian: Bool
    switch (tiff[0], tiff[1]) {
    case (0x49, 0x49): littleEndian = true   // "II"
    case (0x4D, 0x4D): littleEndian = false  // "MM"
    default: return nil
    }
    func u16(_ at: Int) -> Int? {
        guard at >= 0, at + 2 <= tiff.count else { return nil }
        let a = Int(tiff[at]), b = Int(tiff[at + 1])
        return littleEndian ? a | b << 8 : a << 8 | b
    }
    func u32(_ at: Int) -> Int? {
        guard let low = u16(littleEndian ? at : at + 2), let high = u16(littleEndian ? at + 2 : at) else { return nil }
        return high << 16 | low
    }
    guard u16(2) == 42, let ifd0 = u32(4), let entryCount = u16(ifd0) else { return nil }

    let orientationTag = 0x0112, typeShort = 3
    for index in 0..<entryCount {
        let entry = ifd0 + 2 + 12 * index
        guard let tag = u16(entry), let type = u16(entry + 2), let count = u32(entry + 4) else { return nil }
        guard tag == orientationTag else { continue }
        // A SHORT with count 1 sits in the first two bytes of the value field.
        guard type == typeShort, count == 1, let value = u16(entry + 8) else { return nil }
        return ExifOrientation(rawValue: value)
    }
    return nil
}
