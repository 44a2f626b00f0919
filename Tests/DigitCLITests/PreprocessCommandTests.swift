import Foundation
import Testing
import DigitCore

/// `digit preprocess` end to end on pictures the tests draw.
@Suite struct PreprocessCommandTests {
    /// A 160×120 photo-like PNG: a dark ring ("0") on light paper, off-centre.
    static func ringPhoto() throws -> [UInt8] {
        var image = GrayImage(width: 160, height: 120, filledWith: 225)
        for y in 0..<120 {
            for x in 0..<160 {
                let dx = (Float(x) - 60) / 16, dy = (Float(y) - 55) / 28
                let distance = abs((dx * dx + dy * dy).squareRoot() - 1) * 16
                if distance < 3 { image[x, y] = 30 }
            }
        }
        return try encodePNG(image)
    }

    @Test func writesThe28x28AndEveryStage() throws {
        let folder = try CLIFixtures.temporaryFolder("preprocess")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFileAtomically(try Self.ringPhoto(), to: folder + "/ring.png")
        let result = try DigitBinary.run(["preprocess", folder + "/ring.png", "-o", folder + "/seen.png",
                                          "--scale", "4", "--steps", folder + "/steps"])
        #expect(result.status == 0, "\(result.stderr)")
        let seen = try decodeImage(bytes: readImageFile(atPath: folder + "/seen.png")).image
        #expect(seen.width == 112 && seen.height == 112)
        // White ink on black, like MNIST: the ring's centre is dark, its left side bright.
        #expect(seen[56, 56] < 60)
        #expect(seen.luma.max()! > 200 && seen[0, 0] == 0)
        let steps = try FileManager.default.contentsOfDirectory(atPath: folder + "/steps")
        #expect(steps.contains("1-gray.png"))
        #expect(steps.count >= 8)
        let last = steps.max { Int($0.split(separator: "-")[0])! < Int($1.split(separator: "-")[0])! }!
        let final = try decodeImage(bytes: readImageFile(atPath: folder + "/steps/" + last)).image
        #expect(final.width == 28 && final.height == 28)
    }

    @Test func aBlankPageSaysNoDigitFoundAndWritesNothing() throws {
        let folder = try CLIFixtures.temporaryFolder("preprocess-blank")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFileAtomically(try encodePNG(GrayImage(width: 80, height: 60, filledWith: 240)), to: folder + "/blank.png")
        let result = try DigitBinary.run(["preprocess", folder + "/blank.png", "-o", folder + "/seen.png"])
        #expect(result.status == 1)
        #expect(result.stderr == folder + "/blank.png: \(noDigitFoundWarning)\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/seen.png"))
    }

    @Test func unreadableFilesGiveOneLineNamingTheFile() throws {
        let folder = try CLIFixtures.temporaryFolder("preprocess-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFileAtomically(Array("not an image".utf8), to: folder + "/text.png")
        for path in [folder + "/text.png", folder + "/missing.jpg"] {
            let result = try DigitBinary.run(["preprocess", path, "-o", folder + "/seen.png"])
            expectRuntimeFailure(result)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix(path + ": "), "\(result.stderr)")
        }
    }

    @Test func helpHasAnExample() throws {
        let result = try DigitBinary.run(["preprocess", "--help"])
        #expect(result.status == 0)
        for text in ["--output", "--scale", "--steps", "digit preprocess photo.jpg -o seen.png"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test func badScaleIsRefused() throws {
        let result = try DigitBinary.run(["preprocess", "x.png", "-o", "y.png", "--scale", "0"])
        expectUsageError(result)
        #expect(result.stderr.contains("--scale"))
    }
}
