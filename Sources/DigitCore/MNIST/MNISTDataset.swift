import Foundation

/// MNIST's two parts.
public enum MNISTSplit: String, Sendable, CaseIterable {
    /// 60,000 digits (`train-*`).
    case training
    /// 10,000 digits (`t10k-*`), kept for the final report only.
    case test

    /// The file names' prefix: `train` or `t10k`.
    public var filePrefix: String { self == .training ? "train" : "t10k" }
    /// `train-images-idx3-ubyte` / `t10k-images-idx3-ubyte` (without `.gz`).
    public var imagesFileName: String { filePrefix + "-images-idx3-ubyte" }
    /// `train-labels-idx1-ubyte` / `t10k-labels-idx1-ubyte` (without `.gz`).
    public var labelsFileName: String { filePrefix + "-labels-idx1-ubyte" }

    /// The images file in `directory`: the `.gz` one if present, else the raw one, else `nil`.
    public func imagesPath(in directory: String) -> String? { existingPath(imagesFileName, in: directory) }
    /// The labels file in `directory`: the `.gz` one if present, else the raw one, else `nil`.
    public func labelsPath(in directory: String) -> String? { existingPath(labelsFileName, in: directory) }

    private func existingPath(_ name: String, in directory: String) -> String? {
        let base = (directory as NSString).appendingPathComponent(name)
        for candidate in [base + ".gz", base] where FileManager.default.isReadableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }
}

/// Why an MNIST split could not be loaded (besides `IDXError`s, which name the bad file).
public enum MNISTDatasetError: Error, Equatable, CustomStringConvertible {
    /// A file of the split is absent from `directory`.
    case missingFile(directory: String, name: String)
    /// The images and labels files hold different numbers of items.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label outside 0…9.
    case labelOutOfRange(path: String, index: Int, value: UInt8)

    public var description: String {
        switch self {
        case .missingFile(let directory, let name):
            return "\(directory): no \(name).gz (or \(name)) here. Run `digit train --download` to fetch MNIST, "
                + "or pass --data DIR / set DIGIT_MNIST_DIR to the folder holding the four MNIST files."
        case .countMismatch(let imagesPath, let images, let labelsPath, let labels):
            return "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels (files from different sets?)"
        case .labelOutOfRange(let path, let index, let value):
            return "\(path): label \(value) at item \(index) is not a digit 0…9 (corrupted file?)"
        }
    }
}

/// One MNIST split as stored: raw bytes, ink = 255, background = 0.
public struct MNISTDataset: Sendable {
    public static let side = 28
    public static let pixelCount = side * side

    /// `count × 784` bytes, image after image, each 28 rows of 28 pixels.
    public var images: [UInt8]
    /// `count` labels, 0…9.
    public var labels: [UInt8]

    public var count: Int { labels.count }

    public init(images: [UInt8], labels: [UInt8]) {
        precondition(images.count == labels.count * Self.pixelCount, "MNISTDataset: 784 bytes per label")
        self.images = images
        self.labels = labels
    }

    /// SHA-256 of the two decompressed IDX files this split was read from (rebuilt from the
    /// header and data, so the values match `../shared/mnist/README.md`), keyed by file name
    /// without `.gz`, e.g. `train-images-idx3-ubyte`.
    public func idxFileHashes(split: MNISTSplit) -> [String: String] {
        func header(_ dimensions: [Int]) -> [UInt8] {
            [0, 0, 0x08, UInt8(dimensions.count)] + dimensions.flatMap { d in (0..<4).map { UInt8(truncatingIfNeeded: d >> (24 - 8 * $0)) } }
        }
        func hex(_ digest: [UInt8]) -> String { digest.map { String(format: "%02x", $0) }.joined() }
        var imageHasher = SHA256()
        imageHasher.update(header([count, Self.side, Self.side]))
        imageHasher.update(images)
        var labelHasher = SHA256()
        labelHasher.update(header([count]))
        labelHasher.update(labels)
        return [split.imagesFileName: hex(imageHasher.finalize()), split.labelsFileName: hex(labelHasher.finalize())]
    }

    /// The 784 bytes of image `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        images[(index * Self.pixelCount)..<((index + 1) * Self.pixelCount)]
    }

    /// Loads `split` from `directory` (gzip or raw IDX files), validating headers, sizes,
    /// counts and labels.
    public static func load(directory: String, split: MNISTSplit) throws -> MNISTDataset {
        guard let imagesPath = split.imagesPath(in: directory) else {
            throw MNISTDatasetError.missingFile(directory: directory, name: split.imagesFileName)
        }
        guard let labelsPath = split.labelsPath(in: directory) else {
            throw MNISTDatasetError.missingFile(directory: directory, name: split.labelsFileName)
        }
        let imageFile = try IDXFile(contentsOf: imagesPath)
        let labelFile = try IDXFile(contentsOf: labelsPath)

        guard imageFile.dimensions.count == 3, imageFile.dimensions[1] == side, imageFile.dimensions[2] == side else {
            throw IDXError.wrongDimensions(path: imagesPath, expected: "N×28×28 images", found: imageFile.dimensions)
        }
        guard labelFile.dimensions.count == 1 else {
            throw IDXError.wrongDimensions(path: labelsPath, expected: "N labels", found: labelFile.dimensions)
        }
        guard imageFile.dimensions[0] == labelFile.dimensions[0] else {
            throw MNISTDatasetError.countMismatch(imagesPath: imagesPath, images: imageFile.dimensions[0],
                                                  labelsPath: labelsPath, labels: labelFile.dimensions[0])
        }
        if let bad = labelFile.data.firstIndex(where: { $0 > 9 }) {
            throw MNISTDatasetError.labelOutOfRange(path: labelsPath, index: bad, value: labelFile.data[bad])
        }
        return MNISTDataset(images: imageFile.data, labels: labelFile.data)
    }
}
