import Foundation

/// One request of the public pages, as `crieur web` (running as the web
/// server's user) leaves it in `web/drop/` for the worker: the web side never
/// reads `data/`; the worker applies the request to the consent ledger and
/// answers in `web/replies/` (`WebReply`).
public struct WebRequest: Codable, Sendable, Equatable, DroppedRequest {
    public enum Kind: String, Codable, Sendable {
        /// The subscription form (address, optional name, lists, box ticked).
        case subscribe
        /// The button of the confirmation page.
        case confirm
        /// The button of the unsubscribe page.
        case unsubscribe
        /// RFC 8058: a mail program's `List-Unsubscribe=One-Click` POST.
        case oneClickUnsubscribe
        /// A request the web side refused itself (bad form, bad link, honeypot filled): recorded, nothing applied.
        case refused
    }

    /// Random, 32 hexadecimal digits: the names of the request and reply files.
    public var id: String
    public var kind: Kind
    public var time: Date
    public var address: String?
    public var name: String?
    public var lists: [String]?
    /// The version of the consent text shown on the form (`newsletter.consentWording`).
    public var wording: String?
    public var token: String?
    /// For `refused`: why, in French (never the address).
    public var reason: String?

    public init(id: String = SecureRandom.hex(bytes: 16), kind: Kind, time: Date, address: String? = nil, name: String? = nil,
                lists: [String]? = nil, wording: String? = nil, token: String? = nil, reason: String? = nil) {
        self.id = id
        self.kind = kind
        self.time = time
        self.address = address
        self.name = name
        self.lists = lists
        self.wording = wording
        self.token = token
        self.reason = reason
    }

    static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// The worker's answer to a `WebRequest`: what the person is told. Holds no
/// personal data (the web side may read it).
public struct WebReply: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Pending subscription recorded; the confirmation e-mail follows.
        case confirmationSent
        case confirmed
        case unsubscribed
        /// The confirmation or unsubscribe link is unknown, old or already used.
        case unknownToken
        /// Too many subscription requests for this address today.
        case limited
        /// The address cannot be subscribed on line (erased at the person's request). In the request
        /// log only: the page gets `confirmationSent`, so that it does not tell who was erased.
        case refusedAddress
        /// Recorded only (a refused request).
        case recorded
    }

    public var outcome: Outcome
    /// The list titles concerned, for the page.
    public var lists: [String]

    public init(outcome: Outcome, lists: [String] = []) {
        self.outcome = outcome
        self.lists = lists
    }
}

/// The folders shared by the web side and the worker: `web/drop/` (requests:
/// writable by the web server's user, like Postfix's `maildrop`) and
/// `web/replies/` (answers: readable by it). Neither holds the ledger.
public struct WebDropFolder: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public var dropDirectory: String { workspace.path(Self.requestFolders[0]) }
    public var repliesDirectory: String { workspace.path("web/replies") }
    /// Requests the worker could not read, set aside for a person (0700).
    public var rejectedDirectory: String { workspace.path(Self.requestFolders[1]) }
    /// The folders, relative to the workspace, where a request may still hold
    /// an address (`consent erase` looks there).
    public static let requestFolders = ["web/drop", "web/rejected"]

    var box: RequestDropBox {
        RequestDropBox(dropDirectory: dropDirectory, repliesDirectory: repliesDirectory, rejectedDirectory: rejectedDirectory)
    }

    static func decoder() -> JSONDecoder { RequestDropBox.decoder() }

    /// Leaves `request` for the worker (`RequestDropBox.drop`).
    public func drop(_ request: WebRequest) throws {
        try box.drop(request)
    }

    /// The worker's answer, polled every 100 ms for up to `seconds`; nil when it did not come in time.
    public func waitForReply(id: String, seconds: Int, sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) -> WebReply? {
        box.waitForReply(WebReply.self, id: id, seconds: seconds, maxBytes: 16_384, sleep: sleep)
    }

    /// Writes the answer the web side may be waiting for.
    func reply(_ reply: WebReply, to id: String) throws {
        try box.reply(reply, to: id)
    }
}
