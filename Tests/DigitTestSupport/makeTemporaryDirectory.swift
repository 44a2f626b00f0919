import Foundation

/// A fresh empty folder under the system's temporary directory; the caller removes it.
public func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "digit-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
