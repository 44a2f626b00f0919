import Testing
@testable import DigitCore

@Suite struct ImageFormatTests {
    @Test func recognisesPNGAndJPEGByMagic() {
        #expect(ImageFormat(magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageFormat(magic: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat(magic: Array("GIF89a".utf8)) == nil)
        #expect(ImageFormat(magic: [UInt8]()) == nil)
    }

    @Test func pngRoundTripKeepsPixels() throws {
        var image = GrayImage(width: 5, height: 3, filledWith: 200)
        image[4, 2] = 7
        let decoded = try decodeImage(bytes: try encodePNG(image))
        #expect(decoded.format == .png)
        #expect(decoded.image == image)
    }
}
