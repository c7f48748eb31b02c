import Foundation

/// What the worker did with one item, for the log, `crieur demo` and tests.
public enum WorkerEvent: Sendable, Equatable {
    /// Published; `outputs` lists, per channel, the files written in `out/<channel>/`.
    case published(item: String, outputs: [Channel: [String]], unsupported: [Channel], warnings: [String])
    /// Follows `published` when some of the item's channels refused it; `report` is in `queue/done/`.
    case leftOut(item: String, channels: [Channel], report: String)
    /// The same version as the one already published: nothing changed.
    case unchanged(item: String, identity: String)
    /// `Statut: annulé`: the item is withdrawn from every channel.
    case withdrawn(item: String, identity: String)
    /// An older version waiting in `deferred/`, set aside by a newer one.
    case superseded(item: String, identity: String)
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
    /// Same, because of the settings (a refused password, an unusable relay
    /// address): tried again at `until` too, but a person must fix it.
    case periodicSettingsError(reason: String, until: Date?)
    /// A periodic job refused to run until a person acts (a consent ledger that
    /// is damaged or lost lines): no retry can fix it on its own.
    case periodicBlocked(reason: String)

    /// Whether the public pages must be rebuilt after it.
    var changesWhatIsShown: Bool {
        switch self {
        case .published, .withdrawn: return true
        default: return false
        }
    }
}
