import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

private func sharedBytes(_ file: MNISTFile) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestMNIST.path(file.name))))
}

/// Valid gzip around any bytes (stored deflate blocks).
private func gzipStored(_ bytes: [UInt8]) -> [UInt8] { ClassifyFixtures.gzipStored(bytes) }

private func filesIn(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

@Suite(.enabled(if: TestMNIST.testsRun, "\(TestMNIST.skipReason)"))
struct MNISTDownloadTests {
    /// The two label files: small, so the debug-build SHA-256 stays quick.
    let labelFiles = [MNISTFile.testLabels, MNISTFile.trainLabels]

    @Test func gzipStoredHelperRoundTripsThroughGunzip() throws {
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        #expect(try gunzip(gzipStored(bytes)) == bytes)
    }

    /// Mirrors in order: nothing listening, 404, a corrupted file (valid gzip, one byte changed),
    /// a download cut off mid-body, a gzip stream with a damaged byte, then a good one.
    /// Each bad mirror is reported with its reason, the good one supplies the file.
    @Test func badMirrorsAreReportedAndTheGoodOneIsUsed() throws {
        var routes: [String: LocalHTTPServer.Route] = [:]
        for file in labelFiles {
            let good = try sharedBytes(file)
            var changed = try gunzip(good)
            changed[changed.count / 2] ^= 0x01
            var damagedGzip = good
            damagedGzip[damagedGzip.count / 2] ^= 0xFF
            routes["/corrupt/\(file.name)"] = .body(gzipStored(changed))
            routes["/cut/\(file.name)"] = .cutOff(good, sentBytes: good.count / 2)
            routes["/damaged/\(file.name)"] = .body(damagedGzip)
            routes["/good/\(file.name)"] = .body(good)
        }
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        let closedPort = try unusedPort()
        let mirrors = ["http://127.0.0.1:\(closedPort)/", "\(server.baseURL)/missing", "\(server.baseURL)/corrupt/",
                       "\(server.baseURL)/cut/", "\(server.baseURL)/damaged/", "\(server.baseURL)/good/"]
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        var events: [MNISTDownloadEvent] = []
        try ensureMNISTFiles(in: directory, mirrors: mirrors, files: labelFiles, timeout: 10) { events.append($0) }

        // The cache holds exactly the two files, with the right decompressed content.
        #expect(filesIn(directory) == labelFiles.map(\.name).sorted())
        for file in labelFiles {
            let cached = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file.name)))
            #expect(SHA256.hexDigest(try gunzip(cached)) == file.decompressedSHA256)
        }
        // Five failures per file, each with the right kind of reason, in mirror order.
        for file in labelFiles {
            let failures = events.compactMap { event -> (String, MirrorFailure)? in
                if case .mirrorFailed(file.name, let url, let failure) = event { return (url, failure) }
                return nil
            }
            try #require(failures.count == 5)
            if case .fetch(.transport) = failures[0].1 {} else { Issue.record("closed port: \(failures[0].1)") }
            #expect(failures[1].1 == .fetch(.httpStatus(404)))
            if case .hashMismatch(let expected, _) = failures[2].1 { #expect(expected == file.decompressedSHA256) }
            else { Issue.record("corrupted file not rejected by hash: \(failures[2].1)") }
            let served = try sharedBytes(file).count
            #expect(failures[3].1 == .fetch(.truncated(expectedBytes: served, receivedBytes: served / 2)))
            if case .badGzip = failures[4].1 {} else { Issue.record("damaged gzip: \(failures[4].1)") }
            #expect(events.contains(.saved(file: file.name, path: directory + "/" + file.name,
                                           bytes: try sharedBytes(file).count)))
        }
    }

    /// When every mirror fails, the error names each mirror and its reason, and no file
    /// (partial or temporary) is left in the cache.
    @Test func allMirrorsFailingLeavesNoFile() throws {
        let file = MNISTFile.testLabels
        let good = try sharedBytes(file)
        let server = try LocalHTTPServer(routes: [
            "/cut/\(file.name)": .cutOff(good, sentBytes: good.count - 100),
            "/corrupt/\(file.name)": .body(gzipStored(Array(repeating: 0, count: 1000))),
        ])
        defer { server.stop() }
        let directory = try makeTemporaryDirectory() + "/cache/mnist"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let mirrors = ["\(server.baseURL)/cut/", "\(server.baseURL)/corrupt/"]

        do {
            try ensureMNISTFiles(in: directory, mirrors: mirrors, files: [file], timeout: 10)
            Issue.record("expected every mirror to fail")
        } catch let error as MNISTDownloadError {
            guard case .allMirrorsFailed(let name, let attempts) = error else { Issue.record("\(error)"); return }
            #expect(name == file.name)
            #expect(attempts.map(\.url) == mirrors.map { $0 + file.name })
            let message = error.description
            #expect(message.contains("\(server.baseURL)/cut/\(file.name)"))
            #expect(message.contains("SHA-256"))
            #expect(attempts.first?.failure == .fetch(.truncated(expectedBytes: good.count, receivedBytes: good.count - 100)))
        }
        #expect(filesIn(directory).isEmpty, "left behind: \(filesIn(directory))")
    }

    /// A mirror that stops sending is abandoned after the timeout, and the next one is used.
    @Test func stalledMirrorTimesOut() throws {
        let file = MNISTFile.testLabels
        let good = try sharedBytes(file)
        let server = try LocalHTTPServer(routes: [
            "/stall/\(file.name)": .stall(good, sentBytes: 1000, seconds: 4),
            "/good/\(file.name)": .body(good),
        ])
        defer { server.stop() }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var failures: [MirrorFailure] = []
        try ensureMNISTFiles(in: directory, mirrors: ["\(server.baseURL)/stall/", "\(server.baseURL)/good/"],
                             files: [file], timeout: 1) { event in
            if case .mirrorFailed(_, _, let failure) = event { failures.append(failure) }
        }
        #expect(failures == [.fetch(.timedOut(seconds: 1))])
        #expect(filesIn(directory) == [file.name])
    }

    /// Files already in the directory are not fetched again.
    @Test func presentFilesAreNotDownloaded() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in labelFiles {
            try writeFileAtomically(try sharedBytes(file), to: directory + "/" + file.name)
        }
        var events: [MNISTDownloadEvent] = []
        try ensureMNISTFiles(in: directory, mirrors: [server.baseURL], files: labelFiles) { events.append($0) }
        #expect(server.requests.isEmpty)
        #expect(events == labelFiles.map { .present(file: $0.name, path: directory + "/" + $0.name) })
    }

    /// A decompressed copy (name without `.gz`) counts as present too.
    @Test func rawFilesCountAsPresent() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = MNISTFile.testLabels
        let rawPath = directory + "/t10k-labels-idx1-ubyte"
        try writeFileAtomically(try gunzip(try sharedBytes(file)), to: rawPath)
        var events: [MNISTDownloadEvent] = []
        try ensureMNISTFiles(in: directory, mirrors: [server.baseURL], files: [file]) { events.append($0) }
        #expect(server.requests.isEmpty)
        #expect(events == [.present(file: file.name, path: rawPath)])
    }

    /// The real thing: all four files from the local mirror, verified against the README's hashes.
    @Test func downloadsAllFourFiles() throws {
        var routes: [String: LocalHTTPServer.Route] = [:]
        for file in MNISTFile.all { routes["/mnist/\(file.name)"] = .body(try sharedBytes(file)) }
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ensureMNISTFiles(in: directory, mirrors: ["\(server.baseURL)/mnist/"])
        #expect(filesIn(directory) == MNISTFile.all.map(\.name).sorted())
        for file in MNISTFile.all {
            let cached = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file.name)))
            #expect(cached == (try sharedBytes(file)), "\(file.name) differs from the served file")
        }
    }
}

@Suite struct MNISTMirrorListTests {
    @Test func environmentVariableReplacesTheDefaults() {
        #expect(mnistMirrors(environment: [:]) == defaultMNISTMirrors)
        #expect(mnistMirrors(environment: ["DIGIT_MNIST_MIRRORS": "  "]) == defaultMNISTMirrors)
        #expect(mnistMirrors(environment: ["DIGIT_MNIST_MIRRORS": "http://a/x, http://b/ http://c"])
                == ["http://a/x", "http://b/", "http://c"])
    }

    @Test func urlsJoinWithOneSlash() {
        #expect(mirrorURL(base: "http://a/x", fileName: "f.gz") == "http://a/x/f.gz")
        #expect(mirrorURL(base: "http://a/x/", fileName: "f.gz") == "http://a/x/f.gz")
    }

    @Test func noMirrorsIsAnError() throws {
        let directory = NSTemporaryDirectory() + "digit-no-mirrors-\(UUID().uuidString)"
        #expect(throws: MNISTDownloadError.noMirrors) {
            try ensureMNISTFiles(in: directory, mirrors: [], files: [.testLabels])
        }
    }
}

/// A port on 127.0.0.1 with nothing listening (bound, read, released).
private func unusedPort() throws -> UInt16 {
    let server = try LocalHTTPServer(routes: [:])
    let port = server.port
    server.stop()
    return port
}
