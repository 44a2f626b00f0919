import Testing
@testable import DigitCore

@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var expected: @Sendable (DecodeError) -> Bool
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "bad/empty.png") { $0 == .empty },
        Case(file: "bad/text.png") { $0 == .unrecognisedFormat },
        Case(file: "bad/random.png") { $0 == .unrecognisedFormat },
        Case(file: "bad/gif.png") { $0 == .unsupportedFormat(name: "GIF") },
        Case(file: "bad/png-cut-mid-idat.png") { if case .truncated(.png, _) = $0 { true } else { false } },
        Case(file: "bad/jpeg-cut-mid-scan.jpg") { if case .truncated(.jpeg, _) = $0 { true } else { false } },
        Case(file: "bad/progressive-cut-mid-scan.jpg") { if case .truncated(.jpeg, _) = $0 { true } else { false } },
        Case(file: "bad/fuzz-png-itxt-claims-2gb.png") { if case .truncated(.png, _) = $0 { true } else { false } },
        Case(file: "bad/png-bad-crc.png") { if case .corrupt(.png, let m) = $0 { m.lowercased().contains("crc") } else { false } },
        Case(file: "bad/png-signature-then-garbage.png") { if case .corrupt(.png, _) = $0 { true } else { false } },
        Case(file: "bad/jpeg-soi-then-garbage.jpg") {
            switch $0 { case .corrupt(.jpeg, _), .truncated(.jpeg, _): true; default: false }
        },
        Case(file: "bad/jpeg-631-scans.jpg") { if case .corrupt(.jpeg, let m) = $0 { m.contains("500") } else { false } },
        Case(file: "bad/png-huge-header.png") { $0 == .tooLarge(width: 100_000, height: 100_000, limit: 100_000_000) },
        Case(file: "bad/jpeg-huge-header.jpg") { $0 == .tooLarge(width: 60_000, height: 60_000, limit: 100_000_000) },
    ]

    @Test(arguments: cases)
    func eachBadFileGetsItsOneLineReason(_ c: Case) throws {
        let bytes = try Fixtures.bytes(c.file)
        let error = try #require(throws: DecodeError.self) { try decodeImage(bytes: bytes) }
        #expect(c.expected(error), "got: \(error)")
        #expect(!error.description.isEmpty)
        #expect(!error.description.contains("\n") && !error.description.contains("\r"), "\(error.description)")
    }

    /// The limit is checked against the header, for both formats: just above refuses, at the limit decodes.
    @Test func aCodecMessageEndsAtItsFirstNul() {
        // What a C wrapper leaves in its message buffer: the text, a NUL, then whatever was there.
        let buffer = Array("Corrupt JPEG data".utf8CString) + [65, 66, 0, 0]
        #expect(messageText(buffer) == "Corrupt JPEG data")
        #expect(messageText([CChar](repeating: 0, count: 8)) == "")
        #expect(messageText([72, 105]) == "Hi", "no NUL: the whole buffer")
    }

    @Test func pixelLimitIsEnforcedForBothFormats() throws {
        let image = GrayImage(width: 100, height: 50, filledWith: 128)
        for bytes in [try encodePNG(image), try encodeJPEG(image)] {
            #expect(throws: DecodeError.tooLarge(width: 100, height: 50, limit: 4_999)) {
                try decodeImage(bytes: bytes, options: DecodeOptions(maxPixels: 4_999))
            }
            #expect(try decodeImage(bytes: bytes, options: DecodeOptions(maxPixels: 5_000)).image.width == 100)
        }
    }

    @Test func everyDescriptionIsOneLine() {
        let errors: [DecodeError] = [
            .empty, .unrecognisedFormat, .unsupportedFormat(name: "GIF"),
            .tooLarge(width: 1, height: 2, limit: 3),
            .truncated(format: .png, message: "out of\ndata"),
            .corrupt(format: .jpeg, message: "bad\r\nthing.\n"),
            .corrupt(format: .jpeg, message: ""),
        ]
        for error in errors {
            #expect(!error.description.contains { $0.isNewline }, "\(error.description)")
        }
        #expect(DecodeError.corrupt(format: .jpeg, message: "bad\r\nthing.\n").description == "damaged JPEG data: bad  thing")
    }

    /// Every fixture prefix of a good file is refused or decoded; never a crash.
    @Test func everyCutOfAGoodFileIsHandled() throws {
        for file in ["png/rgba-16-adam7.png", "jpeg/progressive-ycbcr.jpg", "orientation/orient-6.jpg"] {
            let bytes = try Fixtures.bytes(file)
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                _ = try? decodeImage(bytes: Array(bytes.prefix(length)))
            }
            #expect(throws: DecodeError.self) { try decodeImage(bytes: Array(bytes.prefix(bytes.count / 2))) }
        }
    }
}

@Suite struct OtherFormatTests {
    /// Other image formats are named in the error, so the user knows to convert.
    @Test func namesCommonFormatsDigitDoesNotRead() {
        let bmp: [UInt8] = Array("BM".utf8) + [UInt8](repeating: 0, count: 12) + [40, 0, 0, 0] + [UInt8](repeating: 0, count: 20)
        let webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)
        let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0]
        let tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]
        #expect(throws: DecodeError.unsupportedFormat(name: "BMP")) { try decodeImage(bytes: bmp) }
        #expect(throws: DecodeError.unsupportedFormat(name: "WebP")) { try decodeImage(bytes: webp) }
        #expect(throws: DecodeError.unsupportedFormat(name: "HEIC")) { try decodeImage(bytes: heic) }
        #expect(throws: DecodeError.unsupportedFormat(name: "TIFF")) { try decodeImage(bytes: tiff) }
        // Text that merely starts with "BM" is not a BMP.
        #expect(throws: DecodeError.unrecognisedFormat) { try decodeImage(bytes: Array("BMW service report, spring".utf8)) }
    }
}
