import ArgumentParser
import DigitCore
import Foundation
import Synchronization

extension Recognize {
    /// `digit recognize --number`: the same inputs, order, threads and exit status as for single
    /// digits, with each input's number in place of its digit.
    func runNumbers(_ inputList: AnySequence<RecognitionInput>, classifier: Classifier) throws {
        let formatter = makeNumberFormatter()
        let output = StreamedOutput()
        if let header = formatter.header { output.append(header) }
        let counts = Mutex((inputs: 0, numbers: 0))
        let settings = RecognitionSettings(minimumConfidence: minConfidence.map { Float($0) })
        let textMode = format == .text
        recognizeNumbersInOrder(inputList, settings: settings,
                                workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                classify: { classifier.predict($0) },
                                emit: { outcome in
                                    switch outcome {
                                    case .skipped(let file, let reason):
                                        printToStandardError(escapingControlCharacters("\(file): skipped, \(reason)"))
                                    case .recognized(let recognition):
                                        counts.withLock {
                                            $0.inputs += 1
                                            if recognition.number != nil { $0.numbers += 1 }
                                        }
                                        if textMode, let error = recognition.error {
                                            printToStandardError(escapingControlCharacters("\(recognition.file): \(error)"))
                                        }
                                        output.append(formatter.format(recognition))
                                    }
                                },
                                flush: { output.flush() })
        output.flush()
        let (inputsRead, numbersRead) = counts.withLock { ($0.inputs, $0.numbers) }
        if inputsRead == 0 { printToStandardError("digit: no images to read") }
        if inputsRead == 0 || numbersRead < inputsRead { throw ExitCode.failure }
    }

    private func makeNumberFormatter() -> NumberRecognitionFormatter {
        switch format {
        case .text: return TextNumberFormatter()
        case .jsonl: return JSONLinesNumberFormatter()
        case .csv: return CSVNumberFormatter()
        }
    }
}
