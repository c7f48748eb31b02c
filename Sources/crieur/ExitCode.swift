/// Exit codes of PRODUCT.md (sysexits.h where one exists).
enum ExitCode: Int32 {
    case success = 0
    /// The text is too hard, or the work failed.
    case failure = 1
    case usage = 64
    /// Invalid input (EX_DATAERR).
    case dataError = 65
    /// Temporary failure, try again later (EX_TEMPFAIL).
    case temporaryFailure = 75
    /// A mistake in the settings, never retried (EX_CONFIG).
    case config = 78
}

/// A reason to stop a command, with the French sentence to print.
struct CommandError: Error {
    var code: ExitCode
    var message: String

    static func usage(_ message: String) -> CommandError {
        CommandError(code: .usage, message: message + "\nAide : crieur --help")
    }
}
