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
    /// A periodic job (the newsletter sender) stopped on a failure; it tries again at `until`.
    case periodicFailure(reason: String, until: Date?)
    /// A periodic job refused to run until a person acts (a consent ledger that
    /// is damaged or lost lines): no retry can fix it on its own.
    case periodicBlocked(reason: String)
}
