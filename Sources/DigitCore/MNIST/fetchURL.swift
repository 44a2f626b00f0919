import Foundation

/// Why one HTTP(S) download failed.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    /// The server answered with a status other than 200.
    case httpStatus(Int)
    /// No answer, a refused connection, the connection dropped, or `curl` missing; curl's message.
    case transport(String)
    /// No data arrived for `seconds`.
    case timedOut(seconds: Double)
    /// The body ended before the announced `Content-Length`.
    case truncated(expectedBytes: Int, receivedBytes: Int)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid URL \(url)"
        case .httpStatus(let status): return "HTTP status \(status)"
        case .transport(let message): return message
        case .timedOut(let seconds): return String(format: "no data for %g s: timed out", seconds)
        case .truncated(let expected, let received):
            return "download cut off after \(received) of \(expected) bytes"
        }
    }
}

/// Downloads the whole body at `url` into memory (GET, redirects followed) by running the system's
/// `curl` into a temporary file. Running `curl` as a child process keeps FoundationNetworking (libcurl
/// and ~30 more shared libraries) out of the `digit` binary, so every other command starts faster.
/// `timeout`: seconds without any data before giving up (watched here, on the file's growth, because
/// curl's `--speed-time` averages over a 5 s window); the whole transfer may take at most 20× that.
public func fetchURL(_ url: String, timeout: TimeInterval) throws -> [UInt8] {
    guard let target = URL(string: url), target.scheme != nil else { throw FetchError.invalidURL(url) }
    let bodyPath = NSTemporaryDirectory() + "digit-fetch-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: bodyPath) }

    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    curl.arguments = ["curl", "--disable", "--silent", "--show-error", "--location", "--no-buffer",
                      "--connect-timeout", String(timeout), "--max-time", String(timeout * 20),
                      "--output", bodyPath, "--write-out", "%{http_code} %header{content-length}",
                      "--url", target.absoluteString]
    let report = Pipe(), messages = Pipe()
    curl.standardOutput = report
    curl.standardError = messages
    curl.standardInput = FileHandle.nullDevice
    do { try curl.run() } catch { throw curlNotFound }

    let stalled = waitForCurl(curl, writingTo: bodyPath, idleTimeout: timeout)
    let written = String(decoding: report.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    if stalled { throw FetchError.timedOut(seconds: timeout) }
    let fields = written.split(separator: " ").compactMap { Int($0) }   // [status, Content-Length?]
    let received = (try? FileManager.default.attributesOfItem(atPath: bodyPath)[.size] as? Int) ?? 0

    switch curl.terminationStatus {
    case 0:
        if let status = fields.first, status != 200 { throw FetchError.httpStatus(status) }
        return [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: bodyPath))) ?? Data())
    case 18 where fields.count == 2:   // body shorter than Content-Length
        throw FetchError.truncated(expectedBytes: fields[1], receivedBytes: received)
    case 28: throw FetchError.timedOut(seconds: timeout)
    case 127: throw curlNotFound       // `env` found no `curl` on PATH
    default:                           // 6 no such host, 7 refused, 18 cut off, 35/60 TLS, …
        let reason = message.split(separator: "\n").last.map(String.init) ?? ""
        throw FetchError.transport(reason.isEmpty ? "curl exited with status \(curl.terminationStatus)" : reason)
    }
}

private let curlNotFound = FetchError.transport("curl not found: install curl (apt-get install curl) to download MNIST")

/// Waits for `curl` to exit; if the file at `path` does not grow for `idleTimeout` seconds, stops it
/// and returns true (a stalled download). Polls every 50 ms.
private func waitForCurl(_ curl: Process, writingTo path: String, idleTimeout: TimeInterval) -> Bool {
    var lastSize = -1
    var lastGrowth = Date()
    while curl.isRunning {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size != lastSize { lastSize = size; lastGrowth = Date() }
        if Date().timeIntervalSince(lastGrowth) > idleTimeout {
            curl.terminate()
            curl.waitUntilExit()
            return true
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
    curl.waitUntilExit()
    return false
}
