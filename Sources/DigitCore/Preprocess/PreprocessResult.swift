/// What preprocessing made of one image.
public struct PreprocessResult: Sendable {
    /// The 28×28 input for the classifier, or `nil` when no digit was found.
    public var digit: DigitImage?
    /// Notes for the user, e.g. `no digit found`, or that several digits were seen
    /// and the dominant one was read.
    public var warnings: [String]
    /// One picture per stage (only when asked for), for `digit preprocess --steps`.
    public var steps: [PreprocessStep]
    /// Height of the digit's ink box in the image preprocessing worked on (px), `nil` when no
    /// digit was found: how much detail the digit had before it was scaled into MNIST's 20 px box.
    public var digitHeight: Int?
    /// How many ruled or grid lines and printed line segments (box sides, comb ticks, underlines)
    /// were found and painted out (0 when no digit was found).
    public var ruledLineCount: Int
    /// What the first look at the frame as it is measured (`preprocess(working:…)`), for the last
    /// look at it (`findBlurredDigit`) when nothing is found.
    var firstLook: FirstLook? = nil

    public init(digit: DigitImage?, warnings: [String] = [], steps: [PreprocessStep] = [], digitHeight: Int? = nil,
                ruledLineCount: Int = 0) {
        self.digit = digit
        self.warnings = warnings
        self.steps = steps
        self.digitHeight = digitHeight
        self.ruledLineCount = ruledLineCount
    }
}

/// A picture of one preprocessing stage, named for the file it is written to.
public struct PreprocessStep: Sendable {
    /// Short, file-name-safe, ordered: `1-polarity`, `2-illumination`, …
    public var name: String
    public var image: GrayImage

    public init(name: String, image: GrayImage) {
        self.name = name
        self.image = image
    }
}

/// The flattened frame (w×h, 0 = background … 1 = ink), its thresholds, its field frame and its
/// print as the first look at a frame took them (`cleanPage`): the last look (`findBlurredDigit`)
/// starts from them instead of cleaning the frame again.
struct FirstLook: Sendable {
    var flattened: FloatImage
    /// The frame, ink bright, before its lighting was divided out (`CleanedPage.unflattened`).
    var unflattened: FloatImage?
    var thresholds: InkThresholds
    var fieldFrame: FieldFrame?
    /// Where the first look found small print (`CleanedPage.printedRegions`).
    var printedRegions: [PixelBox] = []
    /// The insides of the form's boxes it found (`CleanedPage.printedBoxes`).
    var printedBoxes: [PixelBox] = []
    /// The printed lines it removed (`CleanedPage.printedLines`), and the answer lines among them
    /// (`CleanedPage.answerLines`).
    var printedLines: [LineSegment] = []
    var answerLines: [LineSegment] = []
    /// The frame is a sheet cut from a photo of it on a desk (`paperSheet`): its edges are the
    /// paper's, past which nothing is written (`isShadowEdge`).
    var sheetCut = false
    /// `flattened` with the printed lines painted out (`CleanedPage.flattenedWithoutLines`), when
    /// the first look had one: the last look averages it (`findBlurredDigit`), not `flattened`.
    var flattenedWithoutLines: FloatImage? = nil
    /// It found no digit but one mark large in the frame (`holdsLoneLargeMark`).
    var holdsLoneLargeMark = false
}
