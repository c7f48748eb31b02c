import Foundation

/// What the worker did with one item, for the log, `crieur demo` and tests.
public enum WorkerEvent: Sendable, Equatable {
    /// Published; `outputs` lists, per channel, the files written in `out/<channel>/`.
    case published(item: String, outputs: [Channel: [String]], unsupported: [Channel], warnings: [String])
    case rejected(item: String, report: String)
    case deferred(item: String, until: Date)
    case expired(item: String)
    /// A temporary failure (disk full, …): the item waits in `deferred/` for another try.
    case retry(item: String, reason: String, until: Date)
    case recovered(item: String)
    /// The file changed after it was claimed (its writer had paused): back in
    /// `incoming/`, to be read whole once it stops changing.
    case changedWhileRead(item: String)
    /// A periodic job (the newsletter sender) stopped on a failure; it tries again at `until`.
    case periodicFailure(reason: String, until: Date?)
}
