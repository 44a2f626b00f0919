import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

@Suite struct IDXFileTests {
    typealias F = ClassifyFixtures

    @Test func parsesAValidFile() throws {
        let data = (0..<(2 * 28 * 28)).map { UInt8(truncatingIfNeeded: $0) }
        let file = try IDXFile(parsing: F.idx(dimensions: [2, 28, 28], data: data), path: "x")
        #expect(file.dimensions == [2, 28, 28])
        #expect(file.data == data)
    }

    @Test func rejectsABadMagicNumber() {
        #expect(throws: IDXError.notIDX(path: "x")) { try IDXFile(parsing: [1, 0, 8, 1, 0, 0, 0, 0], path: "x") }
        #expect(throws: IDXError.notIDX(path: "x")) { try IDXFile(parsing: [0, 0], path: "x") }
        // A PNG header is not IDX either.
        #expect(throws: IDXError.notIDX(path: "x")) { try IDXFile(parsing: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], path: "x") }
    }

    @Test func rejectsOtherElementTypes() {
        #expect(throws: IDXError.unsupportedElementType(path: "x", code: 0x0D)) {
            try IDXFile(parsing: [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], path: "x")
        }
    }

    @Test func reportsTruncatedData() {
        let bytes = F.idx(dimensions: [3, 28, 28], data: [UInt8](repeating: 7, count: 3 * 784 - 10))
        #expect(throws: IDXError.truncated(path: "x", expectedBytes: 3 * 784, foundBytes: 3 * 784 - 10)) {
            try IDXFile(parsing: bytes, path: "x")
        }
        // Cut inside the header.
        #expect(throws: IDXError.truncated(path: "x", expectedBytes: 16, foundBytes: 10)) {
            try IDXFile(parsing: Array(bytes.prefix(10)), path: "x")
        }
    }

    @Test func reportsTrailingBytes() {
        let bytes = F.idx(dimensions: [2], data: [1, 2, 3])
        #expect(throws: IDXError.trailingBytes(path: "x", expectedBytes: 2, foundBytes: 3)) {
            try IDXFile(parsing: bytes, path: "x")
        }
    }

    @Test func hugeDimensionsDoNotOverflow() {
        let bytes: [UInt8] = [0, 0, 8, 4] + [UInt8](repeating: 0xFF, count: 16) + [1, 2]
        #expect(throws: IDXError.self) { try IDXFile(parsing: bytes, path: "x") }
    }

    @Test func readsGzipAndRawFilesAlike() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = F.idx(dimensions: [5], data: [1, 2, 3, 4, 5])
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/raw"))
        try Data(F.gzipStored(bytes)).write(to: URL(fileURLWithPath: directory + "/packed"))
        #expect(try IDXFile(contentsOf: directory + "/raw").data == [1, 2, 3, 4, 5])
        #expect(try IDXFile(contentsOf: directory + "/packed").data == [1, 2, 3, 4, 5])
    }

    @Test func reportsACutOffOrDamagedGzipFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let packed = F.gzipStored(F.idx(dimensions: [1000], data: [UInt8](repeating: 3, count: 1000)))
        let cut = directory + "/cut.gz", damaged = directory + "/damaged.gz"
        try Data(packed.prefix(packed.count / 2)).write(to: URL(fileURLWithPath: cut))
        var changed = packed
        changed[500] ^= 0x40  // a data byte: the CRC no longer matches
        try Data(changed).write(to: URL(fileURLWithPath: damaged))
        #expect(throws: IDXError.badGzip(path: cut, reason: GunzipError.truncated.description)) {
            try IDXFile(contentsOf: cut)
        }
        do {
            _ = try IDXFile(contentsOf: damaged)
            Issue.record("a damaged gzip file was accepted")
        } catch let IDXError.badGzip(path, reason) {
            #expect(path == damaged)
            #expect(reason.contains("corrupt"))
        }
    }

    @Test func namesAMissingFile() {
        do {
            _ = try IDXFile(contentsOf: "/nonexistent/file.idx")
            Issue.record("no error for a missing file")
        } catch let error as IDXError {
            guard case .cannotRead(let path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "/nonexistent/file.idx")
            #expect(error.description.hasPrefix("/nonexistent/file.idx: "))
        } catch { Issue.record("untyped error \(error)") }
    }
}

@Suite struct MNISTDatasetTests {
    typealias F = ClassifyFixtures

    @Test(arguments: [true, false])
    func loadsASyntheticSplit(compressed: Bool) throws {
        let directory = try F.writeSyntheticMNIST(trainingCount: 30, testCount: 12, compressed: compressed)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (images, labels) = F.syntheticBytes(count: 30, seed: 11)
        let set = try MNISTDataset.load(directory: directory, split: .training)
        #expect(set.count == 30)
        #expect(set.images == images)
        #expect(set.labels == labels)
        #expect(Array(set.image(3)) == Array(images[(3 * 784)..<(4 * 784)]))
        let idxBytes = F.idx(dimensions: [30], data: labels)
        let hashes = set.idxFileHashes(split: .training)
        #expect(hashes["train-labels-idx1-ubyte"] == SHA256.hexDigest(idxBytes))
        #expect(hashes["train-images-idx3-ubyte"] == SHA256.hexDigest(F.idx(dimensions: [30, 28, 28], data: images)))
        #expect(try MNISTDataset.load(directory: directory, split: .test).count == 12)
    }

    @Test func rejectsMismatchedCounts() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(F.idx(dimensions: [3, 28, 28], data: [UInt8](repeating: 0, count: 3 * 784)))
            .write(to: URL(fileURLWithPath: directory + "/t10k-images-idx3-ubyte"))
        try Data(F.idx(dimensions: [4], data: [1, 2, 3, 4])).write(to: URL(fileURLWithPath: directory + "/t10k-labels-idx1-ubyte"))
        #expect(throws: MNISTDatasetError.countMismatch(
            imagesPath: directory + "/t10k-images-idx3-ubyte", images: 3,
            labelsPath: directory + "/t10k-labels-idx1-ubyte", labels: 4)) {
            try MNISTDataset.load(directory: directory, split: .test)
        }
    }

    @Test func rejectsWrongImageSizeAndBadLabels() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let images = directory + "/t10k-images-idx3-ubyte", labels = directory + "/t10k-labels-idx1-ubyte"
        try Data(F.idx(dimensions: [2, 27, 28], data: [UInt8](repeating: 0, count: 2 * 27 * 28))).write(to: URL(fileURLWithPath: images))
        try Data(F.idx(dimensions: [2], data: [1, 12])).write(to: URL(fileURLWithPath: labels))
        #expect(throws: IDXError.wrongDimensions(path: images, expected: "N×28×28 images", found: [2, 27, 28])) {
            try MNISTDataset.load(directory: directory, split: .test)
        }
        try Data(F.idx(dimensions: [2, 28, 28], data: [UInt8](repeating: 0, count: 2 * 784))).write(to: URL(fileURLWithPath: images))
        #expect(throws: MNISTDatasetError.labelOutOfRange(path: labels, index: 1, value: 12)) {
            try MNISTDataset.load(directory: directory, split: .test)
        }
    }

    @Test func aMissingFileSaysHowToGetTheData() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try MNISTDataset.load(directory: directory, split: .training)
            Issue.record("no error for an empty folder")
        } catch let error as MNISTDatasetError {
            #expect(error == .missingFile(directory: directory, name: "train-images-idx3-ubyte"))
            #expect(error.description.contains("digit train --download"))
        }
    }

    @Test(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
    func loadsTheRealTestSplitWithItsPublishedHashes() throws {
        let set = try MNISTDataset.load(directory: TestMNIST.directory, split: .test)
        #expect(set.count == 10_000)
        #expect(set.images.count == 10_000 * 784)
        #expect(set.labels.allSatisfy { $0 < 10 })
        // Label hash only (rebuilt from header + data): hashing 7.8 MB of images is slow in a debug build.
        let labels = MNISTDataset(images: [], labels: []).idxFileHashes(split: .test)  // shape check of the keys
        #expect(labels.keys.sorted() == ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
        var hasher = SHA256()
        hasher.update([0, 0, 8, 1, 0, 0, 0x27, 0x10])
        hasher.update(set.labels)
        #expect(hasher.finalize().map { String(format: "%02x", $0) }.joined()
                == "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")
    }
}
