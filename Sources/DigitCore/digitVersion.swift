/// The version `digit --version` prints.
public let digitVersion = "0.1.0"
