import Foundation

/// Decides what becomes of one parsed item at a given time: refused, left as it
/// is (the same version again), a withdrawal, waiting for its publication date,
/// expired, or published on the channels that accept it, with the files each
/// renders and the archive record of this version. Pure: the worker does the
/// reading, writing and moving around it, and `check` and `enqueue` call the
/// same function, so all three give the same verdict for the same file and time.
public struct ItemProcessor: Sendable {
    public let config: CrieurConfig
    public let calendar: CivilCalendar
    public let publishers: [Channel: any ChannelPublisher]
    public let gate: ReadabilityGate

    public init(config: CrieurConfig, publishers: [any ChannelPublisher]) {
        self.config = config
        self.gate = ReadabilityGate(settings: config.readability)
        self.calendar = CivilCalendar(timeZone: config.timeZone)
        self.publishers = Dictionary(publishers.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where the item comes from: a new file, or one that waited in `deferred/`
    /// (valid when it arrived, so its end passing is an expiry, not a mistake).
    public enum Origin: Sendable {
        case new, deferred
    }

    public enum Outcome: Sendable {
        /// `details`: a longer French explanation for the report (the readability report).
        case reject([ItemProblem], details: String?, reasons: [RefusalReason])
        /// The same version as the one already published: nothing to do.
        case unchanged(current: PublishedItem)
        /// `Statut: annulé`: `record` is the withdrawing version to archive.
        case withdraw(record: PublishedItem)
        case wait(until: Date)
        /// Its end passed while it waited; `problems` say so in the report beside it.
        case expire(ended: Date, problems: [ItemProblem])
        case publish(Publication)
    }

    /// An item to publish on the channels that accepted it.
    public struct Publication: Sendable {
        /// Files per accepting channel.
        public var renderings: [Channel: ChannelRendering]
        /// The item's channels this version cannot publish yet.
        public var unsupported: [Channel]
        public var derogation: Derogation?
        /// Channels that refused the item, with why: named in the report beside it.
        public var refused: [ChannelRefusal]
        /// The readability report behind the refusals, if any.
        public var details: String?
        /// The archive record of this version (its channels are the accepting ones).
        public var record: PublishedItem
        /// When the next occurrence of a recurring item starts.
        public var nextOccurrence: Date?

        /// What kind of change this version is, for the log and the channels.
        public var isCorrection: Bool { record.versionNumber > 1 }
    }

    public struct ChannelRefusal: Sendable {
        public var channel: Channel
        public var problems: [ItemProblem]
        public var reason: RefusalReason
    }

    /// An item published despite readability findings, and why.
    public struct Derogation: Sendable, Equatable, Codable {
        public var reason: String
        public var channels: [Channel]
    }

    /// Order: withdrawal, copies of other items, each channel's cheap limits
    /// (a word or character count), readability (so staff hear about a hard text
    /// when they drop it, not on its publication day), dates, then rendering.
    public func decide(
        _ written: Item, itemName: String, imageData: Data?, now: Date, known: KnownItems, origin: Origin = .new
    ) -> Outcome {
        judge(written, itemName: itemName, imageData: imageData, now: now, known: known, origin: origin).outcome
    }

    /// The decision and the readability gate's assessment behind it (nil when the
    /// item never reached the gate: a withdrawal, a copy, an ended repetition).
    /// `decide` is this outcome; the desk's live check (`DeskCheck`) shows the
    /// assessment's findings beside the same outcome, so both agree by construction.
    public struct Judgement: Sendable {
        public var outcome: Outcome
        public var assessment: ReadabilityGate.Assessment?
        /// The channels that leave the item out, with why (limits, readability, rendering),
        /// whatever the outcome: the channels a refused item failed on, too.
        public var refused: [ChannelRefusal] = []
    }

    /// `decide`, with the assessment behind it.
    public func judge(
        _ written: Item, itemName: String, imageData: Data?, now: Date, known: KnownItems, origin: Origin = .new
    ) -> Judgement {
        let identity = ItemIdentity.of(written, fileName: itemName)
        let latest = known.latest[identity]
        if written.status == .cancelled {
            return Judgement(outcome: withdrawal(of: identity, reason: written.statusReason, latest: latest, now: now),
                             assessment: nil)
        }
        let fingerprint = ItemIdentity.fingerprint(written)
        if let original = known.copy(of: fingerprint, identity: identity, now: now, calendar: calendar) {
            return Judgement(
                outcome: .reject([Self.duplicateProblem(original: original, identity: identity)], details: nil, reasons: [.duplicate]),
                assessment: nil)
        }

        // A recurring item acts as its current occurrence.
        guard let index = written.currentOccurrence(at: now, calendar: calendar) else {
            let ended = written.repeatUntil.map { calendar.end(of: $0) } ?? now
            let outcome: Outcome = origin == .new
                ? .reject([Self.endedProblem(written)], details: nil, reasons: [.alreadyEnded])
                : .expire(ended: ended, problems: [Self.expiredProblem(written)])
            return Judgement(outcome: outcome, assessment: nil)
        }
        let item = written.occurrence(index)
        let replaced = latest.flatMap { $0.occurrenceNumber == index && !$0.isWithdrawn ? $0 : nil }
        let context = PublicationContext(
            now: now, calendar: calendar, config: config, itemName: itemName, imageData: imageData, previous: replaced)

        // Each channel's cheap limits first: a megabyte for the screen is left out for
        // its length before its sentences are read.
        var refused: [ChannelRefusal] = item.channels.compactMap { channel in
            guard let problems = publishers[channel]?.limitProblems(item, context: context), !problems.isEmpty else { return nil }
            return ChannelRefusal(channel: channel, problems: problems, reason: .channel(channel))
        }
        var readable = item
        readable.channels = item.channels.filter { channel in !refused.contains { $0.channel == channel } }
        let assessment = readable.channels.isEmpty ? ReadabilityGate.Assessment() : gate.assess(readable, fileName: itemName)
        refused += assessment.refused.map {
            ChannelRefusal(channel: $0, problems: [assessment.problem!], reason: .readability(rule: assessment.rules.first ?? "score"))
        }
        var derogation: Derogation?
        if let overridden = assessment.overridden {
            derogation = Derogation(reason: overridden.reason, channels: overridden.channels)
        }
        if refused.count == item.channels.count {
            let readabilityReasons = assessment.refused.isEmpty ? [] : assessment.rules.isEmpty
                ? [RefusalReason.readability(rule: "score")] : assessment.rules.map { RefusalReason.readability(rule: $0) }
            let channelReasons = refused.compactMap { if case .channel = $0.reason { $0.reason } else { nil } }
            return Judgement(
                outcome: .reject(Self.distinct(refused.flatMap(\.problems)), details: assessment.details,
                                 reasons: channelReasons + readabilityReasons),
                assessment: assessment, refused: refused)
        }
        if let end = DisplayWindow.givenEnd(expires: item.expires, when: item.when), calendar.end(of: end) < now {
            let outcome: Outcome = origin == .new
                ? .reject([Self.endedProblem(item)], details: nil, reasons: [.alreadyEnded])
                : .expire(ended: calendar.end(of: end), problems: [Self.expiredProblem(item)])
            return Judgement(outcome: outcome, assessment: assessment, refused: refused)
        }

        var record = PublishedItem(item, itemName: itemName, publishedOn: calendar.civilDate(of: now))
        record.occurrence = index
        if let latest, latest.occurrenceNumber == index, !latest.isWithdrawn {
            if item.publication == nil { record.published = latest.published }
            if Self.sameContent(record, latest, channels: item.channels) {
                return Judgement(outcome: .unchanged(current: latest), assessment: assessment, refused: refused)
            }
        }
        if let publication = item.publication, calendar.start(of: publication) > now {
            return Judgement(outcome: .wait(until: calendar.start(of: publication)), assessment: assessment, refused: refused)
        }

        var renderings: [Channel: ChannelRendering] = [:]
        var unsupported: [Channel] = []
        for channel in item.channels where !refused.contains(where: { $0.channel == channel }) {
            guard let publisher = publishers[channel] else {
                unsupported.append(channel)
                continue
            }
            do {
                renderings[channel] = try publisher.render(item, context: context)
            } catch {
                refused.append(ChannelRefusal(channel: channel, problems: error.problems, reason: .channel(channel)))
            }
        }
        guard !renderings.isEmpty || !unsupported.isEmpty else {
            let problems = refused.flatMap(\.problems)
            return Judgement(
                outcome: .reject(Self.distinct(problems), details: assessment.details, reasons: refused.map(\.reason)),
                assessment: assessment, refused: refused)
        }
        refused.sort { a, b in item.channels.firstIndex(of: a.channel)! < item.channels.firstIndex(of: b.channel)! }
        record.channels = item.channels.filter { renderings[$0] != nil || unsupported.contains($0) }
        record.recorded = calendar.rfc3339(now)
        if let latest, latest.occurrenceNumber == index {
            record.version = latest.versionNumber + 1
        }
        let publication = Publication(
            renderings: renderings, unsupported: unsupported, derogation: derogation, refused: refused,
            details: refused.isEmpty ? nil : assessment.details, record: record,
            nextOccurrence: written.nextOccurrenceStart(after: index, calendar: calendar))
        return Judgement(outcome: .publish(publication), assessment: assessment, refused: refused)
    }

    /// Withdrawing `identity` (`Statut: annulé`, `crieur withdraw`): the withdrawing
    /// version of its latest record, or a refusal when nothing is there to withdraw.
    public func withdrawal(of identity: String, reason: String?, latest: PublishedItem?, now: Date) -> Outcome {
        guard var record = latest, !record.isWithdrawn else {
            return .reject([ItemProblem(
                line: nil,
                message: latest == nil
                    ? "Cette annonce est marquée « annulé », mais aucune annonce publiée n'a l'identifiant « \(identity) »."
                    : "L'annonce « \(identity) » est déjà retirée.",
                fix: "Pour retirer une annonce, gardez le même nom de fichier (ou la même ligne « Id: ») que l'annonce publiée. "
                    + "« crieur list » montre les identifiants des annonces en cours.")],
                details: nil, reasons: [.nothingToWithdraw])
        }
        record.version = record.versionNumber + 1
        record.recorded = calendar.rfc3339(now)
        record.withdrawal = PublishedItem.Withdrawal(reason: reason, time: calendar.rfc3339(now))
        return .withdraw(record: record)
    }

    /// Two records say the same thing to the public (their ids and times aside).
    static func sameContent(_ a: PublishedItem, _ b: PublishedItem, channels: [Channel]) -> Bool {
        var a = a, b = b
        a.id = ""; b.id = ""
        a.version = nil; b.version = nil
        a.recorded = nil; b.recorded = nil
        a.outputs = nil; b.outputs = nil
        a.occurrence = a.occurrenceNumber; b.occurrence = b.occurrenceNumber
        a.firstID = ""; b.firstID = ""
        a.itemName = ""; b.itemName = ""
        a.image = a.image.map { ItemImage(fileName: "", alternativeText: $0.alternativeText) }
        b.image = b.image.map { ItemImage(fileName: "", alternativeText: $0.alternativeText) }
        a.channels = channels; b.channels = b.channels.isEmpty ? channels : b.channels
        return a == b
    }

    private static func distinct(_ problems: [ItemProblem]) -> [ItemProblem] {
        var seen: [ItemProblem] = []
        for problem in problems where !seen.contains(problem) { seen.append(problem) }
        return seen
    }

    static func duplicateProblem(original: String, identity: String) -> ItemProblem {
        ItemProblem(
            line: nil,
            message: "Cette annonce a le même titre et le même texte que « \(original) », déjà publiée ou en attente.",
            fix: "Si c'est une copie, il n'y a rien à faire. Pour corriger l'annonce publiée, déposez le fichier corrigé "
                + "sous le même nom que « \(original) », ou ajoutez en tête une ligne « Id: » avec son identifiant "
                + "(« crieur list » le montre) : la nouvelle version remplacera l'ancienne partout.")
    }

    static func endedProblem(_ item: Item) -> ItemProblem {
        ItemProblem(
            line: nil,
            message: item.repeatUntil != nil && item.repetition != nil
                ? "La répétition de cette annonce est déjà terminée (« Jusqu'au » est passé) : elle ne serait montrée nulle part."
                : "La date de fin de cette annonce est déjà passée : elle ne serait montrée nulle part.",
            fix: "Corrigez la ligne « Fin » (ou « Jusqu'au ») avec une date à venir, ou ne déposez pas cette annonce.")
    }

    static func expiredProblem(_ item: Item) -> ItemProblem {
        ItemProblem(
            line: nil,
            message: "Cette annonce attendait sa date de publication, mais sa date de fin est passée avant : elle n'a été publiée nulle part.",
            fix: "Si elle doit encore paraître, corrigez les lignes « Publication » et « Fin » puis déposez-la à nouveau.")
    }
}
