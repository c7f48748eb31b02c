import Foundation

/// One action of the staff desk, as `crieur bureau` (running as the web
/// server's user) leaves it in `web/bureau/drop/` for the worker, which checks
/// the user's role again from the configuration and applies it (`DeskPickup`).
/// The desk never writes into `queue/` itself.
public struct DeskRequest: Codable, Sendable, Equatable, DroppedRequest {
    public enum Kind: String, Codable, Sendable {
        /// A new announcement (or a correction of a published one: its text carries `Id:`).
        case submit
        /// A new text for an item waiting in `queue/review/` (after it was sent back).
        case resubmit
        case approve
        case sendBack
        /// Take a published or scheduled item down (`identity`).
        case withdraw
        /// Take an entry waiting in `queue/review/` or sent back (`reviewID`) out of the review queue before it is
        /// published (`ReviewQueue.withdraw`: kept in `queue/review/retirees/`).
        case withdrawReview
    }

    /// Random, 32 hexadecimal digits, chosen by the server: the names of the request and reply files.
    public var id: String
    public var time: Date
    /// `REMOTE_USER`, as the web server authenticated it.
    public var user: String
    public var kind: Kind
    /// resubmit, approve, sendBack, withdrawReview.
    public var reviewID: String?
    /// withdraw: the item's identity (`ItemIdentity`).
    public var identity: String?
    /// submit, resubmit: the item file.
    public var text: String?
    /// The name of an upload already in the drop folder (chosen by the server, never by the person).
    public var picture: String?
    /// sendBack: what the author should change; withdraw, withdrawReview: the reason, if any.
    public var comment: String?

    public init(id: String = SecureRandom.hex(bytes: 16), time: Date, user: String, kind: Kind, reviewID: String? = nil,
                identity: String? = nil, text: String? = nil, picture: String? = nil, comment: String? = nil) {
        self.id = id
        self.time = time
        self.user = user
        self.kind = kind
        self.reviewID = reviewID
        self.identity = identity
        self.text = text
        self.picture = picture
        self.comment = comment
    }

    /// The same rule as `WebRequest` ids: 32 lower-case hexadecimal digits.
    public static func isValidID(_ id: String) -> Bool {
        WebRequest.isValidID(id)
    }
}

/// The worker's answer to a `DeskRequest`, in `web/bureau/replies/<id>.json`:
/// what the person is told, in French.
public struct DeskReply: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case done, refused
    }

    public var outcome: Outcome
    /// French, shown to the person.
    public var message: String
    /// French: the same messages `crieur enqueue` gives for an invalid item, one per problem.
    public var problems: [String]?
    /// The item's entry in `queue/review/`, when it waits there.
    public var reviewID: String?

    public init(outcome: Outcome, message: String, problems: [String]? = nil, reviewID: String? = nil) {
        self.outcome = outcome
        self.message = message
        self.problems = problems
        self.reviewID = reviewID
    }
}
