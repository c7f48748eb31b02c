import Foundation

/// Sends the newsletter: plans the issues that are due (urgent items, the
/// schedule's slots), sends the double opt-in confirmations, then each open
/// issue to each recipient who has no final delivery record yet.
///
/// Touches `out/newsletter/issues/` (each new issue is saved durably before
/// its first message), `out/newsletter/archive/ID.html` (written when an issue
/// starts going out), `data/deliveries/ISSUE.jsonl` (one record per attempt,
/// appended right after the transport answers; `DeliveryLog`) and reads `data/consent.jsonl` again
/// right before each message, so a withdrawal recorded by another process is
/// honoured at the next message. What was delivered is derived from the
/// delivery ledger only (`DeliveryHistory`): killed at any moment, the sender
/// resumes where it stopped, and the one message sent but not yet recorded
/// goes out once more. An issue whose every recipient has a final record is
/// closed (`data/deliveries-closed.jsonl`): later passes neither read its
/// records nor walk its audience, so a pass costs the same after ten years.
///
/// Failures: a temporary refusal of one recipient (4xx) is retried on the
/// `RetryPolicy`; a permanent one (5xx) is recorded and never retried. A failure
/// of the relay itself (unreachable, dropped connection, refused login, 421)
/// stops the run after recording that attempt: the other recipients keep their
/// retries for when the relay is back. The rate limit waits through `sleep`
/// when the next slot is near, else stops the run until then. A damaged consent
/// ledger, a delivery record that cannot be written or a broken template is
/// thrown: nothing more is sent.
///
/// With several transports (`smtp.connections`), that many messages are in
/// flight at once (`DeliveryLanes`); everything above still happens here, one
/// message at a time: consent is read again and the rate limit (shared by all
/// connections) consulted right before each message is handed to a lane, and
/// each reply is recorded before it counts. A sender killed then may send
/// again the messages in flight: at most two per connection.
public final class NewsletterSender: PeriodicJob {
    /// What one run did, and when the sender has something due next.
    public struct Report: Sendable, Equatable {
        public var planned: [String] = []
        public var sent = 0
        public var temporaryFailures = 0
        public var permanentFailures = 0
        public var abandoned = 0
        /// Recipients skipped because they withdrew (or confirmed elsewhere) since the plan.
        public var skipped = 0
        /// The earliest retry, rate-limit slot or schedule slot.
        public var nextWake: Date?
        /// The relay failed (server down, refused login…): the run stopped on this answer.
        public var stoppedBy: DeliveryReply?
        /// The relay's rate limit stopped the run until then.
        public var rateLimitedUntil: Date?
        /// Stopped because the service was asked to stop.
        public var interrupted = false
        /// Messages that failed for a passing reason (in this run or before) and wait for their next try.
        public var waitingRetry = 0
        /// The earliest of those next tries.
        public var earliestRetry: Date?

        mutating func waits(until: Date) {
            waitingRetry += 1
            earliestRetry = min(earliestRetry ?? until, until)
        }
    }

    /// Issue id under which the double opt-in confirmations are recorded.
    public static let confirmationIssue = "confirmation"
    /// Held while a run sends, so two workers never send the same issue together.
    static let lockPath = "out/newsletter/.envoi.lock"
    /// Longest wait for the rate limit inside a run; past it the run stops until then.
    public static let longestWait: TimeInterval = 120

    private let workspace: Workspace
    private let config: CrieurConfig
    private let lanes: DeliveryLanes
    private let clock: any Clock
    private let logger: Logger
    private let sleep: (TimeInterval) -> Void
    private let policy: RetryPolicy
    private let calendar: CivilCalendar
    private let planner: NewsletterIssuePlanner
    private let store: NewsletterIssueStore
    private let log: DeliveryLog

    // State of the current run.
    private var report = Report()
    private var history = DeliveryHistory(records: [])
    private var limiter = RateLimiter()
    private var view: ConsentView
    /// Addresses « en échec » after bounces, read at the start of each run: skipped, their consent untouched.
    private var failures = AddressFailures.none
    private var stopRequested: () -> Bool = { false }
    private var renderer: NewsletterRenderer?

    public convenience init(workspace: Workspace, config: CrieurConfig, transport: any MailTransport, clock: any Clock, logger: Logger,
                            sleep: @escaping (TimeInterval) -> Void, policy: RetryPolicy = .standard) {
        self.init(workspace: workspace, config: config, transports: [transport], clock: clock, logger: logger, sleep: sleep, policy: policy)
    }

    /// `transports`: one per connection, each used by one thread at a time.
    public init(workspace: Workspace, config: CrieurConfig, transports: [any MailTransport], clock: any Clock, logger: Logger,
                sleep: @escaping (TimeInterval) -> Void, policy: RetryPolicy = .standard) {
        self.workspace = workspace
        self.config = config
        lanes = DeliveryLanes(transports: transports)
        self.clock = clock
        self.logger = logger
        self.sleep = sleep
        self.policy = policy
        calendar = CivilCalendar(timeZone: config.timeZone)
        planner = NewsletterIssuePlanner(schedule: config.newsletter.schedule, calendar: calendar)
        store = NewsletterIssueStore(folder: OutputFolder(path: workspace.path("out/newsletter/issues")))
        log = DeliveryLog(workspace: workspace, syncEvery: config.smtp.syncEvery)
        view = ConsentView(workspace: workspace)
    }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let report = try run(stopRequested: stopRequested)
        return PeriodicJobResult(nextWake: report.nextWake, temporaryFailure: report.stoppedBy.map(Self.describe),
                                 settingsError: report.stoppedBy?.settingsError ?? false)
    }

    /// Plans what is due, then sends everything that is due now.
    public func run(stopRequested: () -> Bool = { false }) throws -> Report {
        try withoutActuallyEscaping(stopRequested) { stop in
            self.stopRequested = stop
            defer { self.stopRequested = { false } }
            report = Report()
            // One sender at a time per workspace (two workers on one queue): the other skips its turn.
            try FileSystem.makeDirectory(workspace.path("out/newsletter"))
            guard let lock = try FileLock(path: workspace.path(Self.lockPath)) else {
                logger.info("lettre d'information : un autre envoi est en cours dans cet espace de travail, ce tour est passé")
                return report
            }
            defer { withExtendedLifetime(lock) {} }
            for repair in try DataPermissions(workspace: workspace).enforce() {
                repair.repaired ? logger.info(repair.description) : logger.error(repair.description)
            }
            let now = clock.now()
            let moved = try log.migrate()
            if moved > 0 { logger.info("registre des envois : \(moved) enregistrements rangés par numéro dans \(DeliveryLog.folderPath)/") }
            // Only the records of the issues still open are read: a pass costs the same after ten years.
            let closed = try log.closedIssues()
            let records = try loadRecords()
            var issues = try loadIssues()
            let open = issues.filter { closed.index(forKey: $0.id) == nil }.map(\.id)
            history = DeliveryHistory(records: try ([Self.confirmationIssue] + open).flatMap { try log.records(issue: $0) })
            let sent = history.firstSent.merging(try log.closedFirstSent()) { open, _ in open }
            for var issue in planner.due(now: now, records: records, issues: issues, sent: sent) {
                issue.plannedAt = now
                try plan(issue)
                issues.append(issue)
            }
            try send(issues: issues, closed: closed, versions: NewsletterItemVersions(records: records, calendar: calendar), now: now)
            try log.sync()
            wake(planner.nextSlot(after: now))
            return report
        }
    }

    /// `crieur newsletter --send`: an issue now with what the next regular one
    /// would carry, then the run. Nil when there is nothing to send.
    public func sendManualIssue(stopRequested: () -> Bool = { false }) throws -> (issue: NewsletterIssueRecord?, report: Report) {
        let now = clock.now()
        let issues = try loadIssues()
        var issue = planner.previewIssue(id: "manuel-\(Self.stamp(now, calendar: calendar))", now: now, records: try loadRecords(),
                                         issues: issues, sent: try log.firstSent(of: issues.map(\.id)))
        guard !issue.isEmpty else { return (nil, try run(stopRequested: stopRequested)) }
        issue.plannedAt = now
        try plan(issue)
        var result = try run(stopRequested: stopRequested)
        result.planned.insert(issue.id, at: 0)
        return (issue, result)
    }

    // MARK: Planning

    /// Every version of every item: issues name the versions they were planned with.
    private func loadRecords() throws -> [PublishedItem] {
        let archive = try workspace.archive.loadHistory()
        for name in archive.unreadable { logger.error("out/archive/\(name) illisible : ignoré pour la lettre d'information (fichier gardé)") }
        return archive.items
    }

    private func loadIssues() throws -> [NewsletterIssueRecord] {
        let loaded = try store.load()
        for name in loaded.unreadable { logger.error("out/newsletter/issues/\(name) illisible : ce numéro n'est pas envoyé (fichier gardé)") }
        return loaded.issues
    }

    private func plan(_ issue: NewsletterIssueRecord) throws {
        try store.save(issue)
        report.planned.append(issue.id)
        logger.info(issue.isEmpty
            ? "lettre « \(issue.id) » : aucune annonce nouvelle, rien à envoyer"
            : "lettre « \(issue.id) » prévue avec \(issue.itemIDs.count) annonce\(issue.itemIDs.count > 1 ? "s" : "")")
    }

    // MARK: Sending

    /// Sends the issues not yet closed; `closed` is `DeliveryLog.closedIssues()`.
    private func send(issues: [NewsletterIssueRecord], closed: [String: Date?], versions: NewsletterItemVersions, now: Date) throws {
        let open = issues.filter { !$0.isEmpty && closed.index(forKey: $0.id) == nil }
        limiter = RateLimiter(perMinute: config.smtp.perMinute, perDay: config.smtp.perDay)
        var recent = history.attemptTimes
        // A closed issue attempted within the day holds sends that count against today's limit.
        for case let (issue, time?) in closed where now.timeIntervalSince(time) < 86_400 {
            recent += try log.records(issue: issue).compactMap { DeliveryHistory.date($0.time) }
        }
        for time in recent where now.timeIntervalSince(time) < 86_400 { limiter.record(time) }
        try view.refresh()
        failures = try AddressFailures.load(workspace: workspace, state: view.state)
        renderer = nil
        do {
            try dispatch(issues: open, versions: versions)
        } catch {
            // What is in flight was sent (or not) all the same: record it if possible.
            lanes.cancelWaiting()
            while lanes.inFlight > 0 { _ = try? finish(lanes.next(as: InFlight.self)) }
            throw error
        }
        while lanes.inFlight > 0 {
            if report.stoppedBy != nil || report.interrupted { lanes.cancelWaiting() }
            _ = try finish(lanes.next(as: InFlight.self))
        }
        try closeFinished(open)
    }

    /// Closes the issues whose every recipient now has a final record.
    private func closeFinished(_ issues: [NewsletterIssueRecord]) throws {
        let lists = config.newsletter.lists.map(\.name)
        let now = clock.now()
        for issue in issues {
            let done = NewsletterAudience.recipients(of: issue, state: view.state, lists: lists, failures: failures).allSatisfy {
                if case .final = history.status(issue: issue.id, subscriber: $0.id, now: now, policy: policy) { return true }
                return false
            }
            if done { try log.close(issue: issue.id, lastAttempt: history.lastAttempt[issue.id], firstSent: history.firstSent[issue.id]) }
        }
    }

    /// Hands every due message to the lanes, until done or told to stop.
    private func dispatch(issues: [NewsletterIssueRecord], versions: NewsletterItemVersions) throws {
        // Every pending subscriber gets the message, on a single opt-in list too:
        // the web form (and `subscribers add --pending`) asks for confirmation on any list.
        for list in config.newsletter.lists {
            for pending in view.pendingConfirmations(list: list.name) {
                let recipient = NewsletterRecipient(id: pending.id, address: pending.address, name: pending.name, token: pending.confirmationToken)
                // A confirmation belongs to one subscription: the one sent before a withdrawal, or before the
                // address was « en échec », does not answer this new request.
                history.startAnew(issue: Self.confirmationIssue, subscriber: pending.id, ifLastBefore: pending.subscribedAt)
                let stillPending = { (view: ConsentView) in view.state.subscribers[pending.id]?.state == .pending && !view.isHeld(pending.id) }
                guard try deliver(issue: Self.confirmationIssue, to: recipient, wanted: stillPending, prepare: {
                    let renderer = try makeRenderer()
                    return { try renderer.renderConfirmation(recipient: recipient) }
                }) else { return }
            }
        }
        let lists = config.newsletter.lists.map(\.name)
        let title = config.newsletter.list(named: config.newsletter.defaultList)?.title ?? config.organisation.name
        for record in issues {
            // What it carries now (frozen once its first message went out); an issue whose items were all withdrawn is not sent.
            let carried = versions.carried(by: record, frozenAt: history.firstSent[record.id])
            guard !carried.isEmpty else { continue }
            // Prepared (and archived as HTML) when its first message is due.
            var prepared: NewsletterRenderer.PreparedIssue?
            for recipient in NewsletterAudience.recipients(of: record, state: view.state, lists: lists, failures: failures) {
                let withConsent = { (view: ConsentView) in lists.contains { view.isActive(subscriberID: recipient.id, list: $0) } }
                guard try deliver(issue: record.id, to: recipient, wanted: withConsent, prepare: {
                    let renderer = try makeRenderer()
                    if prepared == nil {
                        prepared = renderer.prepare(NewsletterIssue(record: record, carrying: carried, title: title, subject: NewsletterSubject(config: config), calendar: calendar))
                        try writeArchivePage(prepared!, renderer: renderer)
                    }
                    let issue = prepared!
                    return { try renderer.render(issue, recipient: recipient) }
                }) else { return }
            }
        }
    }

    /// A message handed to a lane.
    private struct InFlight {
        var issue: String
        var subscriber: String
        var attempt: Int
    }

    /// One message if it is due; false when the run must stop. `prepare` runs
    /// here and returns what renders the message on a lane.
    private func deliver(issue: String, to recipient: NewsletterRecipient, wanted: (ConsentView) -> Bool,
                         prepare: () throws -> @Sendable () throws -> OutgoingMail) throws -> Bool {
        if stopRequested() {
            report.interrupted = true
            return false
        }
        // A free lane first: the replies that free it may stop the run.
        while lanes.isFull {
            guard try finish(lanes.next(as: InFlight.self)) else { return false }
        }
        if report.stoppedBy != nil || report.interrupted { return false }
        let now = clock.now()
        switch history.status(issue: issue, subscriber: recipient.id, now: now, policy: policy) {
        case .final:
            return true
        case .waiting(let until):
            wake(until)
            report.waits(until: until)
            return true
        case .expired(let attempt):
            try abandon(issue: issue, subscriber: recipient.id, attempt: attempt)
            return true
        case .due(let attempt, _):
            try view.refresh()
            guard wanted(view) else {
                report.skipped += 1
                logger.info("lettre « \(issue) » : pas envoyée à l'abonné \(recipient.id), qui n'a plus de consentement actif")
                return true
            }
            guard try waitForRateLimit(now: now) else { return false }
            let render = try prepare()
            // Counted when it leaves: every connection shares the relay's limits.
            limiter.record(clock.now())
            let keepsCopy = lanes.keepCopies
            lanes.submit(InFlight(issue: issue, subscriber: recipient.id, attempt: attempt)) { transport in
                let mail = try render()
                return DeliveryLanes.Sent(reply: try transport.send(mail), keptCopy: keepsCopy ? mail : nil, messageID: mail.messageID)
            }
            // One lane: the reply is already there; record it before the next message.
            if lanes.isFull { return try finish(lanes.next(as: InFlight.self)) }
            return true
        }
    }

    /// Records a reply, then counts it; false when the run must stop.
    private func finish(_ done: DeliveryLanes.Completion<InFlight>) throws -> Bool {
        if case .failure(let error) = done.result, error is DeliveryLanes.NotStarted { return false }
        let sent = try done.result.get()
        let reply = sent.reply
        let sentAt = clock.now()
        let record = DeliveryRecord(issue: done.tag.issue, subscriber: done.tag.subscriber, attempt: done.tag.attempt, reply: reply, time: sentAt,
                                    messageID: sent.messageID)
        // Killed here, the sender sends this message again, and the others in flight.
        PausePoint.reach("sender.sent", detail: "\(record.issue) \(record.subscriber) \(reply.code) \(lanes.inFlight)")
        try log.record(record)
        PausePoint.reach("sender.recorded", detail: "\(record.issue) \(record.subscriber) \(reply.code) \(lanes.inFlight)")
        history.add(record)
        if reply.outcome == .sent, let mail = sent.keptCopy { try discardIfErased(mail, subscriber: done.tag.subscriber) }
        return try account(record, reply: reply, now: sentAt)
    }

    /// An erasure that ran while this message was being written could not
    /// delete the transport's copy of it (the outbox's `.eml`). The record was
    /// written under the consent ledger's lock, so any such erasure is now
    /// visible: the copy goes too.
    private func discardIfErased(_ mail: OutgoingMail, subscriber: String) throws {
        try view.refresh()
        guard view.state.subscribers[subscriber].map({ $0.state == .erased }) ?? true else { return }
        try lanes.discardCopy(of: mail)
        logger.info("abonné \(subscriber) effacé pendant l'envoi : la copie de son message est supprimée")
    }

    private func account(_ record: DeliveryRecord, reply: DeliveryReply, now: Date) throws -> Bool {
        let who = "lettre « \(record.issue) », abonné \(record.subscriber)"
        switch reply.outcome {
        case .sent:
            report.sent += 1
        case .permanentFailure:
            report.permanentFailures += 1
            logger.error("\(who) : refus définitif du serveur (\(reply.code) \(reply.text)), pas de nouvel essai")
        case .temporaryFailure:
            report.temporaryFailures += 1
            switch history.status(issue: record.issue, subscriber: record.subscriber, now: now, policy: policy) {
            case .waiting(let until):
                wake(until)
                report.waits(until: until)
                logger.info("\(who) : échec passager (\(reply.code) \(reply.text)), nouvel essai le \(calendar.timestamp(until))")
            default:
                try abandon(issue: record.issue, subscriber: record.subscriber, attempt: record.attempt)
            }
            if reply.acceptanceUnknown {
                logger.error("\(who) : le message est parti en entier, mais le serveur n'a pas confirmé l'avoir reçu. "
                    + "Il l'a peut-être accepté : le nouvel essai peut le faire arriver deux fois.")
            }
            if stopRequested() {
                report.interrupted = true
                return false
            }
            if Self.isRelayFailure(reply) {
                // Other connections may fail on the same relay: said once.
                guard report.stoppedBy == nil else { return false }
                report.stoppedBy = reply
                logger.error("envoi de la lettre arrêté : \(Self.describe(reply)) ; reprise au prochain essai")
                return false
            }
        }
        return true
    }

    private func abandon(issue: String, subscriber: String, attempt: Int) throws {
        let record = DeliveryRecord(issue: issue, subscriber: subscriber, attempt: attempt,
                                    reply: DeliveryReply(outcome: .permanentFailure, code: 0, text: RetryPolicy.abandonReply),
                                    time: clock.now())
        try log.record(record)
        history.add(record)
        report.abandoned += 1
        logger.error("lettre « \(issue) », abonné \(subscriber) : \(RetryPolicy.abandonReply)")
    }

    /// True when the message may go now (after a short wait if needed).
    private func waitForRateLimit(now: Date) throws -> Bool {
        let slot = limiter.nextSendTime(now: now)
        let wait = slot.timeIntervalSince(now)
        guard wait > 0 else { return true }
        // The messages in flight go out before the wait: their replies are recorded
        // now, with their time, and none is sent after the slot it was counted in.
        while lanes.inFlight > 0 {
            guard try finish(lanes.next(as: InFlight.self)) else { return false }
        }
        guard wait <= Self.longestWait else {
            wake(slot)
            report.rateLimitedUntil = slot
            logger.info("limite d'envoi du serveur atteinte : la suite partira le \(calendar.timestamp(slot))")
            return false
        }
        try log.sync()
        sleep(wait)
        // The service's wait ends early on SIGTERM: stop rather than send before the slot.
        if stopRequested() {
            report.interrupted = true
            return false
        }
        return true
    }

    /// Made at the first message of a run: a workspace with nobody to write to
    /// needs no sender address or templates.
    private func makeRenderer() throws -> NewsletterRenderer {
        if let renderer { return renderer }
        do {
            let made = try NewsletterRenderer(config: config, templates: try NewsletterTemplates.load(from: workspace), clock: clock)
            renderer = made
            return made
        } catch let error as TemplateError {
            throw NewsletterError.template(error)
        }
    }

    private func writeArchivePage(_ prepared: NewsletterRenderer.PreparedIssue, renderer: NewsletterRenderer) throws {
        let folder = OutputFolder(path: workspace.path("out/newsletter/archive"))
        let name = "\(prepared.issue.id).html"
        guard try FileSystem.info("\(folder.path)/\(name)") == nil else { return }
        let html = try renderer.genericBodies(prepared).html
        _ = try folder.write(OutputFile(name: name, data: Data(html.utf8), keepOthers: false))
    }

    private func wake(_ time: Date) {
        if report.nextWake.map({ time < $0 }) ?? true { report.nextWake = time }
    }

    /// A failure of the relay rather than of this recipient: no connection, a
    /// dropped one, "service not available" (421), TLS unavailable (454) or a
    /// refused login (5xx classed temporary by the transport).
    static func isRelayFailure(_ reply: DeliveryReply) -> Bool {
        reply.outcome == .temporaryFailure && (reply.code == 0 || reply.code == 421 || reply.code == 454 || reply.code / 100 == 5)
    }

    /// `2026-12-07-090500`, local time: a manual issue's id.
    static func stamp(_ instant: Date, calendar: CivilCalendar) -> String {
        String(calendar.timestamp(instant).compactMap { $0 == " " ? "-" : $0 == ":" ? nil : $0 })
    }

    /// The failure that stopped a run, in French (the transport's sentence when the server gave no reply
    /// or the settings are at fault: it already quotes the server and names the setting).
    public static func describe(_ reply: DeliveryReply) -> String {
        reply.code == 0 || reply.settingsError ? reply.text : "le serveur d'envoi ne répond pas comme prévu (\(reply.code) \(reply.text))"
    }
}
