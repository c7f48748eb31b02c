import Foundation

/// Work the worker does on time rather than on new files (sending the
/// newsletter's due issues and retries): run after a pass over the queue when
/// the time it asked for has come, when `queue.rescanSeconds` went by since it
/// last ran (a change made from the command line), or when the pass changed
/// something (an item published or withdrawn, another job's `changedState`).
public protocol PeriodicJob: AnyObject {
    /// Does what is due now, checking `stopRequested` between steps.
    /// Throws when it had to stop on a problem the administrator must see.
    func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult
}

/// What a periodic job reports to the worker.
public struct PeriodicJobResult: Sendable, Equatable {
    /// When the job has something due next (nil: nothing planned).
    public var nextWake: Date?
    /// A temporary failure stopped it (server down…), in French; it tries again at `nextWake`.
    public var temporaryFailure: String?
    /// That failure comes from the settings (a refused password, an unusable
    /// relay address): the service still tries again, a single run says 78.
    public var settingsError: Bool
    /// It changed what other jobs read (a pickup applied a subscription or a
    /// decision, the mailbox recorded a withdrawal): they run in this pass.
    public var changedState: Bool

    public init(nextWake: Date?, temporaryFailure: String? = nil, settingsError: Bool = false, changedState: Bool = false) {
        self.nextWake = nextWake
        self.temporaryFailure = temporaryFailure
        self.settingsError = settingsError
        self.changedState = changedState
    }
}
