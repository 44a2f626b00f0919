import CZlib
import Foundation

/// Why a weights file could not be loaded. `source` is the file's path, or `bundled model`.
public enum WeightsFileError: Error, Equatable, CustomStringConvertible {
    /// The binary was built before that model was trained (its `weights/*.dgw` empty).
    case noBundledModel(BundledModel)
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
    /// Layers digit cannot run: more than two, or shapes that do not chain.
    case unsupportedLayers(source: String, reason: String)
    /// Trained for a different preprocessing than this program applies.
    case wrongPreprocessing(source: String, found: String, expected: String)
    /// `save` refused to write a file that could not be read back.
    case cannotSave(path: String, reason: String)

    public var description: String {
        switch self {
        case .noBundledModel(let model):
            return "no bundled \(model.rawValue) model; run `\(model.trainingCommand)` (it writes weights/\(model.fileName)) and rebuild, or pass --weights FILE"
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
        case .unsupportedLayers(let source, let reason):
            return "\(source): digit cannot run this model: \(reason)"
        case .wrongPreprocessing(let source, let found, let expected):
            return "\(source): model was trained for preprocessing '\(found)' but this digit preprocesses as '\(expected)'; retrain it with `digit train`"
        case .cannotSave(let path, let reason):
            return "\(path): not written: \(reason)"
        }
    }
}

/// A `.dgw` weights file: the model, the preprocessing it expects, and how it was trained.
///
/// Version 2 (written), all integers and floats little-endian:
///
/// | size | field |
/// |---|---|
/// | 8 | magic `89 44 47 57 0D 0A 1A 0A` (`\x89DGW\r\n\x1A\n`, catches text-mode mangling) |
/// | 4 | format version, UInt32 = 2 |
/// | 4 + P | preprocessing identifier: UInt32 byte count P, then UTF-8 (`preprocessingIdentifier`) |
/// | 4 + M | training metadata: UInt32 byte count M, then UTF-8 JSON (`TrainingMetadata`, sorted keys) |
/// | 4 | layer count L: 1 (softmax regression) or 2 (one hidden ReLU layer) |
/// | per layer | UInt32 inputs I, UInt32 outputs O, I·O Float32 weights input-major (index i·O + o), O Float32 biases |
/// | 4 | CRC-32 (zlib's) of every byte before it |
///
/// The first layer has 784 inputs (28×28, row-major, ink = 1.0), each layer's inputs are the
/// previous one's outputs, the last has 10 outputs (classes 0…9, softmax); hidden layers are ReLU.
///
/// Version 1 (still read): magic, version 1, UInt32 784, UInt32 10, preprocessing, metadata,
/// 784·10 weights input-major, 10 biases, CRC-32: a softmax regression.
public struct WeightsFile: Sendable, Equatable {
    public static let magic: [UInt8] = [0x89, 0x44, 0x47, 0x57, 0x0D, 0x0A, 0x1A, 0x0A]
    public static let currentVersion: UInt32 = 2
    public static let supportedVersions: ClosedRange<UInt32> = 1...2
    /// The name of the bundled model, used in error messages.
    public static let bundledSource = "bundled model"

    public var classifier: Classifier
    /// The `preprocessingIdentifier` of the program that trained the model.
    public var preprocessing: String
    public var metadata: TrainingMetadata

    public init(classifier: Classifier, preprocessing: String = preprocessingIdentifier, metadata: TrainingMetadata) {
        self.classifier = classifier
        self.preprocessing = preprocessing
        self.metadata = metadata
    }

    public init(model: SoftmaxModel, preprocessing: String = preprocessingIdentifier, metadata: TrainingMetadata) {
        self.init(classifier: .linear(model), preprocessing: preprocessing, metadata: metadata)
    }

    /// The file's bytes (version 2).
    public func encoded() -> [UInt8] {
        var out = Self.magic
        func appendUInt32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func appendString(_ bytes: [UInt8]) { appendUInt32(UInt32(bytes.count)); out.append(contentsOf: bytes) }
        appendUInt32(Self.currentVersion)
        appendString(Array(preprocessing.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        appendString((try? encoder.encode(metadata)).map { [UInt8]($0) } ?? Array("{}".utf8))
        let layers = classifier.layers
        appendUInt32(UInt32(layers.count))
        for layer in layers {
            appendUInt32(UInt32(layer.inputs))
            appendUInt32(UInt32(layer.outputs))
            out.reserveCapacity(out.count + 4 * (layer.weights.count + layer.bias.count) + 4)
            for w in layer.weights { appendUInt32(w.bitPattern) }
            for b in layer.bias { appendUInt32(b.bitPattern) }
        }
        appendUInt32(Self.crc32(out[...]))
        return out
    }

    /// Parses and checks a file's bytes (version 1 or 2). `source` names it in errors. With
    /// `expectedPreprocessing` (the running program's, by default) a model trained for another
    /// preprocessing is refused; pass `nil` to read any (e.g. to show its metadata).
    public init(decoding bytes: [UInt8], source: String,
                expectedPreprocessing: String? = preprocessingIdentifier) throws {
        var reader = ByteReader(bytes: bytes, source: source)
        guard bytes.count >= Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw WeightsFileError.notAWeightsFile(source: source)
        }
        reader.offset = Self.magic.count
        let version = try reader.uint32()
        guard Self.supportedVersions.contains(version) else {
            throw WeightsFileError.unsupportedVersion(source: source, found: version, supported: Self.currentVersion)
        }
        // The layer shapes, and where each layer's numbers start.
        var shapes: [(inputs: Int, outputs: Int, offset: Int)] = []
        let preprocessingBytes: [UInt8], metadataBytes: [UInt8]
        if version == 1 {
            let inputs = Int(try reader.uint32()), classes = Int(try reader.uint32())
            guard inputs == SoftmaxModel.inputCount, classes == SoftmaxModel.classCount else {
                throw WeightsFileError.wrongShape(source: source, inputs: inputs, classes: classes)
            }
            preprocessingBytes = try reader.bytes(count: Int(try reader.uint32()))
            metadataBytes = try reader.bytes(count: Int(try reader.uint32()))
            shapes = [(inputs, classes, reader.offset)]
            try reader.skip(4 * (inputs * classes + classes))
        } else {
            preprocessingBytes = try reader.bytes(count: Int(try reader.uint32()))
            metadataBytes = try reader.bytes(count: Int(try reader.uint32()))
            let layerCount = Int(try reader.uint32())
            guard (1...2).contains(layerCount) else {
                throw WeightsFileError.unsupportedLayers(source: source, reason: "\(layerCount) layers (digit reads 1 or 2)")
            }
            for _ in 0..<layerCount {
                let inputs = Int(try reader.uint32()), outputs = Int(try reader.uint32())
                guard inputs <= 1 << 16, outputs <= 1 << 16 else {
                    throw WeightsFileError.corrupted(source: source, reason: "layer of \(inputs)×\(outputs) is implausibly large")
                }
                shapes.append((inputs, outputs, reader.offset))
                try reader.skip(4 * (inputs * outputs + outputs))
            }
        }
        let expectedSize = reader.offset + 4
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
        guard shapes.first!.inputs == MLPModel.inputCount, shapes.last!.outputs == MLPModel.classCount else {
            throw WeightsFileError.wrongShape(source: source, inputs: shapes.first!.inputs, classes: shapes.last!.outputs)
        }
        if shapes.count == 2 {
            guard shapes[0].outputs == shapes[1].inputs, shapes[0].outputs >= 1 else {
                throw WeightsFileError.unsupportedLayers(
                    source: source, reason: "layer 1 has \(shapes[0].outputs) outputs but layer 2 \(shapes[1].inputs) inputs")
            }
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
        let layers = shapes.map { shape in
            ClassifierLayer(inputs: shape.inputs, outputs: shape.outputs,
                            weights: reader.floats(at: shape.offset, count: shape.inputs * shape.outputs),
                            bias: reader.floats(at: shape.offset + 4 * shape.inputs * shape.outputs, count: shape.outputs))
        }
        guard layers.allSatisfy({ $0.weights.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite) }) else {
            throw WeightsFileError.corrupted(source: source, reason: "weights are not all finite numbers")
        }
        let classifier: Classifier = layers.count == 1
            ? .linear(SoftmaxModel(weights: layers[0].weights, bias: layers[0].bias))
            : .mlp(MLPModel(hiddenWeights: layers[0].weights, hiddenBias: layers[0].bias,
                            outputWeights: layers[1].weights, outputBias: layers[1].bias))
        self.init(classifier: classifier, preprocessing: preprocessing, metadata: metadata)
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

    /// A model compiled into the binary (`weights/mnist-softmax.dgw` or `weights/mnist-mlp.dgw`).
    public static func bundled(_ model: BundledModel = .default,
                               expectedPreprocessing: String? = preprocessingIdentifier) throws -> WeightsFile {
        let bytes = model.bytes
        guard !bytes.isEmpty else { throw WeightsFileError.noBundledModel(model) }
        return try WeightsFile(decoding: bytes, source: model.source, expectedPreprocessing: expectedPreprocessing)
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
        if !classifier.layers.allSatisfy({ $0.weights.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite) }) {
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

    /// Moves past `count` bytes, throwing `truncated` when the file ends first.
    mutating func skip(_ count: Int) throws {
        guard count <= bytes.count - offset else {
            throw WeightsFileError.truncated(source: source, expectedBytes: offset + count + 4, foundBytes: bytes.count)
        }
        offset += count
    }

    /// `count` little-endian Float32 starting at byte `start` (already checked to be in the file).
    func floats(at start: Int, count: Int) -> [Float] {
        bytes.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { out, initialised in
                for j in 0..<count {
                    out[j] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * j, as: UInt32.self)))
                }
                initialised = count
            }
        }
    }

    mutating func bytes(count: Int) throws -> [UInt8] {
        guard count <= bytes.count - offset else {
            throw WeightsFileError.truncated(source: source, expectedBytes: offset + count, foundBytes: bytes.count)
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}

extension Classifier {
    /// A model compiled into the binary; throws `WeightsFileError.noBundledModel` when it was not
    /// trained, or another `WeightsFileError` when it does not fit this program.
    public static func bundled(_ model: BundledModel = .default) throws -> Classifier {
        try WeightsFile.bundled(model).classifier
    }

    /// The model in the `.dgw` file at `path`.
    public static func load(weightsFile path: String) throws -> Classifier {
        try WeightsFile.load(path: path).classifier
    }

    /// `--weights FILE` when given, else the bundled model `model` (the default one when nil).
    public static func load(weightsFile path: String?, bundled model: BundledModel?) throws -> Classifier {
        if let path { return try load(weightsFile: path) }
        return try bundled(model ?? .default)
    }
}
