import DigitCore
import Foundation

/// Writes one line to standard error (diagnostics never go to stdout).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// True when standard error is a terminal (progress bars are drawn only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

/// True when standard output is a terminal (friendlier text output only then).
var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

/// The one line reported for a run-time failure: the error's description (a path in it with a
/// line break or other control character shown escaped, so the message stays one line).
func runtimeFailureLine(_ error: Error) -> String {
    escapingControlCharacters(String(describing: error))
}
