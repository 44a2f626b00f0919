/// A run-time failure of a subcommand: the one line printed on stderr (after `digit: `), exit
/// status 1, no usage text. Command-line usage errors stay `ValidationError` (status 2) and are
/// thrown only while parsing or from `validate()`.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
