import Foundation
import Testing
@testable import DigitCore

/// A hand's or a phone's shadow across the page is not ink (`isShadowEdge`). Every picture is
/// drawn by the test.
@Suite struct ShadowEdgeTests {
    /// Paper (0.88) darkened by `depth` inside a disc of `radius` px centred at (cx, cy), its edge
    /// spread over `soft` px; `write` draws on it first. Light noise.
    static func shadowedPage(width: Int = 320, height: Int = 240, cx: Float, cy: Float, radius: Float,
                             depth: Float = 0.3, soft: Float = 12, seed: UInt64 = 7,
                             write: (inout Canvas) -> Void = { _ in }) -> Canvas {
        var page = Canvas(width: width, height: height, paper: 0.88)
        write(&page)
        for y in 0..<height {
            for x in 0..<width {
                let d = hypotf(Float(x) - cx, Float(y) - cy)
                let inside = min(1, max(0, (radius - d) / soft))
                page.image[x, y] *= 1 - depth * inside
            }
        }
        page.addNoise(sigma: 0.01, seed: seed)
        return page
    }

    @Test(arguments: [(Float(330), Float(40), Float(170)), (250, 120, 110), (300, 120, 130)])
    func aShadowAcrossAnEmptyPageIsNotADigit(cx: Float, cy: Float, radius: Float) {
        // The old reading took the shadowed paper along the rim, left by the lighting's division,
        // for a stroke: a 1 each time. (Still read as a digit: a shadow whose rim cuts off a
        // corner with little shadow beyond it, and a round shadow wholly inside the frame, whose
        // rim is read as a 0.)
        let page = Self.shadowedPage(cx: cx, cy: cy, radius: radius)
        #expect(preprocess(page.gray).digit == nil)
    }

    @Test func aDigitBesideAShadowIsStillRead() throws {
        let page = Self.shadowedPage(cx: 330, cy: 40, radius: 120) { PaperSheetTests.seven(&$0, cx: 120, cy: 130) }
        let digit = try #require(preprocess(page.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test func aDigitInsideAShadowIsStillRead() throws {
        // The whole digit in the shadow: its ring is shadowed paper, lighter than the ink.
        let page = Self.shadowedPage(cx: 150, cy: 120, radius: 110) { PaperSheetTests.seven(&$0, cx: 150, cy: 120) }
        let digit = try #require(preprocess(page.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test func aBlurredStrokeIsNotAShadowsEdge() throws {
        // A 0 blurred far beyond its pen: its halo fades within two of its stroke widths.
        var page = Canvas(width: 200, height: 200, paper: 0.9)
        page.ring(cx: 100, cy: 100, rx: 35, ry: 55, width: 8, ink: 0.25)
        var blurred = page.image
        for _ in 0..<4 { blurred = boxBlur(blurred, radius: 3) }
        page.image = blurred
        page.addNoise(sigma: 0.01, seed: 9)
        let digit = try #require(preprocess(page.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 0)
    }
}

/// A hand's shadow falling across a sheet photographed on a desk, from past the sheet's edge
/// (`runsIntoFrameEdge`): the band it leaves runs into the sheet's cut.
@Suite struct ShadowAcrossASheetTests {
    /// `PaperSheetTests.sheetOnDesk` (320×240), then a shadow over photo and sheet alike: a disc of
    /// `radius` px at (cx, cy) darkening by `depth`, its edge spread over a tenth of its radius.
    static func shadowedSheet(cx: Float, cy: Float, radius: Float, depth: Float = 0.3,
                              write: (inout Canvas) -> Void = { _ in }) -> Canvas {
        var photo = PaperSheetTests.sheetOnDesk(write: write)
        for y in 0..<photo.image.height {
            for x in 0..<photo.image.width {
                let d = hypotf(Float(x) - cx, Float(y) - cy)
                photo.image[x, y] *= 1 - depth * min(1, max(0, (radius - d) / (0.1 * radius)))
            }
        }
        return photo
    }

    @Test(arguments: [(Float(40), Float(40), Float(120)), (300, 230, 130)])
    func anEmptySheetUnderAShadowHasNoDigit(cx: Float, cy: Float, radius: Float) {
        // The shadow covers a corner of the sheet; the old reading took the band along its rim,
        // which runs into the sheet's edge, for a 2 and a 9.
        let photo = Self.shadowedSheet(cx: cx, cy: cy, radius: radius)
        #expect(paperSheet(photo.image) != nil)
        #expect(preprocess(photo.gray).digit == nil)
    }

    @Test(arguments: [(Float(40), Float(40), Float(120)), (60, 200, 140), (320, 118, 150), (100, 118, 110),
                      (165, 260, 150)])
    func aDigitOnASheetUnderADeepShadowIsRead(cx: Float, cy: Float, radius: Float) throws {
        // A shadow darkening by 45% over part of the sheet, its rim near or across the 7: divided by
        // the smooth background alone, the band along the rim joined the 7 or hid it (four read
        // nothing, one a 1); with the background raised to the shadow (`raisedToShadows`), all 7s.
        let photo = Self.shadowedSheet(cx: cx, cy: cy, radius: radius, depth: 0.45) {
            PaperSheetTests.seven(&$0, cx: 165, cy: 118)
        }
        let digit = try #require(preprocess(photo.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }

    @Test func aPencilDigitOnASheetUnderAShadowIsStillRead() throws {
        // A faint 7 (ink 0.55 on paper 0.86) on the sheet, clear of the shadow over its corner.
        let photo = Self.shadowedSheet(cx: 40, cy: 40, radius: 120) {
            $0.stroke(170, 120, 210, 118, width: 5, ink: 0.55)
            $0.stroke(210, 118, 186, 182, width: 5, ink: 0.55)
        }
        let digit = try #require(preprocess(photo.gray).digit)
        #expect(try Classifier.bundled().predict(digit).digit == 7)
    }
}
