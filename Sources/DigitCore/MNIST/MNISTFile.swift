/// One of the four MNIST files, as named on the public mirrors, with the SHA-256 of its
/// *decompressed* bytes (gzip streams differ between mirrors; the IDX bytes do not).
public struct MNISTFile: Equatable, Sendable {
    /// E.g. `train-images-idx3-ubyte.gz`.
    public var name: String
    /// 64 lowercase hex digits: SHA-256 of the gunzipped bytes.
    public var decompressedSHA256: String

    public init(name: String, decompressedSHA256: String) {
        self.name = name
        self.decompressedSHA256 = decompressedSHA256
    }

    public static let trainImages = MNISTFile(
        name: "train-images-idx3-ubyte.gz",
        decompressedSHA256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db")
    public static let trainLabels = MNISTFile(
        name: "train-labels-idx1-ubyte.gz",
        decompressedSHA256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5")
    public static let testImages = MNISTFile(
        name: "t10k-images-idx3-ubyte.gz",
        decompressedSHA256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7")
    public static let testLabels = MNISTFile(
        name: "t10k-labels-idx1-ubyte.gz",
        decompressedSHA256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")

    /// The four files `digit train` and `digit evaluate` need.
    public static let all: [MNISTFile] = [trainImages, trainLabels, testImages, testLabels]
}
