import Foundation

/// The newsletter's part of `crieur status`, in French: when the next regular
/// issue goes and with how many items, the messages waiting for a new try
/// (and from when), the messages refused for good. Reads the archive, the
/// issues and the delivery ledger; writes nothing. Subscriber ids only, never addresses.
public struct NewsletterStatus: Sendable, Equatable {
    public var nextSlot: Date
    public var pendingItems: Int
    public var waiting: Int
    public var earliestRetry: Date?
    /// Messages whose last record is a permanent failure (refused or abandoned).
    public var failed: Int
    /// Addresses « en échec » after bounces read from the mailbox (`AddressFailures`):
    /// the newsletter skips them until a new confirmed subscription.
    public var bounces: Int?

    public static func read(workspace: Workspace, config: CrieurConfig, now: Date,
                            policy: RetryPolicy = .standard) throws -> NewsletterStatus {
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let planner = NewsletterIssuePlanner(schedule: config.newsletter.schedule, calendar: calendar)
        let items = try workspace.archive.loadHistory().items
        let issues = try NewsletterIssueStore(folder: OutputFolder(path: workspace.path("out/newsletter/issues"))).load().issues
        let log = DeliveryLog(workspace: workspace)
        let next = planner.previewIssue(id: "etat", now: now, records: items, issues: issues, sent: try log.firstSent(of: issues.map(\.id)))
        let records = try log.records()
        let history = DeliveryHistory(records: records)
        var last: [String: DeliveryRecord] = [:]
        for record in records { last[record.issue + "\u{0}" + record.subscriber] = record }
        var status = NewsletterStatus(nextSlot: planner.nextSlot(after: now), pendingItems: next.itemIDs.count, waiting: 0,
                                      earliestRetry: nil, failed: 0, bounces: nil)
        // A consent ledger that cannot be read is said elsewhere (`crieur status`): the rest of this status stands without the count.
        var view = ConsentView(workspace: workspace)
        if (try? view.refresh()) != nil {
            status.bounces = try AddressFailures.load(workspace: workspace, state: view.state).addressCount
        }
        for record in last.values {
            switch history.status(issue: record.issue, subscriber: record.subscriber, now: now, policy: policy) {
            case .waiting(let until):
                status.waiting += 1
                status.earliestRetry = min(status.earliestRetry ?? until, until)
            case .due, .expired:
                status.waiting += 1
            case .final(.permanentFailure):
                status.failed += 1
            case .final:
                break
            }
        }
        return status
    }

    public func text(calendar: CivilCalendar) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count > 1 ? "s" : "")" }
        var lines = ["Lettre d'information : prochain numéro \(calendar.frenchWords(nextSlot, referenceYear: nil)), "
            + (pendingItems == 0 ? "aucune annonce en attente pour l'instant." : "avec \(plural(pendingItems, "annonce")) en attente.")]
        if waiting > 0 {
            lines.append("  En attente d'un nouvel essai : \(plural(waiting, "message"))"
                + (earliestRetry.map { ", à partir du \(calendar.frenchWords($0, referenceYear: nil, article: false))" } ?? ", dès le prochain passage du service")
                + ".")
        }
        if failed > 0 {
            lines.append("  Refusés pour de bon ou abandonnés : \(plural(failed, "message")) (détail dans data/deliveries/, par identifiant d'abonné).")
        }
        if let bounces, bounces > 0 {
            lines.append("  Adresses en échec (retours de la boîte aux lettres), qui ne reçoivent plus la lettre : \(bounces) "
                + "(crieur subscribers list ; une nouvelle inscription confirmée les remet).")
        }
        return lines.joined(separator: "\n")
    }
}

extension NewsletterStatus {
    /// What `crieur status --format json` says of the newsletter, times in the
    /// centre's local time (`2026-12-07 09:00:00`, as the queue's times).
    public struct Summary: Sendable, Codable, Equatable {
        public var nextIssue: String
        public var itemsForNextIssue: Int
        public var messagesWaiting: Int
        public var nextTry: String?
        public var messagesFailed: Int
        /// Nil when no mailbox is read.
        public var addressesFailing: Int?
    }

    public func summary(calendar: CivilCalendar) -> Summary {
        Summary(nextIssue: calendar.timestamp(nextSlot), itemsForNextIssue: pendingItems, messagesWaiting: waiting,
                nextTry: earliestRetry.map(calendar.timestamp), messagesFailed: failed, addressesFailing: bounces)
    }
}
