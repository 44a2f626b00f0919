import Testing
@testable import DigitCore

@Suite struct PNGChunkCheckTests {
    /// One chunk: length, type, data, CRC (a dummy CRC: only libpng checks CRCs).
    static func chunk(_ type: String, _ data: [UInt8] = [], length: Int? = nil) -> [UInt8] {
        let n = length ?? data.count
        return [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let ihdr = chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])

    /// Spliced into a real fixture, text/ICC/private chunks are dropped and the pixels are unchanged.
    @Test func dropsChunksThatDoNotDecidePixels() throws {
        let original = try Fixtures.bytes("png/rgb-8.png")
        let ihdrEnd = 8 + 12 + 13
        let extras = Self.chunk("tEXt", Array("Comment\0hello".utf8)) + Self.chunk("zTXt", [1, 2, 3])
            + Self.chunk("iCCP", [9, 9]) + Self.chunk("prVt", [7])
        let padded = Array(original[..<ihdrEnd]) + extras + Array(original[ihdrEnd...]) + Array("trailing junk".utf8)
        #expect(try pngChunksForDecoding(padded) == original)
        #expect(try decodeImage(bytes: padded).image == decodeImage(bytes: original).image)
    }

    @Test func keepsUnknownCriticalChunksSoLibpngRefusesThem() throws {
        let bytes = Self.signature + Self.ihdr + Self.chunk("ABCD", [1]) + Self.chunk("IEND")
        #expect(try pngChunksForDecoding(bytes) == bytes)
    }

    @Test func chunkLongerThanTheFileIsTruncatedBeforeAllocating() throws {
        let bytes = Self.signature + Self.ihdr + Self.chunk("iTXt", [1, 2, 3], length: 2_000_000_000)
        #expect(throws: DecodeError.truncated(format: .png, message: "iTXt chunk claims 2000000000 bytes, only 3 remain")) {
            try pngChunksForDecoding(bytes)
        }
    }

    /// The input the fuzzer found (fixtures/bad/fuzz-png-itxt-claims-2gb.png): refused up front.
    @Test func fuzzerFindingIsRefusedUpFront() throws {
        let bytes = try Fixtures.bytes("bad/fuzz-png-itxt-claims-2gb.png")
        let error = try #require(throws: DecodeError.self) { try decodeImage(bytes: bytes) }
        guard case .truncated(.png, let message) = error else {
            Issue.record("expected truncated PNG, got \(error)")
            return
        }
        #expect(message.contains("iTXt") && message.contains("2027552772"))
    }

    @Test func layoutErrorsAreNamed() {
        #expect(throws: DecodeError.corrupt(format: .png, message: "first chunk is IDAT, not IHDR")) {
            try pngChunksForDecoding(Self.signature + Self.chunk("IDAT", [1]) + Self.chunk("IEND"))
        }
        #expect(throws: DecodeError.corrupt(format: .png, message: "invalid chunk type at byte 12")) {
            try pngChunksForDecoding(Self.signature + Self.chunk("IH1R", [1]))
        }
        #expect(throws: DecodeError.truncated(format: .png, message: "the file ends before its IEND chunk")) {
            try pngChunksForDecoding(Self.signature + Self.ihdr)
        }
        #expect(throws: DecodeError.corrupt(format: .png, message: "IDAT chunk length 4294967295 out of range")) {
            try pngChunksForDecoding(Self.signature + Self.ihdr + Self.chunk("IDAT", length: 0xFFFF_FFFF))
        }
    }
}
