/// The bytes of `weights/mnist-softmax.dgw`, compiled into the binary so that
/// `digit` finds its model from any directory and from a copy installed elsewhere.
/// Empty when the package was built before any model was trained.
public let bundledWeightsBytes: [UInt8] = PackageResources.mnist_softmax_dgw
