import Foundation
import DigitTestSupport
import Testing
@testable import DigitCore

@Suite struct MNISTDirectoryTests {
    typealias F = ClassifyFixtures

    @Test func anExplicitFolderWinsThenTheEnvironment() throws {
        let env = ["DIGIT_MNIST_DIR": "/from/env", "HOME": "/home/u"]
        #expect(try resolveMNISTDirectory(explicit: "/given", environment: env, currentDirectory: "/nowhere") == "/given")
        #expect(try resolveMNISTDirectory(explicit: nil, environment: env, currentDirectory: "/nowhere") == "/from/env")
    }

    @Test func thenSharedMNISTBesideTheCurrentFolder() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/shared/mnist", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/repo", withIntermediateDirectories: true)
        let found = try resolveMNISTDirectory(environment: ["HOME": root + "/home"], currentDirectory: root + "/repo")
        #expect(found == (root + "/shared/mnist" as NSString).standardizingPath)
    }

    @Test func thenTheCacheWhenItHoldsTheData() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let env = ["XDG_CACHE_HOME": root + "/cache", "HOME": root + "/home"]
        let current = root + "/work/repo"  // ../shared/mnist from here does not exist
        #expect(mnistCacheDirectory(environment: env) == root + "/cache/digit/mnist")
        #expect(mnistCacheDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.cache/digit/mnist")
        // Empty cache: a clear error that names the places looked in and the download command.
        do {
            _ = try resolveMNISTDirectory(environment: env, currentDirectory: current)
            Issue.record("no error without data")
        } catch let error as MNISTLocationError {
            #expect(error.description.contains("digit train --download"))
            #expect(error.description.contains(root + "/cache/digit/mnist"))
        }
        try FileManager.default.createDirectory(atPath: root + "/cache/digit/mnist", withIntermediateDirectories: true)
        try Data([0]).write(to: URL(fileURLWithPath: root + "/cache/digit/mnist/train-images-idx3-ubyte.gz"))
        #expect(try resolveMNISTDirectory(environment: env, currentDirectory: current) == root + "/cache/digit/mnist")
    }
}
