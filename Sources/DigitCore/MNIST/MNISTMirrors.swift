import Foundation

/// Public MNIST mirrors, tried in this order. Each is a base URL; a file's URL is base + file name.
public let defaultMNISTMirrors: [String] = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
]

/// The environment variable that replaces the mirror list: base URLs separated by commas or spaces.
public let mnistMirrorsEnvironmentVariable = "DIGIT_MNIST_MIRRORS"

/// The mirrors to try: `$DIGIT_MNIST_MIRRORS` when set and non-empty, else `defaultMNISTMirrors`.
public func mnistMirrors(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    guard let value = environment[mnistMirrorsEnvironmentVariable] else { return defaultMNISTMirrors }
    let listed = value.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    return listed.isEmpty ? defaultMNISTMirrors : listed
}

/// The URL of `fileName` on the mirror at `base` (a `/` is added between them when missing).
public func mirrorURL(base: String, fileName: String) -> String {
    base.hasSuffix("/") ? base + fileName : base + "/" + fileName
}
