import DigitTestSupport
import Testing
@testable import DigitCore

/// `TouchingDigitSplitter.bestCut`'s shortcuts (stop at a near-certain cut; skip a cut whose left
/// side alone already scores below the best) against the plain search that reads every cut, on
/// touching pairs built here from MNIST test digits (see `NumberPictures`).
@Suite(.enabled(if: NumberPictures.mnistTestsRun, "\(TestMNIST.skipReason)"))
struct TouchingDigitSplitterTests {
    typealias P = NumberPictures

    init() throws {
        try #require(P.testSet != nil, "MNIST test set not readable at \(TestMNIST.directory)")
        try #require(P.model != nil, "no bundled model")
        try #require(P.exemplars.count == 10, "an exemplar digit is misread by the bundled model (NumberPictures.exemplarIndices)")
    }

    /// Pairs written touching or overlapping (gap in px, negative: overlap).
    static let pairs: [(digits: [Int], gap: Int)] = [
        ([3, 0], -3), ([4, 9], -3), ([1, 6], -4), ([2, 8], -2), ([5, 7], -4), ([6, 3], -3), ([9, 4], -5), ([7, 2], -3),
    ]

    @Test(arguments: 0..<pairs.count)
    func theShortcutsFindACutAsGoodAsReadingEveryCut(index: Int) throws {
        let (digits, gap) = Self.pairs[index]
        var picture = P.Page(width: 200, height: 90)
        picture.write(digits, x: 30, baseline: 66, gaps: [gap])
        let page = cleanPage(picture.gray)
        let lines = segmentDigits(page.components, width: page.cleaned.width, height: page.cleaned.height)
        let pair = try #require(lines.flatMap { $0 }.max { $0.boxWidth < $1.boxWidth })

        var readsFast = 0, readsAll = 0
        let fast = TouchingDigitSplitter(lines: lines, page: page) { readsFast += 1; return P.model!.predict($0) }
        var every = TouchingDigitSplitter(lines: lines, page: page) { readsAll += 1; return P.model!.predict($0) }
        every.readsEveryCut = true
        let quick = fast.bestCut(of: NumberRegion(pair)), plain = every.bestCut(of: NumberRegion(pair))

        #expect((quick == nil) == (plain == nil))
        if let quick, let plain {
            // The plain search finds the best; the shortcuts stop only within certainCutScore of perfect.
            #expect(quick.score <= plain.score)
            #expect(quick.score >= plain.score - abs(certainCutScore), "\(quick.score) vs \(plain.score)")
        }
        #expect(readsFast <= readsAll)
    }

    @Test func theShortcutsReadFewerCutsOverThePairs() throws {
        var readsFast = 0, readsAll = 0
        for (digits, gap) in Self.pairs {
            var picture = P.Page(width: 200, height: 90)
            picture.write(digits, x: 30, baseline: 66, gaps: [gap])
            let page = cleanPage(picture.gray)
            let lines = segmentDigits(page.components, width: page.cleaned.width, height: page.cleaned.height)
            guard let pair = lines.flatMap({ $0 }).max(by: { $0.boxWidth < $1.boxWidth }) else { continue }
            let fast = TouchingDigitSplitter(lines: lines, page: page) { readsFast += 1; return P.model!.predict($0) }
            var every = TouchingDigitSplitter(lines: lines, page: page) { readsAll += 1; return P.model!.predict($0) }
            every.readsEveryCut = true
            _ = fast.bestCut(of: NumberRegion(pair))
            _ = every.bestCut(of: NumberRegion(pair))
        }
        #expect(readsAll > 0)
        #expect(readsFast * 3 <= readsAll * 2, "the shortcuts read \(readsFast) sides, the plain search \(readsAll)")
    }
}
