import Testing
@testable import DigitCore

/// The optimised preprocessing kernels against plain references (the earlier straightforward
/// code, kept here): results must be bit-identical, so the bundled weights stay valid.
@Suite struct FastKernelTests {
    /// A photo-like page: lighting gradient, a ring and a stroke, ruled lines, noise.
    static func page(width: Int, height: Int, seed: UInt64) -> FloatImage {
        var canvas = Canvas(width: width, height: height, left: 0.92, right: 0.45)
        canvas.ruledLines(first: 7, spacing: 23, width: 2, ink: 0.55)
        canvas.ring(cx: Float(width) * 0.45, cy: Float(height) * 0.5, rx: Float(width) / 9, ry: Float(height) / 4,
                    width: 4, ink: 0.1)
        canvas.stroke(Float(width) * 0.7, Float(height) * 0.2, Float(width) * 0.75, Float(height) * 0.8,
                      width: 3, ink: 0.15)
        canvas.addNoise(sigma: 0.03, seed: seed)
        return canvas.image
    }

    static let sizes = [(401, 299, UInt64(1)), (300, 400, UInt64(2)), (130, 97, UInt64(3)), (37, 23, UInt64(4))]

    @Test func downsampleMatchesItsReference() {
        for (w, h, seed) in Self.sizes {
            let image = Self.page(width: w, height: h, seed: seed)
            for factor in [2, 3, 4, 7] {
                #expect(downsample(image, by: factor) == downsampleReference(image, by: factor), "\(w)×\(h) by \(factor)")
            }
        }
    }

    @Test func backgroundMatchesItsReference() {
        for (w, h, seed) in Self.sizes {
            let bright = normalisePolarity(Self.page(width: w, height: h, seed: seed))
            let fast = estimateBackground(bright), reference = estimateBackgroundReference(bright)
            #expect(fast == reference, "\(w)×\(h)")
            #expect(fast.pixels.contains { $0 > 0 }, "a background was found")
        }
    }

    @Test func inkMaskAndPolarityMatchPlainMaps() {
        let image = Self.page(width: 53, height: 41, seed: 5)
        let mask = inkMask(image, above: 0.5)
        #expect(mask.bits == image.pixels.map { $0 > 0.5 })
        #expect(mask.bits.contains(true) && mask.bits.contains(false))
        #expect(inkIsDark(image))
        #expect(normalisePolarity(image).pixels == image.pixels.map { 1 - $0 })
    }

    @Test func workingImageAtFactorOneMatchesTheGeneralLoop() {
        let gray = Canvas(width: 61, height: 45, left: 0.1, right: 0.9).gray
        let fast = toWorkingImage(gray)
        #expect(fast.width == 61 && fast.height == 45)
        for i in 0..<gray.luma.count { #expect(fast.pixels[i] == Float(Int(gray.luma[i])) * (1 / 255)) }
    }

    @Test func workingImageAtFactorTwoMatchesPlainBlockAverages() {
        // Odd sides: the last column and row are dropped, as by the general loop.
        let gray = Canvas(width: 61, height: 45, left: 0.1, right: 0.9).gray
        let fast = toWorkingImage(gray, factor: 2)
        #expect(fast.width == 30 && fast.height == 22)
        for y in 0..<22 {
            for x in 0..<30 {
                let sum = Int(gray[2 * x, 2 * y]) + Int(gray[2 * x + 1, 2 * y])
                    + Int(gray[2 * x, 2 * y + 1]) + Int(gray[2 * x + 1, 2 * y + 1])
                #expect(fast[x, y] == Float(sum) * (1 / (255 * 4)), "(\(x), \(y))")
            }
        }
    }
}

// MARK: - References: the straightforward versions the fast kernels replaced (tests only).

/// Plain reference for `estimateBackground`.
func estimateBackgroundReference(_ image: FloatImage) -> FloatImage {
    let factor = coarseFactor(width: image.width, height: image.height)
    let small = downsampleReference(image, by: factor)
    let window = backgroundWindow(width: small.width, height: small.height)
    let centresX = windowCentres(length: small.width, window: window)
    let centresY = windowCentres(length: small.height, window: window)
    let rough = referenceWindowLevels(small, centresX, centresY, spanX: windowSpan(length: small.width, window: window),
                                      spanY: windowSpan(length: small.height, window: window)) { values, _ in
        quantile(referenceHistogram(values), 0.25)
    }
    let roughImage = referenceInterpolateLevels(rough, centresX, centresY, width: small.width, height: small.height,
                                                factor: 1)
    var levels = referenceWindowLevels(small, centresX, centresY, spanX: windowSpan(length: small.width, window: window),
                                      spanY: windowSpan(length: small.height, window: window)) { values, indices in
        var paper: [Float] = []
        for (k, v) in values.enumerated() where v <= roughImage.pixels[indices[k]] + 0.08 { paper.append(v) }
        return paper.count * 10 >= values.count
            ? quantile(referenceHistogram(paper), 0.5) : quantile(referenceHistogram(values), 0.25)
    }
    let ceiling = (levels.min() ?? 0) + maximumLightingSpread
    levels = levels.map { min($0, ceiling) }
    return referenceInterpolateLevels(levels, centresX, centresY, width: image.width, height: image.height,
                                      factor: factor)
}

private func referenceHistogram(_ values: [Float]) -> [Int] {
    var counts = [Int](repeating: 0, count: histogramBins)
    let top = Float(histogramBins - 1)
    for v in values { counts[Int(min(1, max(0, v)) * top + 0.5)] += 1 }
    return counts
}

private func referenceWindowLevels(_ image: FloatImage, _ centresX: [Float], _ centresY: [Float], spanX: Int, spanY: Int,
                                   level: ([Float], [Int]) -> Float) -> [Float] {
    var levels: [Float] = []
    for cy in centresY {
        for cx in centresX {
            var values: [Float] = [], indices: [Int] = []
            let x0 = max(0, Int(cx) - spanX / 2), x1 = min(image.width, Int(cx) + (spanX + 1) / 2)
            let y0 = max(0, Int(cy) - spanY / 2), y1 = min(image.height, Int(cy) + (spanY + 1) / 2)
            for y in y0..<y1 {
                for x in x0..<x1 { values.append(image.pixels[y * image.width + x]); indices.append(y * image.width + x) }
            }
            levels.append(level(values, indices))
        }
    }
    return levels
}

private func referenceInterpolateLevels(_ levels: [Float], _ centresX: [Float], _ centresY: [Float],
                                        width: Int, height: Int, factor: Int) -> FloatImage {
    var out = FloatImage(width: width, height: height)
    let offset = Float(factor - 1) / 2, inverse = 1 / Float(factor)
    let n = centresX.count
    for y in 0..<height {
        let (j, fy) = segment(in: centresY, at: (Float(y) - offset) * inverse)
        let j1 = min(j + 1, centresY.count - 1)
        for x in 0..<width {
            let (i, fx) = segment(in: centresX, at: (Float(x) - offset) * inverse)
            let i1 = min(i + 1, n - 1)
            let top = levels[j * n + i] * (1 - fx) + levels[j * n + i1] * fx
            let bottom = levels[j1 * n + i] * (1 - fx) + levels[j1 * n + i1] * fx
            out[x, y] = min(1, max(0, top * (1 - fy) + bottom * fy))
        }
    }
    return out
}
