import Foundation

/// One item waiting in `queue/review/` for a person's approval: the item file
/// `<id>.txt` exactly as it would enter `incoming/`, its picture beside it
/// (`<id>--<picture name>`), and `<id>.review.json` (this entry's record:
/// author, times, state, comments). Readable by the desk (no personal data of
/// the public; the names are staff's). A withdrawn entry keeps the same three
/// files in `queue/review/retirees/`.
public struct ReviewEntry: Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Waiting for an approver.
        case waiting
        /// Sent back to its author with a comment.
        case returned
        /// Withdrawn by its author or an approver before approval: kept in
        /// `queue/review/retirees/` (`ReviewQueue.withdrawnEntries`), never published.
        case withdrawn

        public var frenchName: String {
            switch self {
            case .waiting: return "à valider"
            case .returned: return "renvoyée"
            case .withdrawn: return "retirée"
            }
        }
    }

    /// Who withdrew an entry before approval, when, and why if they said.
    public struct Withdrawal: Codable, Sendable, Equatable {
        public var user: String
        public var time: Date
        public var reason: String?

        public init(user: String, time: Date, reason: String?) {
            self.user = user
            self.time = time
            self.reason = reason
        }
    }

    public struct Comment: Codable, Sendable, Equatable {
        public var user: String
        public var time: Date
        public var text: String

        public init(user: String, time: Date, text: String) {
            self.user = user
            self.time = time
            self.text = text
        }
    }

    /// The review id: the name of its files, what `crieur review approve` takes.
    public var id: String
    public var title: String
    /// Who wrote it (the first to submit it).
    public var author: String
    public var state: State
    public var submitted: Date
    /// The last submission, send-back or correction.
    public var updated: Date
    public var comments: [Comment]
    /// The item file, as it will enter `incoming/`.
    public var itemText: String
    /// The picture's file name in `queue/review/`, if any (`ReviewQueue.picturePath`).
    public var picture: String?
    /// The identity the item will have once published (`ItemIdentity`).
    public var identity: String
    public var channels: [Channel]
    /// Set for a withdrawn entry (`state == .withdrawn`).
    public var withdrawal: Withdrawal? = nil

    /// The last comment, if any.
    public var lastComment: Comment? { comments.last }
}
