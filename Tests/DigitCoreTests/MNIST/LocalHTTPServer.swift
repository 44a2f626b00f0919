import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) for download tests: POSIX sockets,
/// one thread per connection, answers GET from a fixed table of routes, then closes.
final class LocalHTTPServer: @unchecked Sendable {
    enum Route {
        /// 200 with the whole body.
        case body([UInt8])
        /// 200 announcing the whole body's length, but closing after `sentBytes` of it.
        case cutOff([UInt8], sentBytes: Int)
        /// 200 announcing `body`, sending `sentBytes`, then going silent for `seconds` before closing.
        case stall([UInt8], sentBytes: Int, seconds: Double)
    }

    let port: UInt16
    private let listener: Int32
    private let routes: [String: Route]
    private let lock = NSLock()
    private var requestedPaths: [String] = []

    /// Base URL of the server, e.g. `http://127.0.0.1:41234`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Paths requested so far, in order.
    var requests: [String] { lock.withLock { requestedPaths } }

    /// `routes`: path (e.g. `/good/t10k-labels-idx1-ubyte.gz`) → answer; any other path gets 404.
    init(routes: [String: Route]) throws {
        self.routes = routes
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw ServerError.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { close(fd); throw ServerError.socket(errno) }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting connections (connections in flight finish on their own).
    /// Stops accepting. The listening socket is closed by the accept loop as it ends, not here:
    /// closing it here let a server started next reuse its descriptor number while this loop
    /// was about to call `accept` again, which then answered the other server's requests (a 404
    /// seen under load, when tests run in parallel).
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    enum ServerError: Error { case socket(Int32) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let path = readRequestPath(client) else { return }
        lock.withLock { requestedPaths.append(path) }
        switch routes[path] {
        case .body(let body)?:
            send(client, header(status: "200 OK", length: body.count) + body)
        case .cutOff(let body, let sentBytes)?:
            send(client, header(status: "200 OK", length: body.count) + body.prefix(sentBytes))
        case .stall(let body, let sentBytes, let seconds)?:
            send(client, header(status: "200 OK", length: body.count) + body.prefix(sentBytes))
            Thread.sleep(forTimeInterval: seconds)
        case nil:
            let body = Array("not found\n".utf8)
            send(client, header(status: "404 Not Found", length: body.count) + body)
        }
    }

    private func header(status: String, length: Int) -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nContent-Type: application/octet-stream\r\nContent-Length: \(length)\r\nConnection: close\r\n\r\n".utf8)
    }

    /// Reads up to the blank line ending the request head; returns the request target of a GET.
    private func readRequestPath(_ client: Int32) -> String? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: [13, 10, 13, 10]), head.count < 65536 {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            head += buffer[0..<n]
            if let end = head.firstRange(of: [13, 10, 13, 10]) { head = Array(head[..<end.upperBound]); break }
        }
        let requestLine = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard requestLine.count >= 2, requestLine[0] == "GET" else { return nil }
        return String(requestLine[1])
    }

    /// Sends all of `bytes`, ignoring a peer that went away (no SIGPIPE).
    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
