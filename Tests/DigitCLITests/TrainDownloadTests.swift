import Foundation
import Testing
import DigitCore

@Suite struct TrainDownloadTests {
    /// `digit train --download` with mirrors that cannot answer: it names every mirror and why it failed,
    /// exits non-zero before training, and leaves the data folder without any (partial) file.
    @Test func failingMirrorsAreNamedAndNothingIsWritten() throws {
        let root = try CLIFixtures.temporaryFolder("train-download")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/mnist"
        // Port 9 (discard) on 127.0.0.1: nothing listens there in the test environment.
        let mirrors = "http://127.0.0.1:9/a/, http://127.0.0.1:9/b/"
        let result = try DigitBinary.run(["train", "--download", "--data", data, "-o", root + "/m.dgw"],
                                         environment: ["DIGIT_MNIST_MIRRORS": mirrors])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("every mirror failed"))
        #expect(result.stderr.contains("http://127.0.0.1:9/a/train-images-idx3-ubyte.gz"))
        #expect(result.stderr.contains("http://127.0.0.1:9/b/train-images-idx3-ubyte.gz"))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(!FileManager.default.fileExists(atPath: root + "/m.dgw"))
    }

    /// Downloads run the system's `curl`; without it on PATH the message says what to install.
    @Test func missingCurlIsNamedWithTheFix() throws {
        let root = try CLIFixtures.temporaryFolder("train-download-no-curl")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try DigitBinary.run(["train", "--download", "--data", root + "/mnist", "-o", root + "/m.dgw"],
                                         environment: ["DIGIT_MNIST_MIRRORS": "http://127.0.0.1:9/", "PATH": root])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("curl not found: install curl (apt-get install curl) to download MNIST"))
        #expect(!FileManager.default.fileExists(atPath: root + "/m.dgw"))
    }
}
