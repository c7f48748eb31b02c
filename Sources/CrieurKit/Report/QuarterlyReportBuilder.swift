import Foundation

/// Counts a period's figures from the ledgers. Pure: the entries are given;
/// `QuarterlyReportBuilder.load` reads them from a workspace.
public struct QuarterlyReportBuilder: Sendable {
    public var period: ReportPeriod
    public var calendar: CivilCalendar

    public init(period: ReportPeriod, calendar: CivilCalendar) {
        self.period = period
        self.calendar = calendar
    }

    /// A derogation as `data/derogations.jsonl` holds it (time on the centre's clock).
    public struct Derogation: Decodable, Sendable {
        public var time: String
        public var item: String
    }

    public func build(journal: [PublicationJournal.Entry], derogations: [Derogation],
                      newsletter: QuarterlyReport.NewsletterFigures?, damagedLines: Int) -> QuarterlyReport {
        let inPeriod = journal.filter { period.contains($0.time) }
        var perChannel = Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, 0) })
        var published = Set<String>()
        var reasons: [String: Int] = [:]
        var refused = 0, expired = 0, corrections = 0, withdrawals = 0
        for entry in inPeriod {
            switch entry.event {
            case .published:
                for channel in entry.channels ?? [] { perChannel[channel.rawValue, default: 0] += 1 }
                // A correction is the same item again: counted once, as a correction.
                if (entry.version ?? 1) > 1 {
                    corrections += 1
                } else {
                    published.insert(entry.archive ?? entry.item)
                }
            case .rejected:
                refused += 1
                for code in Set(entry.reasons ?? []) { reasons[code, default: 0] += 1 }
            case .expired:
                expired += 1
            case .withdrawn:
                // An entry withdrawn while it waited for approval was never published: nothing to count.
                if !entry.isDeskStep { withdrawals += 1 }
            case .unchanged, .superseded:
                break
            // Steps before the queue: what the report counts is what became of items, not who handled them.
            case .submitted, .returned, .approved:
                break
            }
        }
        let derogationCount = Set(derogations.filter { derogation in
            calendar.parseLocalTimestamp(derogation.time).map(period.contains) ?? false
        }.map(\.item)).count
        let lastDay = calendar.civilDate(of: period.end.addingTimeInterval(-1))
        var report = QuarterlyReport(
            period: period.label,
            from: calendar.civilDate(of: period.start).description,
            to: lastDay.description,
            publishedPerChannel: perChannel,
            itemsPublished: published.count,
            itemsExpiredUnpublished: expired,
            refusals: refused,
            refusalReasons: reasons
                .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { QuarterlyReport.ReasonCount(
                    code: $0.key, label: RefusalReason(code: $0.key)?.frenchLabel ?? $0.key, count: $0.value) },
            derogations: derogationCount,
            newsletter: newsletter,
            damagedLedgerLines: damagedLines)
        report.corrections = corrections
        report.withdrawals = withdrawals
        return report
    }

    /// Subscribers and consent changes of the period, replayed from the consent
    /// ledger's events (erasure keeps each event's kind, list and time, so the
    /// counts survive it; a subscriber counts while confirmed), and the
    /// messages of the period from the delivery ledger: delivered and failed
    /// attempts made in it, and messages whose last attempt before its end was
    /// a temporary failure (still being retried). Confirmation e-mails count as
    /// messages, not as issues.
    public func newsletterFigures(consent events: [ConsentEvent], deliveries: [DeliveryRecord]) -> QuarterlyReport.NewsletterFigures {
        func confirmed(before instant: Date) -> Int {
            ConsentState(replaying: events.filter { $0.time < instant })
                .subscribers.values.filter { $0.state == .confirmed }.count
        }
        var figures = QuarterlyReport.NewsletterFigures(
            subscribersAtStart: confirmed(before: period.start), subscribersAtEnd: confirmed(before: period.end))
        for event in events where period.contains(event.time) {
            switch event.kind {
            case .subscribed where event.status != .pending, .confirmed: figures.newConsents += 1
            case .withdrawn: figures.withdrawals += 1
            case .erased: figures.erasures += 1
            default: break
            }
        }
        let parser = ISO8601DateFormatter()
        var last: [String: DeliveryOutcome] = [:]
        var issues = Set<String>()
        for record in deliveries {
            guard let time = parser.date(from: record.time), time < period.end else { continue }
            last["\(record.issue)\u{0}\(record.subscriber)"] = record.result
            guard time >= period.start else { continue }
            switch record.result {
            case .sent:
                figures.messagesDelivered += 1
                if record.issue != Self.confirmationIssue { issues.insert(record.issue) }
            case .permanentFailure: figures.messagesFailed += 1
            case .temporaryFailure: break
            }
        }
        figures.messagesDeferred = last.values.filter { $0 == .temporaryFailure }.count
        figures.issuesSent = issues.count
        return figures
    }

    /// The delivery ledger's issue id for double opt-in confirmation e-mails.
    public static let confirmationIssue = "confirmation"

    /// Reads the ledgers of a workspace and counts.
    public func load(_ workspace: Workspace, clock: any Clock) throws -> QuarterlyReport {
        let consent = try ConsentLedger(workspace: workspace, clock: clock).read()
        // The bulletin drafts sent to the commune are not newsletter messages.
        let deliveries = try DeliveryLog(workspace: workspace).records().filter { $0.subscriber != BulletinMailer.recipientID }
        let newsletter = consent.entries.isEmpty && deliveries.isEmpty
            ? nil : newsletterFigures(consent: consent.entries.map(\.event), deliveries: deliveries)
        var report = try load(workspace, newsletter: newsletter)
        report.damagedLedgerLines += consent.damage?.lines.count ?? 0
        return report
    }

    /// The same, with the social directory as it stands at `clock`'s time.
    public func load(_ workspace: Workspace, config: CrieurConfig, clock: any Clock) throws -> QuarterlyReport {
        var report = try load(workspace, clock: clock)
        if let status = try DirectoryStatus.read(workspace: workspace, config: config, now: clock.now()) {
            report.directory = QuarterlyReport.DirectoryFigures(status, from: report.from, to: report.to)
        }
        return report
    }

    /// Reads the journal and the derogations of a workspace and counts.
    public func load(_ workspace: Workspace, newsletter: QuarterlyReport.NewsletterFigures?) throws -> QuarterlyReport {
        let journal = try PublicationJournal(path: workspace.journalPath).load()
        var derogations: [Derogation] = []
        var damaged = journal.damagedLines
        let path = workspace.path("data/derogations.jsonl")
        if try FileSystem.info(path) != nil, case .contents(let data) = try FileSystem.read(path, maxBytes: 1 << 30) {
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                if let derogation = try? JSONDecoder().decode(Derogation.self, from: Data(line)) {
                    derogations.append(derogation)
                } else {
                    damaged += 1
                }
            }
        }
        return build(journal: journal.entries, derogations: derogations, newsletter: newsletter, damagedLines: damaged)
    }
}
