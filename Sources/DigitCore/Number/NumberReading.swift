/// A box in pixels: `x`, `y` of the top-left corner, `width`, `height`.
public struct PixelBox: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One digit of a number as read.
public struct NumberDigit: Equatable, Sendable {
    /// The classifier's answer for this digit.
    public var prediction: Prediction
    /// Where the digit is, in pixels of the image as displayed (full resolution, after EXIF orientation).
    public var box: PixelBox
    /// Which line of the number it is on (0-based, top to bottom).
    public var line: Int

    public init(prediction: Prediction, box: PixelBox, line: Int) {
        self.prediction = prediction
        self.box = box
        self.line = line
    }
}

/// What `readNumber` made of one image.
public struct NumberReading: Sendable {
    /// The digits in reading order: lines top to bottom, each left to right. Empty: none found.
    public var digits: [NumberDigit]
    /// What the classifier saw for each digit (28×28, ink = 1.0), in the same order.
    public var digitImages: [DigitImage]
    /// Notes for the user, e.g. `no digit found`.
    public var warnings: [String]
    /// Only when asked for (`keepingPage`): the working image the digits were found in (the
    /// reduced first look, or the full working image when they were looked at again), and each
    /// digit's box in its pixels (it may be smaller than the displayed size).
    public var page: GrayImage?
    public var pageBoxes: [PixelBox]

    public init(digits: [NumberDigit], digitImages: [DigitImage], warnings: [String],
                page: GrayImage? = nil, pageBoxes: [PixelBox] = []) {
        self.digits = digits
        self.digitImages = digitImages
        self.warnings = warnings
        self.page = page
        self.pageBoxes = pageBoxes
    }

    /// The digits as a string, lines joined by one space (`"417 2093"`); `nil` when there are none.
    public var number: String? {
        guard !digits.isEmpty else { return nil }
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && digit.line != digits[index - 1].line { text += " " }
            text += String(digit.prediction.digit)
        }
        return text
    }
}
