import Foundation

/// One image file and the digit it shows.
public struct LabelledImageFile: Equatable, Sendable {
    /// As bytes: a name found in a folder need not be UTF-8 (`path.displayName` shows it).
    public var path: PathBytes
    /// 0…9.
    public var label: Int

    public init(path: PathBytes, label: Int) {
        self.path = path
        self.label = label
    }

    public init(path: String, label: Int) {
        self.init(path: PathBytes(path), label: label)
    }
}

/// Why a folder or CSV of labelled images could not be listed.
public enum LabelledImagesError: Error, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    /// Neither sub-folders `0`…`9` nor a `labels.csv`.
    case noLabels(directory: String)
    /// A CSV line that is not `file,label` with a label 0…9.
    case badCSVLine(path: String, line: Int, reason: String)
    case noImages(path: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .noLabels(let directory):
            return "\(directory): no labels found: put images in sub-folders 0 … 9 named for their digit, "
                + "or list them in \(directory)/labels.csv as `file,label` lines"
        case .badCSVLine(let path, let line, let reason):
            return "\(path):\(line): \(reason) (expected `file,label` with a label 0-9)"
        case .noImages(let path):
            return "\(path): no image files listed"
        }
    }
}

/// The name of the CSV `labelledImageFiles(in:)` looks for when there are no digit sub-folders.
public let labelsCSVName = "labels.csv"

/// The labelled images in `directory`: every non-hidden file in its sub-folders `0` … `9` (the
/// folder names the digit), or, when there are none, the lines of `directory/labels.csv`.
/// Sorted by path (byte order), so the order (and the numbering of misclassified images) is
/// stable. Folders are listed by their bytes, so a file whose name is not UTF-8 is not lost.
public func labelledImageFiles(in directory: String) throws -> [LabelledImageFile] {
    let root = PathBytes(directory)
    guard kind(of: root, followingLinks: true) == .directory else {
        throw LabelledImagesError.cannotRead(path: directory, reason: "not a folder")
    }
    let digitFolders = (0...9).map { (label: $0, folder: root.appending(Array(String($0).utf8))) }
        .filter { kind(of: $0.folder, followingLinks: true) == .directory }
    if digitFolders.isEmpty {
        let csv = (directory as NSString).appendingPathComponent(labelsCSVName)
        guard FileManager.default.fileExists(atPath: csv) else { throw LabelledImagesError.noLabels(directory: directory) }
        return try labelledImageFiles(csv: csv)
    }
    var files: [LabelledImageFile] = []
    for (label, folder) in digitFolders {
        let names: [[UInt8]]
        do {
            names = try directoryEntryNames(folder)
        } catch {
            throw LabelledImagesError.cannotRead(path: folder.displayName, reason: "\(error)")
        }
        for name in names where name.first != UInt8(ascii: ".") {
            let path = folder.appending(name)
            if kind(of: path, followingLinks: true) != .directory {
                files.append(LabelledImageFile(path: path, label: label))
            }
        }
    }
    guard !files.isEmpty else { throw LabelledImagesError.noImages(path: directory) }
    return files.sorted { $0.path < $1.path }
}

/// The images listed in a CSV of `file,label` lines; file paths are relative to the CSV's folder
/// (or absolute). Blank lines and lines starting with `#` are skipped, as is a first line whose
/// label is not a number (a header such as `file,label`). The file name is everything before the
/// last comma; surrounding spaces and double quotes are removed. Kept in the CSV's order.
public func labelledImageFiles(csv path: String) throws -> [LabelledImageFile] {
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw LabelledImagesError.cannotRead(path: path, reason: (error as NSError).localizedDescription)
    }
    let folder = (path as NSString).deletingLastPathComponent
    var files: [LabelledImageFile] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty || line.hasPrefix("#") { continue }
        guard let comma = line.lastIndex(of: ",") else {
            throw LabelledImagesError.badCSVLine(path: path, line: index + 1, reason: "no comma")
        }
        let name = unquote(line[..<comma]), labelText = unquote(line[line.index(after: comma)...])
        guard let label = Int(labelText) else {
            if files.isEmpty && index == firstContentLine(text) { continue }  // a header
            throw LabelledImagesError.badCSVLine(path: path, line: index + 1, reason: "label '\(labelText)' is not a number")
        }
        guard (0...9).contains(label) else {
            throw LabelledImagesError.badCSVLine(path: path, line: index + 1, reason: "label \(label) is not a digit")
        }
        guard !name.isEmpty else {
            throw LabelledImagesError.badCSVLine(path: path, line: index + 1, reason: "empty file name")
        }
        let filePath = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        files.append(LabelledImageFile(path: filePath, label: label))
    }
    guard !files.isEmpty else { throw LabelledImagesError.noImages(path: path) }
    return files
}

/// `  "a b.png" ` → `a b.png`.
private func unquote(_ field: Substring) -> String {
    var text = field.trimmingCharacters(in: .whitespaces)
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
    return text
}

/// Index of the first line that is neither blank nor a comment.
private func firstContentLine(_ text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { line in
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }
}
