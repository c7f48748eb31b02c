/// What a person may do at the staff desk, given by `desk.users` in the
/// configuration for the name the web server authenticated (`REMOTE_USER`).
/// Crieur stores no password: who someone is, is the web server's business;
/// what they may do, is the configuration's.
public enum DeskRole: String, Codable, Sendable, CaseIterable {
    /// Writes announcements, corrects and withdraws their own.
    case redaction
    /// Also approves and sends back, and corrects or withdraws any announcement.
    case validation
    /// Everything.
    case admin

    /// How staff read the role, in French.
    public var frenchName: String {
        switch self {
        case .redaction: return "rédaction"
        case .validation: return "validation"
        case .admin: return "administration"
        }
    }
}

/// One thing a person asks the desk (or `crieur review`) to do, with what the
/// permission depends on: for a correction or a withdrawal, who wrote the item.
public enum DeskAction: Sendable, Equatable {
    /// A new announcement, sent to approval or straight to the queue.
    case write
    /// A new version of an item written by `author` (empty: unknown, written outside the desk).
    case correct(author: String)
    /// Taking down an item written by `author` (empty: unknown).
    case withdraw(author: String)
    /// Letting a waiting item into the queue.
    case approve
    /// Sending a waiting item back to its author with a comment.
    case sendBack
}
