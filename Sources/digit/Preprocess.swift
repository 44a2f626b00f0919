import ArgumentParser
import DigitCore
import Foundation

/// `digit preprocess`: writes the 28×28 image the classifier will see, and optionally one
/// picture per preprocessing stage, through the same path as `recognize` (`readDigit`).
struct Preprocess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preprocess",
        abstract: "Write the 28×28 digit the classifier sees (and, with --steps, every stage).",
        discussion: """
            Runs exactly the preprocessing `digit recognize` uses: grayscale, ink polarity, \
            lighting flattened, ruled lines removed, ink mask, the digit's components picked, \
            then MNIST's normalisation (20-px box, stroke width, centre of mass at (14, 14), deskew). \
            The output is white ink on black, like MNIST.

            With --model or --weights, also prints what that model reads in the 28×28 image.

            Example:
              digit preprocess photo.jpg -o seen.png --scale 10 --steps stages/
            writes seen.png (280×280) and stages/1-gray.png … stages/11-deskewed.png.
              digit preprocess photo.jpg -o seen.png --model linear
            also prints e.g. "seen.png: 7 (98.1%) by the bundled linear model".

            With --number, -o is a directory (created if needed): it receives digit-1.png,
            digit-2.png, … (what the classifier saw for each digit, in reading order) and
            boxes.png (the page with each digit's box drawn and labelled position-digit),
            exactly as `digit recognize --number` reads it:
              digit preprocess --number meter.jpg -o seen/
            """)

    @Argument(help: "The image to read (PNG or JPEG).")
    var image: String

    @Option(name: [.short, .customLong("output")], help: """
        Where to write the 28×28 PNG the classifier sees (with --number: a directory for each digit's 28×28 and boxes.png).
        """)
    var output: String

    @Option(help: "Enlarge the output N times (nearest neighbour), e.g. 10 for 280×280.")
    var scale: Int = 1

    @Option(help: "Also write one PNG per preprocessing stage into this directory (created if needed).")
    var steps: String?

    @Option(help: modelOptionHelp)
    var model: BundledModel?

    @Option(help: ArgumentHelp("Also print what this weights file reads in the 28×28 image.", valueName: "file"))
    var weights: String?
    @Flag(help: "Read a number: write each digit's 28×28 and a picture of the boxes into the -o directory.")
    var number = false

    func validate() throws {
        guard (1...100).contains(scale) else { throw ValidationError("--scale must be between 1 and 100") }
        if number && steps != nil { throw ValidationError("--steps is for one digit; with --number, -o DIR gets the pictures") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try readImageFile(at: commandLinePathBytes(image))
        } catch {
            throw failure("\(image): \(error)")
        }
        if number { return try writeNumberPictures(bytes) }
        let result: PreprocessResult
        do {
            result = try readDigit(fromFileBytes: bytes, recordingSteps: steps != nil)
        } catch {
            throw failure("\(image): \(error)")
        }
        if let steps {
            do {
                try FileManager.default.createDirectory(atPath: steps, withIntermediateDirectories: true)
            } catch {
                throw failure("\(steps): cannot create directory: \(directoryFailureReason(error))")
            }
            for step in result.steps {
                let path = (steps as NSString).appendingPathComponent(step.name + ".png")
                try write(step.image, to: path)
            }
        }
        for warning in result.warnings where warning != noDigitFoundWarning {
            printToStandardError("\(image): \(warning)")
        }
        guard let digit = result.digit else {
            throw failure("\(image): \(noDigitFoundWarning)")
        }
        try write(enlarged(digit, by: scale), to: output)
        if model != nil || weights != nil {
            let classifier: (file: WeightsFile, source: String)
            do {
                classifier = try loadWeightsFile(path: weights, model: model)
            } catch {
                throw failure("digit: \(error)")
            }
            let prediction = classifier.file.classifier.predict(digit)
            print(String(format: "%@: %d (%.1f%%) by the %@", output, prediction.digit, Double(prediction.confidence) * 100,
                         classifier.source))
        }
    }

    /// `--number`: each digit's 28×28 (`digit-N.png`) and `boxes.png` into the `-o` directory.
    private func writeNumberPictures(_ bytes: [UInt8]) throws {
        let classifier: Classifier
        do {
            classifier = try loadWeightsFile(path: weights, model: model).file.classifier
        } catch {
            throw failure("digit: \(error)")
        }
        let reading: NumberReading
        do {
            reading = try readNumber(fromFileBytes: bytes, keepingPage: true, classify: { classifier.predict($0) })
        } catch {
            throw failure("\(image): \(error)")
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw failure("\(output): cannot create directory: \(directoryFailureReason(error))")
        }
        for (index, digit) in reading.digitImages.enumerated() {
            try write(enlarged(digit, by: scale), to: (output as NSString).appendingPathComponent("digit-\(index + 1).png"))
        }
        if let page = reading.page {
            let picture = numberBoxesPicture(page: page, boxes: reading.pageBoxes,
                                             digits: reading.digits.map(\.prediction.digit))
            try write(encoded: { try encodePNG(picture) }, to: (output as NSString).appendingPathComponent("boxes.png"))
        }
        guard let number = reading.number else { throw failure("\(image): \(noDigitFoundWarning)") }
        print("\(image): \(number)")
    }

    /// Encodes `picture` as PNG and replaces `path` atomically; errors become one line.
    private func write(_ picture: GrayImage, to path: String) throws {
        try write(encoded: { try encodePNG(picture) }, to: path)
    }

    /// Replaces `path` atomically with the bytes `encode` makes; errors become one line.
    private func write(encoded encode: () throws -> [UInt8], to path: String) throws {
        do {
            try writeFileAtomically(try encode(), to: path)
        } catch let error as FileWriteError {
            throw failure(error.description)
        } catch {
            throw failure("\(path): \(error)")
        }
    }

    private func failure(_ line: String) -> ExitCode {
        printToStandardError(line)
        return ExitCode.failure
    }
}

/// The 28×28 digit as gray bytes (ink white), each pixel repeated `factor`×`factor` times.
private func enlarged(_ digit: DigitImage, by factor: Int) -> GrayImage {
    let side = DigitImage.side * factor
    var luma = [UInt8](repeating: 0, count: side * side)
    for y in 0..<side {
        for x in 0..<side {
            let v = digit[x / factor, y / factor]
            luma[y * side + x] = UInt8((min(1, max(0, v)) * 255).rounded())
        }
    }
    return GrayImage(width: side, height: side, luma: luma)
}

/// The human part of a Foundation file error (e.g. "Not a directory").
private func directoryFailureReason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
}
