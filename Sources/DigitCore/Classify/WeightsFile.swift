import BundledWeights
import CZlib
import Foundation

/// Why a weights file could not be loaded. `source` is the file's path, or `bundled model`.
public enum WeightsFileError: Error, Equatable, CustomStringConvertible {
    /// The binary was built before any model was trained (`weights/mnist-softmax.dgw` empty).
    case noBundledModel
    case cannotRead(source: String, reason: String)
    /// The file does not start with the `.dgw` magic number.
    case notAWeightsFile(source: String)
    case unsupportedVersion(source: String, found: UInt32, supported: UInt32)
    /// The file is shorter than its header says.
    case truncated(source: String, expectedBytes: Int, foundBytes: Int)
    /// Checksum mismatch, extra bytes, unreadable metadata or non-finite numbers.
    case corrupted(source: String, reason: String)
    /// Not a 784-input, 10-class model.
    case wrongShape(source: String, inputs: Int, classes: Int)
    /// Trained for a different preprocessing than this program applies.
    case wrongPreprocessing(source: String, found: String, expected: String)
    /// `save` refused to write a file that could not be read back.
    case cannotSave(path: String, reason: String)

    public var description: String {
        switch self {
        case .noBundledModel:
            return "no bundled model; run `digit train` (it writes weights/mnist-softmax.dgw) and rebuild, or pass --weights FILE"
        case .cannotRead(let source, let reason):
            return "\(source): cannot read: \(reason)"
        case .notAWeightsFile(let source):
            return "\(source): not a digit weights file (.dgw; bad magic number)"
        case .unsupportedVersion(let source, let found, let supported):
            return "\(source): weights file version \(found) is not supported (this digit reads version \(supported)); retrain with `digit train`"
        case .truncated(let source, let expected, let found):
            return "\(source): truncated weights file (\(found) of \(expected) bytes)"
        case .corrupted(let source, let reason):
            return "\(source): corrupted weights file (\(reason))"
        case .wrongShape(let source, let inputs, let classes):
            return "\(source): model has \(inputs) inputs and \(classes) classes; digit needs 784 and 10"
        case .wrongPreprocessing(let source, let found, let expected):
            return "\(source): model was trained for preprocessing '\(found)' but this digit preprocesses as '\(expected)'; retrain it with `digit train`"
        case .cannotSave(let path, let reason):
            return "\(path): not written: \(reason)"
        }
    }
}

/// A `.dgw` weights file: the model, the preprocessing it expects, and how it was trained.
///
/// Layout (version 1), all integers and floats little-endian:
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `89 44 47 57 0D 0A 1A 0A` (`\x89DGW\r\n\x1A\n`, catches text-mode mangling) |
/// | 8 | 4 | format version, UInt32 = 1 |
/// | 12 | 4 | input count, UInt32 = 784 (28×28, row-major, ink = 1.0) |
/// | 16 | 4 | class count, UInt32 = 10 |
/// | 20 | 4 + P | preprocessing identifier: UInt32 byte count P, then UTF-8 (`preprocessingIdentifier`) |
/// | … | 4 + M | training metadata: UInt32 byte count M, then UTF-8 JSON (`TrainingMetadata`, sorted keys) |
/// | … | 4·784·10 | weights, Float32, input-major: weight (pixel i, class k) at index i·10 + k |
/// | … | 4·10 | bias, Float32, class 0 first |
/// | end − 4 | 4 | CRC-32 (zlib's) of every byte before it |
public struct WeightsFile: Sendable, Equatable {
    public static let magic: [UInt8] = [0x89, 0x44, 0x47, 0x57, 0x0D, 0x0A, 0x1A, 0x0A]
    public static let currentVersion: UInt32 = 1
    /// The name of the bundled model, used in error messages.
    public static let bundledSource = "bundled model"

    public var model: SoftmaxModel
    /// The `preprocessingIdentifier` of the program that trained the model.
    public var preprocessing: String
    public var metadata: TrainingMetadata

    public init(model: SoftmaxModel, preprocessing: String = preprocessingIdentifier, metadata: TrainingMetadata) {
        self.model = model
        self.preprocessing = preprocessing
        self.metadata = metadata
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var out = Self.magic
        func appendUInt32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func appendFloat(_ value: Float) { appendUInt32(value.bitPattern) }
        func appendString(_ bytes: [UInt8]) { appendUInt32(UInt32(bytes.count)); out.append(contentsOf: bytes) }
        appendUInt32(Self.currentVersion)
        appendUInt32(UInt32(SoftmaxModel.inputCount))
        appendUInt32(UInt32(SoftmaxModel.classCount))
        appendString(Array(preprocessing.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        appendString((try? encoder.encode(metadata)).map { [UInt8]($0) } ?? Array("{}".utf8))
        for w in model.weights { appendFloat(w) }
        for b in model.bias { appendFloat(b) }
        appendUInt32(Self.crc32(out[...]))
        return out
    }

    /// Parses and checks a file's bytes. `source` names it in errors. With `expectedPreprocessing`
    /// (the running program's, by default) a model trained for another preprocessing is refused;
    /// pass `nil` to read any (e.g. to show its metadata).
    public init(decoding bytes: [UInt8], source: String,
                expectedPreprocessing: String? = preprocessingIdentifier) throws {
        var reader = ByteReader(bytes: bytes, source: source)
        guard bytes.count >= Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw WeightsFileError.notAWeightsFile(source: source)
        }
        reader.offset = Self.magic.count
        let version = try reader.uint32()
        guard version == Self.currentVersion else {
            throw WeightsFileError.unsupportedVersion(source: source, found: version, supported: Self.currentVersion)
        }
        let inputs = Int(try reader.uint32()), classes = Int(try reader.uint32())
        guard inputs == SoftmaxModel.inputCount, classes == SoftmaxModel.classCount else {
            throw WeightsFileError.wrongShape(source: source, inputs: inputs, classes: classes)
        }
        let preprocessingBytes = try reader.bytes(count: Int(try reader.uint32()))
        let metadataBytes = try reader.bytes(count: Int(try reader.uint32()))
        let expectedSize = reader.offset + 4 * (inputs * classes + classes) + 4
        guard bytes.count >= expectedSize else {
            throw WeightsFileError.truncated(source: source, expectedBytes: expectedSize, foundBytes: bytes.count)
        }
        guard bytes.count == expectedSize else {
            throw WeightsFileError.corrupted(source: source, reason: "\(bytes.count - expectedSize) unexpected bytes at the end")
        }
        let storedChecksum = UInt32(bytes[expectedSize - 4]) | UInt32(bytes[expectedSize - 3]) << 8
            | UInt32(bytes[expectedSize - 2]) << 16 | UInt32(bytes[expectedSize - 1]) << 24
        guard Self.crc32(bytes[0..<(expectedSize - 4)]) == storedChecksum else {
            throw WeightsFileError.corrupted(source: source, reason: "checksum mismatch")
        }
        guard let preprocessing = String(validating: preprocessingBytes, as: UTF8.self) else {
            throw WeightsFileError.corrupted(source: source, reason: "preprocessing name is not UTF-8")
        }
        if let expectedPreprocessing, preprocessing != expectedPreprocessing {
            throw WeightsFileError.wrongPreprocessing(source: source, found: preprocessing, expected: expectedPreprocessing)
        }
        let metadata: TrainingMetadata
        do {
            metadata = try JSONDecoder().decode(TrainingMetadata.self, from: Data(metadataBytes))
        } catch {
            throw WeightsFileError.corrupted(source: source, reason: "unreadable training metadata")
        }
        var weights = [Float](repeating: 0, count: inputs * classes)
        for i in weights.indices { weights[i] = Float(bitPattern: try reader.uint32()) }
        var bias = [Float](repeating: 0, count: classes)
        for k in bias.indices { bias[k] = Float(bitPattern: try reader.uint32()) }
        guard weights.allSatisfy(\.isFinite), bias.allSatisfy(\.isFinite) else {
            throw WeightsFileError.corrupted(source: source, reason: "weights are not all finite numbers")
        }
        self.init(model: SoftmaxModel(weights: weights, bias: bias), preprocessing: preprocessing, metadata: metadata)
    }

    /// Reads and checks the file at `path` (see `init(decoding:source:expectedPreprocessing:)`).
    public static func load(path: String, expectedPreprocessing: String? = preprocessingIdentifier) throws -> WeightsFile {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw WeightsFileError.cannotRead(source: path, reason: reason)
        }
        return try WeightsFile(decoding: bytes, source: path, expectedPreprocessing: expectedPreprocessing)
    }

    /// The model compiled into the binary (`weights/mnist-softmax.dgw`).
    public static func bundled(expectedPreprocessing: String? = preprocessingIdentifier) throws -> WeightsFile {
        guard !bundledWeightsBytes.isEmpty else { throw WeightsFileError.noBundledModel }
        return try WeightsFile(decoding: bundledWeightsBytes, source: bundledSource,
                               expectedPreprocessing: expectedPreprocessing)
    }

    /// Writes the file atomically (temporary file, then rename), but only a file that reads back:
    /// non-finite weights or figures are refused before writing, and the temporary file is read
    /// back, decoded and compared with `self` before it is renamed into place.
    public func save(to path: String) throws {
        if let reason = reasonItCannotBeSaved {
            throw WeightsFileError.cannotSave(path: path, reason: reason)
        }
        try writeFileAtomically(encoded(), to: path) { written in
            let readBack: WeightsFile
            do {
                readBack = try WeightsFile(decoding: written, source: path, expectedPreprocessing: nil)
            } catch {
                throw WeightsFileError.cannotSave(path: path, reason: "the file written does not read back (\(error))")
            }
            guard readBack == self else {
                throw WeightsFileError.cannotSave(path: path, reason: "the file written reads back different")
            }
        }
    }

    /// Why `save` would write a file that cannot be read, or `nil`: `init(decoding:)` refuses
    /// non-finite weights, and JSON has no NaN or infinity for the metadata's figures.
    var reasonItCannotBeSaved: String? {
        if !model.weights.allSatisfy(\.isFinite) || !model.bias.allSatisfy(\.isFinite) {
            return "the weights are not all finite numbers (training diverged: try a smaller --learning-rate)"
        }
        let figures: [(String, Double?)] = [
            ("learning rate", Double(metadata.learningRate)), ("L2", Double(metadata.l2)),
            ("validation accuracy", metadata.validationAccuracy), ("test accuracy", metadata.testAccuracy)]
        if let (name, _) = figures.first(where: { $0.1.map { !$0.isFinite } ?? false }) {
            return "the \(name) recorded in its metadata is not a finite number"
        }
        return nil
    }

    /// zlib's CRC-32 of `bytes`.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}

/// Reads little-endian fields from a byte array, throwing `truncated` past its end.
private struct ByteReader {
    let bytes: [UInt8]
    let source: String
    var offset = 0

    mutating func uint32() throws -> UInt32 {
        let b = try bytes(count: 4)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    mutating func bytes(count: Int) throws -> [UInt8] {
        guard count <= bytes.count - offset else {
            throw WeightsFileError.truncated(source: source, expectedBytes: offset + count, foundBytes: bytes.count)
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}

extension SoftmaxModel {
    /// The model compiled into the binary; throws `WeightsFileError.noBundledModel` when none was
    /// trained, or another `WeightsFileError` when it does not fit this program.
    public static func bundled() throws -> SoftmaxModel {
        try WeightsFile.bundled().model
    }

    /// The model in the `.dgw` file at `path`.
    public static func load(weightsFile path: String) throws -> SoftmaxModel {
        try WeightsFile.load(path: path).model
    }
}
