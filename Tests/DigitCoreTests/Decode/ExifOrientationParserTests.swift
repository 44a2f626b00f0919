import Testing
@testable import DigitCore

@Suite struct ExifOrientationParserTests {
    /// "Exif\0\0" + TIFF header + IFD0 holding `entries` (tag, type, count, value as 4 bytes).
    static func payload(bigEndian: Bool, entries: [(tag: Int, type: Int, count: Int, value: [UInt8])],
                        ifdOffset: Int = 8) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        var tiff: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        tiff += u16(42) + u32(ifdOffset)
        tiff += [UInt8](repeating: 0, count: max(0, ifdOffset - 8))
        tiff += u16(entries.count)
        for e in entries { tiff += u16(e.tag) + u16(e.type) + u32(e.count) + e.value }
        tiff += u32(0)
        return Array("Exif".utf8) + [0, 0] + tiff
    }

    static func orientationEntry(_ value: Int, bigEndian: Bool) -> (tag: Int, type: Int, count: Int, value: [UInt8]) {
        (0x0112, 3, 1, bigEndian ? [0, UInt8(value), 0, 0] : [UInt8(value), 0, 0, 0])
    }

    @Test(arguments: [false, true])
    func readsEveryOrientationInBothByteOrders(_ bigEndian: Bool) {
        for value in 1...8 {
            let bytes = Self.payload(bigEndian: bigEndian, entries: [
                (0x010F, 2, 20, [0, 0, 0, 100]),  // Make, stored elsewhere: skipped
                Self.orientationEntry(value, bigEndian: bigEndian),
            ])
            #expect(exifOrientation(inExifPayload: bytes)?.rawValue == value)
        }
    }

    @Test func followsTheIFDOffset() {
        let bytes = Self.payload(bigEndian: true, entries: [Self.orientationEntry(6, bigEndian: true)], ifdOffset: 30)
        #expect(exifOrientation(inExifPayload: bytes) == .right)
    }

    @Test func refusesValuesOutsideOneToEight() {
        for value in [0, 9, 255] {
            #expect(exifOrientation(inExifPayload: Self.payload(bigEndian: false, entries: [Self.orientationEntry(value, bigEndian: false)])) == nil)
        }
    }

    @Test func refusesMalformedPayloads() {
        let good = Self.payload(bigEndian: false, entries: [Self.orientationEntry(3, bigEndian: false)])
        #expect(exifOrientation(inExifPayload: good) == .down)
        #expect(exifOrientation(inExifPayload: []) == nil)
        #expect(exifOrientation(inExifPayload: Array("Exif".utf8)) == nil)
        #expect(exifOrientation(inExifPayload: Array("JFIF\0\0II*\0\u{8}\0\0\0".utf8)) == nil)
        var badOrder = good; badOrder[6] = 0x58; badOrder[7] = 0x58
        #expect(exifOrientation(inExifPayload: badOrder) == nil)
        var badMagic = good; badMagic[8] = 43
        #expect(exifOrientation(inExifPayload: badMagic) == nil)
        var farOffset = good; farOffset[10] = 0xFF; farOffset[11] = 0xFF; farOffset[12] = 0xFF; farOffset[13] = 0x7F
        #expect(exifOrientation(inExifPayload: farOffset) == nil)
        var wrongType = Self.payload(bigEndian: false, entries: [(0x0112, 4, 1, [3, 0, 0, 0])])
        #expect(exifOrientation(inExifPayload: wrongType) == nil)
        wrongType = Self.payload(bigEndian: false, entries: [(0x0112, 3, 2, [3, 0, 0, 0])])
        #expect(exifOrientation(inExifPayload: wrongType) == nil)
        // Cut anywhere: never a crash, and no orientation unless the entry is whole.
        for length in 0..<good.count - 4 {
            let cut = Array(good.prefix(length))
            #expect(exifOrientation(inExifPayload: cut) == nil || length >= good.count - 6)
        }
    }

    /// An entry count claiming 65535 entries in a short payload ends at the data's end.
    @Test func hugeEntryCountStopsAtTheEnd() {
        var bytes = Self.payload(bigEndian: false, entries: [(0x010F, 2, 1, [0, 0, 0, 0])])
        bytes[14] = 0xFF; bytes[15] = 0xFF
        #expect(exifOrientation(inExifPayload: bytes) == nil)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        var found = 0
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 80)
            var bytes = Array("Exif".utf8) + [0, 0] + (generator.next() % 2 == 0 ? [0x49, 0x49, 42, 0] : [0x4D, 0x4D, 0, 42])
            for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
            if let orientation = exifOrientation(inExifPayload: bytes) {
                #expect((1...8).contains(orientation.rawValue))
                found += 1
            }
        }
        #expect(found < 2_000)
    }
}
