import Foundation

/// One person on one list, as the consent ledger's events leave them. Derived
/// by `ConsentState`, never stored as such.
public struct Subscriber: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Subscribed on a double opt-in list, not confirmed yet: gets the confirmation e-mail only.
        case pending
        /// Gets the newsletter.
        case confirmed
        /// Left the list; gets nothing.
        case withdrawn
        /// Erased: no address or name is held any more.
        case erased

        /// How the administrator reads it.
        public var french: String {
            switch self {
            case .pending: return "en attente"
            case .confirmed: return "inscrit"
            case .withdrawn: return "désinscrit"
            case .erased: return "effacé"
            }
        }
    }

    public var id: String
    public var list: String
    public var address: String?
    public var name: String?
    public var state: State
    public var source: String?
    public var wording: String?
    public var subscribedAt: Date
    public var confirmedAt: Date?
    public var withdrawnAt: Date?
    public var erasedAt: Date?
    public var unsubscribeToken: String?
    /// Only while pending.
    public var confirmationToken: String?

    /// Has consent right now: the newsletter may be sent to this person.
    public var isActive: Bool { state == .confirmed }
}
