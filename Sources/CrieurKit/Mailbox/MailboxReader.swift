import Foundation

/// The worker's reading of the centre's mailbox (`mailbox` in the config),
/// every `pollMinutes`, before the channels: the next issue already skips an
/// address that just bounced.
///
/// Each new message of the folder read (above the last UID examined, kept in
/// `data/mailbox-state.json`) is sorted by `IncomingMailClassifier`:
/// - a bounce is matched to the delivery that caused it (`BounceMatcher`) and
///   recorded in `data/bounces.jsonl`; when `BounceRule` says so, the address
///   goes « en échec » in the same write (`BounceLog`, `AddressFailures`);
/// - an unsubscribe e-mail withdraws consent through the consent ledger, with
///   the message as proof (its Message-ID, date and a hash of the sender);
/// - everything else, a bounce of a message Crieur did not send to a known
///   subscriber, a request from an unknown address and a message that cannot be
///   read are left where they are, unread if they were, for a person.
/// Handled messages are moved to `handledFolder` (created when missing), never
/// deleted. Logs name subscriber ids, never addresses.
///
/// On failure: the mailbox away or a setting to fix (`MailboxError`) is logged
/// in French and reported as a temporary failure; the next reading tries again.
/// Killed between recording and moving, the next pass reads the message again:
/// the bounce is recognised by its report's Message-ID, and a second withdrawal
/// changes nothing. Two workers never read together (`data/mailbox.lock`).
public final class MailboxReader: PeriodicJob {
    public static let stateFileName = "mailbox-state.json"
    static let lockFileName = "mailbox.lock"
    /// Messages examined per reading at most; the rest wait for the next one.
    public static let maxMessagesPerPass = 500

    /// What one reading did.
    public struct Summary: Sendable, Equatable {
        public var bounces = 0
        /// Addresses put « en échec » by this reading.
        public var newlyFailing = 0
        public var withdrawals = 0
        public var leftForPerson = 0
        public var unreadable = 0
        /// Another worker was reading: this one did nothing.
        public var skipped = false
    }

    /// Where the reading stopped: the folder, its UIDVALIDITY and the last UID examined.
    struct Position: Codable, Equatable {
        var folder: String
        var uidValidity: UInt64
        var lastUID: UInt64
    }

    enum Outcome {
        case handled
        case leftForPerson
        case unreadable
    }

    let workspace: Workspace
    let settings: MailboxSettings
    let clock: any Clock
    let logger: Logger?
    private let connect: () throws -> IMAPMailbox
    private var nextReading: Date?

    public init(workspace: Workspace, settings: MailboxSettings, environment: [String: String], clock: any Clock, logger: Logger?) {
        self.workspace = workspace
        self.settings = settings
        self.clock = clock
        self.logger = logger
        connect = { try IMAPMailbox(settings: settings, environment: environment) }
    }

    var positionPath: String { "\(workspace.dataDirectory)/\(MailboxReader.stateFileName)" }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let now = clock.now()
        if let nextReading, now < nextReading { return PeriodicJobResult(nextWake: nextReading) }
        let next = now.addingTimeInterval(TimeInterval(settings.pollMinutes * 60))
        nextReading = next
        do {
            let summary = try read(stopRequested: stopRequested)
            if summary.bounces + summary.withdrawals + summary.leftForPerson + summary.unreadable > 0 {
                logger?.info("boîte aux lettres lue : \(summary.bounces) retour(s) enregistré(s) dont \(summary.newlyFailing) adresse(s) "
                    + "mise(s) en échec, \(summary.withdrawals) désinscription(s), \(summary.leftForPerson) message(s) laissé(s) "
                    + "pour une personne, \(summary.unreadable) illisible(s)")
            }
            return PeriodicJobResult(nextWake: next)
        } catch let error as MailboxError {
            let text = "boîte aux lettres non lue : \(error) Nouvel essai dans \(settings.pollMinutes) minute\(settings.pollMinutes > 1 ? "s" : "")."
            logger?.error(text)
            return PeriodicJobResult(nextWake: next, temporaryFailure: text, settingsError: error.isSettingsError)
        }
    }

    /// One reading of the mailbox, whatever the time. `stopRequested` is also
    /// asked while a command waits for the server (`IMAPMailbox.shouldAbort`).
    public func read(stopRequested: () -> Bool = { false }) throws -> Summary {
        try withoutActuallyEscaping(stopRequested) { stop in
            try read(stop: stop)
        }
    }

    private func read(stop stopRequested: @escaping () -> Bool) throws -> Summary {
        var summary = Summary()
        try FileSystem.makeDirectory(workspace.dataDirectory, mode: 0o700)
        guard let lock = try FileLock(path: "\(workspace.dataDirectory)/\(MailboxReader.lockFileName)") else {
            summary.skipped = true
            return summary
        }
        defer { withExtendedLifetime(lock) {} }
        let mailbox = try connect()
        // The check must not outlive this reading (`withoutActuallyEscaping`): the mailbox ends with it too.
        mailbox.shouldAbort = stopRequested
        defer { mailbox.shouldAbort = nil }
        let validity = try mailbox.uidValidity()
        var position = loadPosition()
        if position?.folder != settings.folderURL || position?.uidValidity != validity {
            position = Position(folder: settings.folderURL, uidValidity: validity, lastUID: 0)
        }
        let uids = try mailbox.messageUIDs(after: position!.lastUID).prefix(MailboxReader.maxMessagesPerPass)
        guard !uids.isEmpty else { return summary }
        let seen = try mailbox.seenUIDs()
        var folderReady = false
        for uid in uids {
            if stopRequested() { break }
            let outcome: Outcome
            // Too large to read (a big attachment): a person's message, never read whole, never stuck on.
            if let size = try mailbox.size(uid: uid), size > IMAPMailbox.largestMessage {
                summary.unreadable += 1
                logger?.error("boîte aux lettres : le message n° \(uid) du dossier « \(settings.folder) » est trop grand pour être lu "
                    + "(\(size / 1_048_576) Mo) ; il reste dans le dossier pour une personne")
                position!.lastUID = uid
                try savePosition(position!)
                continue
            }
            let bytes = try mailbox.fetch(uid: uid)
            do {
                outcome = try handle(bytes, uid: uid, summary: &summary)
            } catch {
                // Fetching marked it read: a person must still see it as it was.
                if !seen.contains(uid) { try? mailbox.markUnread(uid: uid) }
                throw error
            }
            switch outcome {
            case .handled:
                if !folderReady {
                    try mailbox.ensureFolder(settings.handledFolder)
                    folderReady = true
                }
                try mailbox.move(uid: uid, to: settings.handledFolder)
            case .leftForPerson, .unreadable:
                if !seen.contains(uid) { try mailbox.markUnread(uid: uid) }
            }
            position!.lastUID = uid
            try savePosition(position!)
        }
        return summary
    }

    // MARK: One message

    func handle(_ bytes: [UInt8], uid: UInt64, summary: inout Summary) throws -> Outcome {
        let message: MIMEEntity
        let kind: IncomingMail
        do {
            message = try MIMEEntity.parse(bytes)
            kind = try IncomingMailClassifier.classify(bytes)
        } catch {
            summary.unreadable += 1
            logger?.error("boîte aux lettres : le message n° \(uid) du dossier « \(settings.folder) » ne peut pas être lu (\(error)) ; "
                + "il reste dans le dossier pour une personne")
            return .unreadable
        }
        let outcome: Outcome
        switch kind {
        case .forPerson:
            outcome = .leftForPerson
        case .bounce(let bounce):
            outcome = try record(bounce, report: reportID(message, bytes: bytes), uid: uid, summary: &summary)
        case .unsubscribe(let request):
            outcome = try withdraw(request, message: message, uid: uid, summary: &summary)
        }
        if case .leftForPerson = outcome { summary.leftForPerson += 1 }
        return outcome
    }

    private func reportID(_ message: MIMEEntity, bytes: [UInt8]) -> String {
        message.field("Message-ID").map { MailboxReader.cleaned($0, limit: 200) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? "sha256:" + SHA256.hex(bytes)
    }

    private func ledger() -> ConsentLedger {
        let logger = self.logger
        return ConsentLedger(workspace: workspace, clock: clock) { repair in logger?.error("\(repair)") }
    }

    private func record(_ bounce: IncomingMail.Bounce, report: String, uid: UInt64, summary: inout Summary) throws -> Outcome {
        let state = try ledger().read().state
        let deliveries = try DeliveryLog(workspace: workspace).records()
        guard let match = BounceMatcher.match(bounce, state: state, deliveries: deliveries) else {
            logger?.info("boîte aux lettres : le retour n° \(uid) ne concerne aucun message envoyé à un abonné ; "
                + "il reste dans le dossier pour une personne")
            return .leftForPerson
        }
        let log = BounceLog(workspace: workspace)
        let earlier = try log.records()
        if earlier.contains(where: { $0.kind == .bounce && $0.report == report }) { return .handled }
        let now = clock.now()
        let bounceRecord = BounceRecord(
            kind: .bounce, time: now, report: report, subscribers: match.subscribers, issue: match.issue,
            messageID: bounce.originalMessageID.map { MailboxReader.cleaned($0, limit: 200) }, severity: bounce.severity,
            status: bounce.status, diagnostic: MailboxReader.cleaned(BounceMatcher.withoutAddresses(bounce.diagnostic), limit: 300),
            matchedBy: match.how)
        var records = [bounceRecord]
        // The address's every subscription: a bounce on one list stops them all.
        let address = match.subscribers.lazy.compactMap { state.subscribers[$0]?.address }.first.flatMap { try? EmailAddress(validating: $0) }
        let held = address.map { state.subscribers(address: $0) } ?? match.subscribers.compactMap { state.subscribers[$0] }
        let ids = Set(held.map(\.id)).union(match.subscribers)
        let failures = AddressFailures(records: earlier, state: state)
        if !ids.contains(where: failures.isFailing) {
            let sent = deliveries.filter { $0.result == .sent && ids.contains($0.subscriber) }.compactMap { record in
                DeliveryHistory.date(record.time).map { BounceRule.Delivery(issue: record.issue, subscriber: record.subscriber, time: $0) }
            }
            let bounces = (earlier + records).filter { $0.kind == .bounce && !ids.isDisjoint(with: $0.subscribers) }
            if let reason = BounceRule.failure(deliveries: sent, bounces: bounces, since: held.compactMap(\.confirmedAt).max()) {
                records.append(BounceRecord(kind: .failing, time: now, report: report, subscribers: ids.sorted(), reason: reason))
            }
        }
        try log.append(records)
        summary.bounces += 1
        let severity = bounce.severity == .permanent ? "définitif" : "passager"
        let about = match.subscribers.joined(separator: ", ")
        logger?.info("boîte aux lettres : retour \(severity)\(bounce.status.map { " (\($0))" } ?? "") pour l'abonné \(about)"
            + (match.issue.map { ", lettre « \($0) »" } ?? ""))
        if let failing = records.dropFirst().first {
            summary.newlyFailing += 1
            logger?.info("boîte aux lettres : adresse de l'abonné \(about) en échec après \(failing.reason ?? "des retours") : "
                + "la lettre ne lui est plus envoyée jusqu'à une nouvelle inscription confirmée")
        }
        return .handled
    }

    private func withdraw(_ request: IncomingMail.UnsubscribeRequest, message: MIMEEntity, uid: UInt64, summary: inout Summary) throws -> Outcome {
        let address = request.from.flatMap { try? EmailAddress(validating: $0) }
        let how = request.token == nil ? "réponse demandant la désinscription" : "e-mail de désinscription (lien mailto de la lettre)"
        var proof = ["\(how) reçu dans la boîte aux lettres"]
        if let id = request.messageID { proof.append("Message-ID <\(MailboxReader.cleaned(id, limit: 200))>") }
        if let date = message.field("Date") { proof.append("daté du \(MailboxReader.cleaned(date, limit: 60))") }
        if let address { proof.append("expéditeur sha256:\(SHA256.hex(Array(address.key.utf8)))") }
        let source = proof.joined(separator: ", ")
        if let token = request.token {
            do {
                let subscriber = try ledger().withdraw(unsubscribeToken: token, source: source)
                summary.withdrawals += 1
                logger?.info("boîte aux lettres : désinscription par e-mail de l'abonné \(subscriber.id)")
                return .handled
            } catch ConsentError.unknownToken {
                // Perhaps a token from an erased subscription: the sender's address may still be known.
            }
        }
        if let address {
            do {
                let ended = try ledger().withdraw(address: address, source: source)
                summary.withdrawals += 1
                logger?.info("boîte aux lettres : désinscription par e-mail"
                    + (ended.isEmpty ? " d'un abonné déjà désinscrit" : " de l'abonné \(ended.map(\.id).joined(separator: ", "))"))
                return .handled
            } catch ConsentError.unknownAddress(_, _) {
            }
        }
        logger?.info("boîte aux lettres : le message n° \(uid) demande une désinscription, mais ni son lien ni son expéditeur "
            + "ne sont ceux d'un abonné ; il reste dans le dossier pour une personne")
        return .leftForPerson
    }

    /// Header text fit for a record: one line, no control characters, at most `limit` characters, no brackets around an id.
    static func cleaned(_ text: String, limit: Int) -> String {
        let visible = text.unicodeScalars.filter { !($0.properties.generalCategory == .control || $0.properties.generalCategory == .format) }
        var line = String(String.UnicodeScalarView(visible)).trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("<"), line.hasSuffix(">") { line = String(line.dropFirst().dropLast()) }
        return String(line.prefix(limit))
    }

    // MARK: Position

    private func loadPosition() -> Position? {
        guard case .contents(let data)? = try? FileSystem.read(positionPath, maxBytes: 4_096) else { return nil }
        return try? JSONDecoder().decode(Position.self, from: data)
    }

    private func savePosition(_ position: Position) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try FileSystem.writeDurably(try encoder.encode(position), to: positionPath, mode: 0o600)
    }
}
