import ArgumentParser
import DigitCore
import Foundation
import Synchronization

struct Recognize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognize",
        abstract: "Read the handwritten digit in PNG or JPEG images.",
        discussion: """
        Prints the digit first, then the ten class probabilities. Inputs are read on all \
        cores and reported in the order given, each as soon as it is done.

        INPUTS
          FILE      a PNG or JPEG file (told apart by content, not by name)
          DIR       the files in a folder (-r: and its sub-folders); files that are not
                    PNG or JPEG are skipped with a note on standard error
          -         newline-separated paths read from standard input
          (none)    the image itself piped into standard input

        EXAMPLES
          One photo:
            digit recognize photo.png
          An image piped in:
            digit recognize < photo.jpg
          A folder of scans piped in as paths:
            find scans -name '*.jpg' | digit recognize -
          A folder and its sub-folders:
            digit recognize -r scans
          Output for scripts (one JSON object per line, or CSV with a header):
            digit recognize --format jsonl scans/*.png
            digit recognize --format csv -r scans > digits.csv
          Withhold answers below 80% confidence (reported as "uncertain", no digit):
            digit recognize --min-confidence 0.8 photo.png
          The bundled linear model instead of the default mlp (one hidden layer):
            digit recognize --model linear photo.png
          Use a model of your own instead of the bundled ones:
            digit recognize --weights my-model.dgw photo.png
          A number (every digit, lines top to bottom, each left to right):
            digit recognize --number meter.jpg
            meter.jpg: 4217  (99% 97% 88% 99%)

        NUMBERS (--number)
          text   meter.jpg: 4217  (99% 97% 88% 99%)   the number, then each digit's confidence
          jsonl  {"file":"meter.jpg","number":"4217","confidence":0.88,"digits":[{"digit":4,
                  "confidence":0.99,"probabilities":[...],"box":[x,y,width,height],"line":0},...],
                  "warnings":[],"error":null}
                 (lines joined by one space: "417 2093"; number null when none; boxes in pixels
                 of the image as displayed)
          csv    file,number,confidence,error
          --min-confidence applies to each digit; exit status 0 when every input gave a number.

        OUTPUT FORMATS
          text   photo.png: 7 (93.1%)  0:0.001 1:0.005 ... 9:0.007
                 (the file name is shown when there is more than one input;
                 a bar chart on a terminal)
          jsonl  one object per input:
                 {"file":"photo.png","digit":7,"confidence":0.931,
                  "probabilities":[...],"warnings":[],"error":null}
                 (digit, confidence and probabilities may be null)
          csv    file,digit,confidence,p0,...,p9,error
                 (error says why there is no digit: the read error,
                 "no digit found" or "uncertain: ...")

        EXIT STATUS
          0  every input gave a digit
               digit recognize photo.png
          1  an input could not be read, held no digit, or was uncertain
             (the others are still reported), or no model is available
               digit recognize photo.png blank.png
          2  usage error (unknown option, bad value, no input)
               digit recognize --format xml photo.png
        """)

    @Argument(help: ArgumentHelp("Image files, folders, or - for paths on standard input.",
                                 valueName: "input"))
    var inputs: [String] = []

    @Flag(name: .shortAndLong, help: "Read sub-folders of folders too.")
    var recursive = false

    @Option(help: "Output format: text, jsonl or csv.")
    var format: OutputFormatOption = .text

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp(
        "Report answers whose top probability is below this (0…1) as uncertain, with no digit.",
        valueName: "p"))
    var minConfidence: Double?

    @Option(help: modelOptionHelp)
    var model: BundledModel?
    @Flag(help: "Read a number: every digit, in lines top to bottom, each left to right.")
    var number = false

    @Option(help: ArgumentHelp("A weights file to use instead of the bundled model.", valueName: "file"))
    var weights: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1, got \(minConfidence)")
        }
        if let jobs, !(1...256).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and 256, got \(jobs)")
        }
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("'-' (paths on standard input) can be given only once")
        }
        if inputs.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw ValidationError("""
                no input: give image files or folders, '-' to read paths from standard input, \
                or pipe an image in (digit recognize < photo.jpg)
                """)
        }
    }

    func run() throws {
        let inputList = try inputSequence()
        let classifier: Classifier
        do {
            classifier = try Classifier.load(weightsFile: weights, bundled: model)
        } catch {
            printToStandardError("digit: \(error)")
            throw ExitCode.failure
        }
        if number { return try runNumbers(inputList, classifier: classifier) }
        let formatter = makeFormatter()
        let output = StreamedOutput()
        if let header = formatter.header { output.append(header) }

        let tally = Mutex(RecognitionTally())
        let settings = RecognitionSettings(minimumConfidence: minConfidence.map { Float($0) })
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let textMode = format == .text
        recognizeInOrder(inputList, settings: settings, workers: workers,
                         classify: { classifier.predict($0) },
                         emit: { outcome in
                             tally.withLock { $0.count(outcome) }
                             switch outcome {
                             case .skipped(let file, let reason):
                                 printToStandardError(escapingControlCharacters("\(file): skipped, \(reason)"))
                             case .recognized(let recognition):
                                 if textMode, let error = recognition.error {
                                     printToStandardError(escapingControlCharacters("\(recognition.file): \(error)"))
                                 }
                                 output.append(formatter.format(recognition))
                             }
                         },
                         flush: { output.flush() })
        output.flush()
        let counts = tally.withLock { $0 }
        if counts.inputs == 0 {
            printToStandardError("digit: no images to read")
        }
        if !counts.everyInputGaveDigit { throw ExitCode.failure }
    }

    /// The inputs, lazily: arguments in order, `-` replaced by the paths on standard input,
    /// or, with no arguments, the image on standard input.
    private func inputSequence() throws -> AnySequence<RecognitionInput> {
        if inputs.isEmpty {
            let input: RecognitionInput
            do {
                let bytes = try readStandardInputBytes()
                guard !bytes.isEmpty else {
                    // A usage error found while running: ArgumentParser would show the root's usage
                    // line, so the message (with a pointer to this command's help) is printed here.
                    printToStandardError("""
                        Error: no input: standard input is empty; give image files or folders, '-' to read \
                        paths from standard input, or pipe an image in (digit recognize < photo.jpg)
                        See 'digit recognize --help' for more information.
                        """)
                    throw ExitCode(usageErrorStatus)
                }
                if ImageFormat(magic: bytes) == nil, looksLikeText(bytes) {
                    // Most likely paths piped in without `-`.
                    input = RecognitionInput(name: "-", source: .unreadable(reason: """
                        \(DecodeError.unrecognisedFormat) (it looks like text: to read paths from \
                        standard input, give '-', as in find scans -name '*.jpg' | digit recognize -)
                        """))
                } else {
                    input = RecognitionInput(name: "-", source: .bytes(bytes))
                }
            } catch let error as ImageFileError {
                input = RecognitionInput(name: "-", source: .unreadable(reason: error.description))
            }
            return AnySequence(CollectionOfOne(input))
        }
        let arguments = inputs
        let paths = arguments.lazy.flatMap { argument -> AnySequence<PathBytes> in
            argument == "-" ? AnySequence(StandardInputLines())
                            : AnySequence(CollectionOfOne(commandLinePathBytes(argument)))
        }
        return AnySequence(RecognitionInputs(paths: paths, recursive: recursive,
                                             note: { printToStandardError(escapingControlCharacters($0)) }))
    }

    private func makeFormatter() -> RecognitionFormatter {
        switch format {
        case .jsonl:
            return JSONLinesRecognitionFormatter()
        case .csv:
            return CSVRecognitionFormatter()
        case .text:
            let single = inputs.isEmpty
                || (inputs.count == 1 && inputs[0] != "-" && !isDirectory(inputs[0]))
            let style: TextRecognitionFormatter.Style =
                standardOutputIsTerminal ? (single ? .chart : .oneLine) : .plain
            return TextRecognitionFormatter(style: style, showsFileNames: !single)
        }
    }
}

/// `--format` values.
enum OutputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, csv
}

/// Lines of standard input, read lazily as bytes (a path need not be UTF-8), without their
/// line ends (`\n` or `\r\n`); blank lines left out.
private struct StandardInputLines: Sequence, IteratorProtocol {
    /// Standard input as a C stream of its own (the global `stdin` is shared mutable state).
    private let input = fdopen(STDIN_FILENO, "r")

    mutating func next() -> PathBytes? {
        guard let input else { return nil }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while true {
            let length = getline(&line, &capacity, input)
            guard length >= 0, let line else { return nil }
            var bytes = UnsafeRawBufferPointer(start: line, count: length).map { $0 }
            if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if !bytes.isEmpty { return PathBytes(bytes: bytes) }
        }
    }
}

/// Standard output, buffered between flushes (so each run of finished results is one write).
final class StreamedOutput: Sendable {
    private let buffer = Mutex("")

    func append(_ text: String) {
        buffer.withLock { $0 += text }
    }

    func flush() {
        let text = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// True when the first bytes are printable ASCII or UTF-8 text with line breaks, no control codes.
private func looksLikeText(_ bytes: [UInt8]) -> Bool {
    bytes.prefix(512).allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
}

private func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
