import Foundation

extension RuledLine {
    /// The line moved onto its own ink in `mask` (the mask it was found in: rows across it, x
    /// along it). The slope search settles on one slope for the whole page, in quarter degrees at
    /// best, and keeps only the bins that are line in every quarter of the width; a box's side
    /// that spans the frame, or one of several lines tilted a little differently, then lies
    /// across the band at its ends, and painting the band leaves slivers of it behind, which
    /// break the rest of the box into pieces no longer seen as print. Here, at each column where
    /// the band holds ink, the run of ink through it (at most `longestRun` px: a stroke crossing
    /// the line is longer and is skipped) gives the line's centre and thickness; the
    /// least-squares line through those centres (fitted twice, the second time without the runs
    /// more than 1.5 px off the first), with the runs' median thickness (at most one pixel more
    /// each side than the band found) and one pixel each side for the anti-aliased edge, is the
    /// band painted. Kept as found when fewer than a quarter of the columns give a run, when the
    /// fit turns the line by more than 6° or beyond the search's 15.5°, or when the fitted line
    /// has no more runs centred on it (within 1.5 px) than the band found; on a tie, when it has
    /// no more centred within 0.75 px (a box's side cropped short: several slopes keep it inside the
    /// band, the search took the first, and its band drifts off the side at one end).
    func fittedToInk(_ mask: InkMask, longestRun: Int = 12) -> RuledLine {
        let runs = thinRuns(mask, longestRun: longestRun)
        guard runs.count * 4 >= mask.width, let first = leastSquaresLine(runs.map { ($0.t, $0.centre) }) else { return self }
        // Once more without the runs off that line by more than 1.5 px (a stroke lying along it).
        let onLine = runs.filter { abs($0.centre - (first.offset + first.slope * $0.t)) <= 1.5 }
        guard onLine.count * 4 >= mask.width, let fit = leastSquaresLine(onLine.map { ($0.t, $0.centre) }),
              abs(atan(fit.slope) - atan(slope)) <= 6 * Float.pi / 180,
              abs(atan(fit.slope)) <= 15.5 * Float.pi / 180 else { return self }
        // The median thickness (a stroke lying along the line thickens a few runs), but at most a
        // pixel more each side than the band found: a digit's stroke that spans a small frame may
        // have been taken for a line, and painting its whole width would erase it.
        let lengths = onLine.map(\.length).sorted()
        let halfBand = min((Float(lengths[lengths.count / 2]) - 1) / 2 + 1, (highOffset - lowOffset) / 2 + 1)
        let fitted = RuledLine(slope: fit.slope, lowOffset: fit.offset - halfBand, highOffset: fit.offset + halfBand)
        // Kept only when the fitted line runs through the line's ink in more columns than the band
        // found: on a noisy page a band of specks may hold a stretch of a digit's stroke, which a
        // fit would follow; that stroke runs with the band for a short way only.
        // On a tie (a short line: several slopes keep it within 1.5 px of the band), the one
        // centred on more of its runs, within half that.
        let fittedRuns = fitted.thinRuns(mask, longestRun: longestRun)
        let fittedCount = fitted.centredRunCount(fittedRuns), foundCount = centredRunCount(runs)
        if fittedCount == foundCount {
            return fitted.centredRunCount(fittedRuns, within: 0.75) > centredRunCount(runs, within: 0.75) ? fitted : self
        }
        return fittedCount > foundCount ? fitted : self
    }

    /// Per column of `mask` where the band (as painted, `inpaintHorizontalLines`) holds ink: the
    /// run of ink through it, when at most `longestRun` px (a stroke crossing the line is longer),
    /// as (x − the mask's centre, the run's centre row, its length).
    func thinRuns(_ mask: InkMask, longestRun: Int) -> [(t: Float, centre: Float, length: Int)] {
        let width = mask.width, height = mask.height
        let centre = Float(width) / 2
        var runs: [(t: Float, centre: Float, length: Int)] = []
        for x in 0..<width {
            let shift = slope * (Float(x) - centre)
            let top = max(0, Int((lowOffset + shift).rounded(.down)))
            let bottom = min(height - 1, Int((highOffset + shift).rounded(.up)))
            guard top <= bottom else { continue }
            var first = -1, last = -1
            for y in top...bottom where mask[x, y] {
                if first < 0 { first = y }
                last = y
            }
            guard first >= 0 else { continue }
            while first > 0 && mask[x, first - 1] { first -= 1 }
            while last < height - 1 && mask[x, last + 1] { last += 1 }
            let length = last - first + 1
            guard length <= longestRun else { continue }
            runs.append((Float(x) - centre, Float(first + last) / 2, length))
        }
        return runs
    }

    /// How many of `runs` (this band's `thinRuns`) are centred within `reach` px of its middle line.
    func centredRunCount(_ runs: [(t: Float, centre: Float, length: Int)], within reach: Float = 1.5) -> Int {
        let middle = (lowOffset + highOffset) / 2
        return runs.filter { abs($0.centre - (middle + slope * $0.t)) <= reach }.count
    }
}
