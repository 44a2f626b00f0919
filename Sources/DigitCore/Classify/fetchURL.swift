import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why one HTTP(S) download failed.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    /// The server answered with a status other than 200.
    case httpStatus(Int)
    /// No answer, a refused connection, a timeout, or the connection dropped; the system's message.
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

/// Downloads the whole body at `url` into memory (GET, redirects followed).
/// `timeout`: seconds without any data before giving up; the whole transfer may take at most 20× that.
public func fetchURL(_ url: String, timeout: TimeInterval) throws -> [UInt8] {
    guard let target = URL(string: url), target.scheme != nil else { throw FetchError.invalidURL(url) }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout * 20
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }

    let outcome = FetchOutcome()
    let finished = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: target) { data, response, error in
        outcome.data = data
        outcome.response = response
        outcome.error = error
        finished.signal()
    }
    task.resume()
    finished.wait()

    if let error = outcome.error as NSError? {
        if error.domain == NSURLErrorDomain && error.code == NSURLErrorTimedOut {
            throw FetchError.timedOut(seconds: timeout)
        }
        throw FetchError.transport(error.localizedDescription)
    }
    if let http = outcome.response as? HTTPURLResponse, http.statusCode != 200 {
        throw FetchError.httpStatus(http.statusCode)
    }
    let body = [UInt8](outcome.data ?? Data())
    if let expected = outcome.response?.expectedContentLength, expected >= 0, Int(expected) != body.count {
        throw FetchError.truncated(expectedBytes: Int(expected), receivedBytes: body.count)
    }
    return body
}

/// What the completion handler saw, handed back across the semaphore.
private final class FetchOutcome: @unchecked Sendable {
    var data: Data?
    var response: URLResponse?
    var error: Error?
}
