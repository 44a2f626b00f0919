import Foundation

/// Why an IDX file (MNIST's format) could not be read. Each case names the file.
public enum IDXError: Error, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case badGzip(path: String, reason: String)
    /// The first bytes are not an IDX header (`00 00 <type> <dimensions>`).
    case notIDX(path: String)
    /// The element type is not unsigned bytes (type code 0x08), the only one MNIST uses.
    case unsupportedElementType(path: String, code: UInt8)
    /// The header's dimensions are not the ones expected (e.g. `[n, 28, 28]` for images).
    case wrongDimensions(path: String, expected: String, found: [Int])
    /// Fewer data bytes than the header announces.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// More data bytes than the header announces.
    case trailingBytes(path: String, expectedBytes: Int, foundBytes: Int)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .badGzip(let path, let reason):
            return "\(path): \(reason)"
        case .notIDX(let path):
            return "\(path): not an IDX file (bad magic number)"
        case .unsupportedElementType(let path, let code):
            return "\(path): IDX element type 0x\(String(code, radix: 16)) is not supported (only unsigned bytes, 0x08)"
        case .wrongDimensions(let path, let expected, let found):
            return "\(path): IDX dimensions \(found.map(String.init).joined(separator: "×")), expected \(expected)"
        case .truncated(let path, let expected, let found):
            return "\(path): truncated: header announces \(expected) data bytes, file holds \(found)"
        case .trailingBytes(let path, let expected, let found):
            return "\(path): header announces \(expected) data bytes, file holds \(found) (wrong or corrupted file)"
        }
    }
}

/// An IDX array of unsigned bytes: the dimensions (first varies slowest) and the data, row-major.
public struct IDXFile: Sendable {
    /// E.g. `[60000, 28, 28]` for MNIST training images, `[60000]` for its labels.
    public var dimensions: [Int]
    /// `dimensions.reduce(1, *)` bytes.
    public var data: [UInt8]

    /// Parses IDX bytes (already decompressed). `path` only names the file in errors.
    public init(parsing bytes: [UInt8], path: String) throws {
        // Magic: two zero bytes, the element type, the number of dimensions.
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, (1...4).contains(bytes[3]) else {
            throw IDXError.notIDX(path: path)
        }
        guard bytes[2] == 0x08 else { throw IDXError.unsupportedElementType(path: path, code: bytes[2]) }
        let dimensionCount = Int(bytes[3])
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else {
            throw IDXError.truncated(path: path, expectedBytes: headerSize, foundBytes: bytes.count)
        }
        var dimensions: [Int] = []
        var elementCount = 1
        for d in 0..<dimensionCount {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            let (product, overflow) = elementCount.multipliedReportingOverflow(by: size)
            elementCount = overflow ? Int.max : product
        }
        let found = bytes.count - headerSize
        if found < elementCount {
            throw IDXError.truncated(path: path, expectedBytes: elementCount, foundBytes: found)
        }
        if found > elementCount {
            throw IDXError.trailingBytes(path: path, expectedBytes: elementCount, foundBytes: found)
        }
        self.dimensions = dimensions
        self.data = Array(bytes[headerSize...])
    }

    /// Reads an IDX file, gzip-compressed (detected by its magic number, not its name) or raw.
    public init(contentsOf path: String) throws {
        try self.init(parsing: Self.decompressedBytes(ofFile: path), path: path)
    }

    /// The file's bytes, inflated when they are gzip-compressed: the IDX header and data.
    public static func decompressedBytes(ofFile path: String) throws -> [UInt8] {
        let fileBytes: [UInt8]
        do {
            fileBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw IDXError.cannotRead(path: path, reason: reason)
        }
        guard isGzip(fileBytes) else { return fileBytes }
        do { return try gunzip(fileBytes) } catch let error as GunzipError {
            throw IDXError.badGzip(path: path, reason: error.description)
        }
    }
}
