import Foundation

/// The worker's side of the public pages (Postfix's `pickup`): applies each
/// request `crieur web` left in `web/drop/` to the consent ledger, records it
/// in `data/web-requests.jsonl` (0600: time, kind, outcome, subscriber ids, a
/// hash of the mailbox for the per-address limit, never the address), answers
/// in `web/replies/` (removed after ten minutes), then removes the request. Asks to run again within two
/// seconds, so that a person waiting on the page gets the answer.
///
/// A request that cannot be read is moved to `web/rejected/` and logged. A
/// crash between the ledger and the removal applies the request again, which
/// changes nothing: subscribing a pending address, confirming or withdrawing
/// twice are no-ops in the ledger.
public final class WebPickup: PeriodicJob {
    public static let logFileName = "web-requests.jsonl"
    public static let pollSeconds: TimeInterval = 2

    let workspace: Workspace
    let config: CrieurConfig
    let clock: any Clock
    let logger: Logger?
    let folder: WebDropFolder

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock, logger: Logger? = nil) {
        self.workspace = workspace
        self.config = config
        self.clock = clock
        self.logger = logger
        self.folder = WebDropFolder(workspace: workspace)
    }

    /// One line of `data/web-requests.jsonl`.
    struct Record: Codable, Equatable {
        var time: Date
        var request: String
        var kind: WebRequest.Kind
        var outcome: WebReply.Outcome
        var subscribers: [String]?
        /// SHA-256 of the address's mailbox (`EmailAddress.mailboxKey`): counts requests per mailbox without keeping the address here.
        var addressHash: String?
        var reason: String?
    }

    var logPath: String { "\(workspace.dataDirectory)/\(WebPickup.logFileName)" }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let replies = try applyPending(stopRequested: stopRequested)
        return PeriodicJobResult(nextWake: clock.now().addingTimeInterval(WebPickup.pollSeconds), changedState: !replies.isEmpty)
    }

    /// Applies every complete request in the drop folder, oldest name first; returns the replies given.
    @discardableResult
    public func applyPending(stopRequested: () -> Bool = { false }) throws -> [String: WebReply] {
        try folder.box.pickUp(WebRequest.self, now: clock.now(), maxBytes: 65_536, stopRequested: stopRequested, setAside: { name in
            logger?.error("page web : demande illisible « \(name) » mise de côté dans web/rejected/")
        }, handle: { request in
            let (reply, record) = try apply(request)
            try AppendOnlyLog(path: logPath).append(record)
            try folder.reply(reply, to: request.id)
            logger?.info("page web : demande \(request.kind.rawValue) \(request.id) → \(reply.outcome.rawValue)"
                + (record.subscribers.map { " (\($0.joined(separator: ", ")))" } ?? ""))
            return reply
        })
    }

    private func ledger() -> ConsentLedger {
        let logger = self.logger
        return ConsentLedger(workspace: workspace, clock: clock) { repair in logger?.error("\(repair)") }
    }

    private func title(_ list: String) -> String {
        config.newsletter.list(named: list)?.title ?? list
    }

    func apply(_ request: WebRequest) throws -> (WebReply, Record) {
        var record = Record(time: clock.now(), request: request.id, kind: request.kind, outcome: .recorded, reason: request.reason)
        let reply: WebReply
        switch request.kind {
        case .refused:
            reply = WebReply(outcome: .recorded)
        case .subscribe:
            guard let raw = request.address, let address = try? EmailAddress(validating: raw) else {
                record.reason = "adresse non valable"
                reply = WebReply(outcome: .recorded)
                break
            }
            // Per mailbox, not per spelling: sub-addresses and Gmail's dots do not get round the limit.
            let hash = SHA256.hex(Array(address.mailboxKey.utf8))
            record.addressHash = hash
            guard try recentRequests(addressHash: hash) < config.web.perAddressPerDay else {
                reply = WebReply(outcome: .limited)
                break
            }
            let lists = (request.lists ?? []).isEmpty ? [config.newsletter.defaultList] : request.lists!
            let requests = lists.map {
                SubscriptionRequest(address: address, name: request.name, list: $0, source: "formulaire web (demande \(request.id))",
                                    wording: request.wording, pending: true)
            }
            let outcomes = try ledger().subscribe(requests, settings: config.newsletter)
            var ids: [String] = []
            var refusedAddress = false
            for outcome in outcomes {
                switch outcome {
                case .added(let s), .renewed(let s), .alreadySubscribed(let s): ids.append(s.id)
                case .refused(.suppressed): refusedAddress = true
                case .refused(let error): record.reason = error.description
                }
            }
            record.subscribers = ids
            // The same answer whether the address was new, known or erased (no message goes to an erased one):
            // the page must not tell who is subscribed, nor who was and asked to be erased. The log says it.
            reply = WebReply(outcome: .confirmationSent, lists: lists.map(title))
            if refusedAddress && ids.isEmpty {
                record.outcome = .refusedAddress
                return (reply, record)
            }
        case .confirm:
            do {
                let subscriber = try ledger().confirm(token: request.token ?? "", source: "page web de confirmation (demande \(request.id))")
                record.subscribers = [subscriber.id]
                reply = subscriber.state == .confirmed ? WebReply(outcome: .confirmed, lists: [title(subscriber.list)]) : WebReply(outcome: .unknownToken)
            } catch ConsentError.unknownToken {
                reply = WebReply(outcome: .unknownToken)
            }
        case .unsubscribe, .oneClickUnsubscribe:
            let how = request.kind == .oneClickUnsubscribe ? "désinscription en un clic (RFC 8058)" : "page web de désinscription"
            do {
                let subscriber = try ledger().withdraw(unsubscribeToken: request.token ?? "", source: "\(how) (demande \(request.id))")
                record.subscribers = [subscriber.id]
                reply = WebReply(outcome: .unsubscribed, lists: [title(subscriber.list)])
            } catch ConsentError.unknownToken {
                reply = WebReply(outcome: .unknownToken)
            }
        }
        record.outcome = reply.outcome
        return (reply, record)
    }

    /// Subscription requests recorded for this address over the last 24 hours.
    private func recentRequests(addressHash: String) throws -> Int {
        let since = clock.now().addingTimeInterval(-86_400)
        let contents = try AppendOnlyLog(path: logPath).read()
        let decoder = WebDropFolder.decoder()
        return contents.lines.reduce(0) { count, line in
            guard let record = try? decoder.decode(Record.self, from: line.bytes) else { return count }
            return count + (record.addressHash == addressHash && record.kind == .subscribe && record.time >= since ? 1 : 0)
        }
    }
}
