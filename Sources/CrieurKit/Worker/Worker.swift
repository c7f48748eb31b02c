import Foundation

/// The queue manager: takes due items, decides their fate with `ItemProcessor`,
/// writes the channels' files and moves each item to exactly one state.
///
/// It touches `queue/`, `out/` and the ledgers `data/journal.jsonl` and
/// `data/derogations.jsonl`. Bad input never stops it: a
/// refused item goes to `rejected/` with a French report; a failure of the
/// world (disk full) sends the item to `deferred/` for a later try; a file that
/// changed after its claim (a writer still at work) goes back to `incoming/` and is
/// read again whole. Killed at any
/// moment, it loses nothing: the item stays in its claim folder and the next
/// worker takes it back; writing the same outputs again is harmless.
public final class Worker {
    public let workspace: Workspace
    public let config: CrieurConfig
    private let processor: ItemProcessor
    private let listings: [any ListingPage]
    private let periodic: [any PeriodicJob]
    /// The earliest time a periodic job asked to run again.
    private var periodicWake: Date?
    /// Per periodic job (by index): the wake it asked for (the clock's time) and when it last ran (wall time).
    /// No entry: it runs at the next pass.
    private var periodicSchedule: [Int: (nextWake: Date?, lastRun: Date)] = [:]
    private let parser: ItemParser
    private let spool: Spool
    private let clock: any Clock
    private let wallClock: any Clock
    private let logger: Logger
    private let sleep: @Sendable (TimeInterval) -> Void
    /// Called with the claimed file's path once it has been read and judged, before
    /// Crieur checks it did not change meanwhile: where tests drive a slow writer.
    private let afterReading: (@Sendable (String) -> Void)?
    private var tracker: StabilityTracker
    private let journal: PublicationJournal
    private var started = false
    private var lastRecovery = Date.distantPast
    /// The day old refusals were last moved to `rejected/ancien/`.
    private var lastArchiveDay: CivilDate?
    /// The day the listing pages were last rebuilt: items start and end by the
    /// day, so pages are rebuilt at least once a day even when nothing arrives.
    private var lastRefreshDay: CivilDate?

    /// `listings`: pages rebuilt beside the channels' (`Publishers.listings`);
    /// `periodic`: jobs run after each pass over the queue (the newsletter sender).
    public init(
        workspace: Workspace, config: CrieurConfig, publishers: [any ChannelPublisher], listings: [any ListingPage] = [],
        periodic: [any PeriodicJob] = [],
        clock: any Clock, wallClock: any Clock, logger: Logger,
        sleep: @escaping @Sendable (TimeInterval) -> Void,
        afterReading: (@Sendable (String) -> Void)? = nil
    ) {
        self.afterReading = afterReading
        self.workspace = workspace
        self.config = config
        self.processor = ItemProcessor(config: config, publishers: publishers)
        self.listings = listings
        self.periodic = periodic
        self.parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        self.spool = Spool(layout: workspace.queue)
        self.clock = clock
        self.wallClock = wallClock
        self.logger = logger
        self.sleep = sleep
        self.tracker = StabilityTracker(settle: TimeInterval(config.queue.settleSeconds))
        self.journal = PublicationJournal(path: workspace.journalPath)
    }

    // MARK: Life cycle

    /// Opens the queue, takes back items of dead workers, and gives a report to
    /// any refused item that lost its own in a crash.
    public func start() throws -> [WorkerEvent] {
        try spool.open()
        started = true
        checkDataPermissions()
        return try recover() + repairReports()
    }

    /// `data/` holds personal data: a mode loosened since the last look is set
    /// back and logged. Never stops the worker; a failure to look is logged too.
    private func checkDataPermissions() {
        do {
            for repair in try DataPermissions(workspace: workspace).enforce() {
                repair.repaired ? logger.info(repair.description) : logger.error(repair.description)
            }
        } catch {
            logger.error("impossible de vérifier les droits de data/ : \(error)")
        }
    }

    public func stop() throws {
        guard started else { return }
        try spool.close()
        started = false
    }

    /// `crieur work --once`: everything due now, waiting briefly for files still
    /// being copied, then stop.
    public func runOnce() throws -> [WorkerEvent] {
        var events = try start()
        defer { try? stop() }
        events += try processDueSettling()
        let waiting = try incomingNames()
        events += runPeriodic(afterChanges: true)
        // A periodic job may queue an item due now (the « service de la semaine », an item approved at the
        // desk): published in this run too. Files left in incoming/ before the jobs ran (a writer still at
        // work) are not read again for that.
        if try !incomingNames().subtracting(waiting).isEmpty {
            events += try processDueSettling()
        } else if try !spool.dueDeferred(now: clock.now()).isEmpty {
            events += try processDue()
        }
        return events
    }

    private func incomingNames() throws -> Set<String> {
        Set(try FileSystem.names(in: workspace.queue.directory(.incoming)).filter(QueueLayout.isIncomingCandidate))
    }

    /// Everything due now, waiting briefly for files still being copied.
    private func processDueSettling() throws -> [WorkerEvent] {
        var events = try processDue()
        var waits = 0
        while tracker.hasPending && waits < 5 {
            sleep(max(0.2, tracker.settle))
            events += try processDue()
            waits += 1
        }
        return events
    }

    /// `crieur work`: runs until `stopRequested()` turns true, waking on new
    /// files, on the next due item and at each rescan.
    public func runService(stopFD: Int32, stopRequested: () -> Bool) throws {
        _ = try start()
        defer { try? stop() }
        let watcher = try DirectoryWatcher(directory: workspace.queue.directory(.incoming))
        logger.info("service démarré (travailleur \(spool.workerID)), dossier surveillé : \(workspace.queue.directory(.incoming))")
        while !stopRequested() {
            var changed = false
            do {
                if wallClock.now().timeIntervalSince(lastRecovery) >= TimeInterval(config.queue.rescanSeconds) {
                    _ = try recover()
                }
                changed = try processDue(stopRequested: stopRequested).contains(where: \.changesWhatIsShown)
            } catch {
                logger.error("passage interrompu : \(error); nouvel essai dans \(config.queue.rescanSeconds) s")
            }
            if stopRequested() { break }
            _ = runPeriodic(stopRequested: stopRequested, afterChanges: changed)
            if stopRequested() { break }
            _ = watcher.wait(timeout: nextWakeUp(), stopFD: stopFD)
        }
        logger.info("service arrêté proprement")
    }

    private func nextWakeUp() -> TimeInterval {
        var timeout = TimeInterval(config.queue.rescanSeconds)
        if tracker.hasPending { timeout = min(timeout, max(0.2, tracker.settle / 2)) }
        if let next = try? spool.nextDeferred() {
            timeout = min(timeout, max(0, next.due.timeIntervalSince(clock.now())))
        }
        if let periodicWake {
            timeout = min(timeout, max(0, periodicWake.timeIntervalSince(clock.now())))
        }
        return timeout
    }

    // MARK: One pass

    /// Processes the deferred items that are due, then the settled new ones.
    public func processDue(stopRequested: () -> Bool = { false }) throws -> [WorkerEvent] {
        precondition(started, "start() the worker first")
        checkDataPermissions()
        var events: [WorkerEvent] = []
        let now = clock.now()
        let due = try spool.dueDeferred(now: now)
        for (from, to) in try spool.renameUnreadableIncoming() {
            logger.info("« \(from) » : nom de fichier illisible (pas en UTF-8), renommé « \(to) » pour être traité")
        }
        let incoming = try spool.stableIncoming(tracker: &tracker, wallNow: wallClock.now())
        let today = processor.calendar.civilDate(of: now)
        guard !due.isEmpty || !incoming.isEmpty || lastRefreshDay != today || lastArchiveDay != today else { return [] }
        var known = try KnownItems.read(workspace, parser: parser)
        for name in due {
            if stopRequested() { return events }
            if let claimed = try spool.claim(name, from: .deferred) {
                known.forget(queuedNamed: name)
                events += handle(claimed, origin: .deferred, known: &known, now: now)
            }
        }
        for name in incoming {
            if stopRequested() { return events }
            if let claimed = try spool.claim(name, from: .incoming) { events += handle(claimed, origin: .new, known: &known, now: now) }
        }
        if lastArchiveDay != today { archiveOldRefusals(now: now) }
        let published = events.contains(where: \.changesWhatIsShown)
        if published || lastRefreshDay != processor.calendar.civilDate(of: now) {
            refreshChannels(now: now)
        }
        return events
    }

    /// Runs the periodic jobs; a job that throws is logged and tried again at the next pass.
    /// `afterChanges`: the pass published or withdrew something, so every job runs.
    func runPeriodic(stopRequested: () -> Bool = { false }, afterChanges: Bool) -> [WorkerEvent] {
        var events: [WorkerEvent] = []
        periodicWake = nil
        if afterChanges { periodicSchedule.removeAll() }
        let now = clock.now(), wallNow = wallClock.now()
        func wake(at next: Date?) {
            if let next, periodicWake.map({ next < $0 }) ?? true { periodicWake = next }
        }
        for (index, job) in periodic.enumerated() {
            // The pickups ask for a pass every two seconds: the other jobs wait for their own time.
            if let last = periodicSchedule[index], !(last.nextWake.map { now >= $0 } ?? false),
               wallNow.timeIntervalSince(last.lastRun) < TimeInterval(config.queue.rescanSeconds) {
                wake(at: last.nextWake)
                continue
            }
            periodicSchedule[index] = nil
            do {
                let result = try job.runDue(stopRequested: stopRequested)
                periodicSchedule[index] = (result.nextWake, wallNow)
                wake(at: result.nextWake)
                if result.changedState {
                    // The others read what it changed: those after it run now, those before it at the next pass.
                    for other in periodic.indices where other != index { periodicSchedule[other] = nil }
                    if index > 0 { wake(at: now) }
                }
                if let reason = result.temporaryFailure {
                    events.append(result.settingsError ? .periodicSettingsError(reason: reason, until: result.nextWake)
                                                       : .periodicFailure(reason: reason, until: result.nextWake))
                }
            } catch let error as ConsentUncertainty {
                logger.error("envoi de la lettre d'information bloqué : \(error)")
                events.append(.periodicBlocked(reason: "\(error)"))
            } catch let error as ConsentLedgerDamage {
                logger.error("envoi de la lettre d'information bloqué : \(error)")
                events.append(.periodicBlocked(reason: "\(error)"))
            } catch {
                logger.error("travail périodique interrompu (\(type(of: job))) : \(error)")
                events.append(.periodicFailure(reason: "\(error)", until: nil))
            }
        }
        return events
    }

    private func recover() throws -> [WorkerEvent] {
        lastRecovery = wallClock.now()
        let names = try spool.recoverAbandoned(wallNow: lastRecovery)
        for name in names {
            logger.info("« \(name) » repris d'un travailleur arrêté brutalement, remis dans la file")
        }
        return names.map { .recovered(item: $0) }
    }

    /// Handles one claimed item to the end. Never throws: every path ends with
    /// the item in `done/`, `deferred/` or `rejected/` — or, if even that move
    /// fails, left in the claim folder for the next start to take back.
    private func handle(_ claimed: ClaimedItem, origin: ItemProcessor.Origin, known: inout KnownItems, now: Date) -> [WorkerEvent] {
        var claimed = claimed
        PausePoint.reach("worker.claimed", detail: claimed.name)
        do {
            if QueueLayout.isReport(claimed.name) { return [try rejectReportLikeName(claimed)] }
            let result = try read(&claimed)
            var decision: ItemProcessor.Outcome?
            if case .success(let (item, imageData)) = result {
                decision = processor.decide(item, itemName: claimed.name, imageData: imageData, now: now,
                                            known: known, origin: origin)
            }
            afterReading?(claimed.path)
            // A writer that paused longer than the settle time may still be writing:
            // what was read could be its first half. Nothing is published, refused or
            // deferred from it; the file goes back to settle and is read again whole.
            if try spool.hasChangedSinceClaim(claimed) { return [try putBack(claimed)] }
            switch result {
            case .failure(let rejection):
                return [try reject(claimed, rejection.problems, reasons: [.format])]
            case .success(let (item, imageData)):
                guard let decision else { preconditionFailure("a read item is always judged") }
                return try apply(decision, to: claimed, item: item, imageData: imageData, known: &known, now: now)
            }
        } catch {
            return [retry(claimed, error: error, now: now)]
        }
    }

    private func apply(
        _ outcome: ItemProcessor.Outcome, to claimed: ClaimedItem, item: Item, imageData: Data?,
        known: inout KnownItems, now: Date
    ) throws -> [WorkerEvent] {
        let identity = ItemIdentity.of(item, fileName: claimed.name)
        switch outcome {
        case .reject(let problems, let details, let reasons):
            return [try reject(claimed, problems, details: details, reasons: reasons)]
        case .unchanged(let current):
            try journal.append(.init(time: now, item: claimed.name, event: .unchanged, archive: current.id, identity: identity))
            let name = try spool.move(claimed, to: .done)
            logger.info("« \(name) » : déjà publiée telle quelle (« \(current.identity) »), rien ne change")
            return [.unchanged(item: name, identity: identity)]
        case .withdraw(let record):
            var events = try withdraw(record, by: claimed.name, user: nil, known: &known, now: now)
            let name = try spool.move(claimed, to: .done)
            events.append(.withdrawn(item: name, identity: identity))
            return events
        case .wait(let due):
            var events = try supersede(identity: identity, known: &known, now: now)
            let name = try spool.deferItem(claimed, until: due)
            known.note(queued: .init(name: name, identity: identity, fingerprint: ItemIdentity.fingerprint(item)))
            logger.info("« \(name) » en attente jusqu'au \(processor.calendar.frenchWords(due, referenceYear: nil, article: false))")
            events.append(.deferred(item: name, until: due))
            return events
        case .expire(let ended, let problems):
            try journal.append(.init(time: now, item: claimed.name, event: .expired, identity: identity))
            let name = try spool.move(claimed, to: .done)
            try writeReport(for: name, kind: .expired, problems: problems, details: nil)
            logger.info("« \(name) » expirée le \(processor.calendar.timestamp(ended)) avant sa publication : "
                + "classée sans publication — rapport : queue/done/\(name + QueueLayout.reportSuffix)")
            return [.expired(item: name)]
        case .publish(let publication):
            return try publish(publication, claimed: claimed, item: item, imageData: imageData, known: &known, now: now)
        }
    }

    private func publish(
        _ publication: ItemProcessor.Publication, claimed: ClaimedItem, item: Item, imageData: Data?,
        known: inout KnownItems, now: Date
    ) throws -> [WorkerEvent] {
        let identity = publication.record.identity
        var events = try supersede(identity: identity, known: &known, now: now)
        // The next occurrence is queued before this one is recorded: killed in between,
        // the item is done again from the start, its copy set aside and made anew, never lost.
        if let next = publication.nextOccurrence {
            let copy = try spool.deferCopy(of: claimed, until: next)
            known.note(queued: .init(name: copy, identity: identity, fingerprint: ItemIdentity.fingerprint(item)))
            logger.info("« \(copy) » reviendra \(processor.calendar.frenchWords(next, referenceYear: nil)) (\(item.repetition?.frenchName ?? ""))")
        }
        if let derogation = publication.derogation { try record(derogation, item: claimed.name) }
        // An earlier version's own files go first, so the new ones can take their names.
        if let previous = known.latest[identity] { try removeOutputs(of: previous) }
        var outputs: [Channel: [String]] = [:]
        for channel in publication.record.channels {
            guard let rendering = publication.renderings[channel] else { continue }
            let folder = workspace.output(channel)
            outputs[channel] = try rendering.files.map { try folder.write($0) }
        }
        PausePoint.reach("worker.rendered", detail: claimed.name)
        var record = publication.record
        record.outputs = Dictionary(uniqueKeysWithValues: outputs.map { ($0.key.rawValue, $0.value) })
        let archived = try workspace.archive.record(record, imageData: imageData)
        known.note(recorded: archived)
        try journal.append(.init(
            time: now, item: claimed.name, event: .published, channels: archived.channels, archive: archived.id,
            reasons: publication.refused.isEmpty ? nil : publication.refused.map(\.reason.code),
            identity: identity, version: archived.versionNumber))
        PausePoint.reach("worker.journaled", detail: claimed.name)
        let name = try spool.move(claimed, to: .done)
        if !publication.refused.isEmpty {
            try writeReport(for: name, kind: .partlyPublished, problems: Self.leftOutProblems(publication.refused),
                            details: publication.details)
        }
        let warnings = publication.record.channels.flatMap { publication.renderings[$0]?.warnings ?? [] }
        logger.info(publicationLine(name, outputs: outputs, unsupported: publication.unsupported, warnings: warnings,
                                    refused: publication.refused, correction: publication.isCorrection))
        events.append(.published(item: name, outputs: outputs, unsupported: publication.unsupported, warnings: warnings))
        if !publication.refused.isEmpty {
            events.append(.leftOut(item: name, channels: publication.refused.map(\.channel),
                                   report: name + QueueLayout.reportSuffix))
        }
        return events
    }

    /// Takes an item down everywhere: its waiting versions set aside, the
    /// withdrawing version archived, each channel told, the journal written.
    private func withdraw(
        _ record: PublishedItem, by source: String, user: String?, known: inout KnownItems, now: Date
    ) throws -> [WorkerEvent] {
        let events = try supersede(identity: record.identity, known: &known, now: now)
        let archived = try workspace.archive.record(record, imageData: nil)
        try retract(archived, now: now)
        known.note(recorded: archived)
        try journal.append(.init(time: now, item: source, event: .withdrawn, archive: archived.id,
                                 identity: record.identity, version: archived.versionNumber, user: user))
        logger.info("annonce « \(record.identity) » retirée de tous ses canaux"
            + (user.map { " par \($0)" } ?? " (« \(source) »)")
            + (record.withdrawal?.reason.map { ", raison : \($0)" } ?? ""))
        return events
    }

    /// `crieur withdraw ID [--reason TEXT]`: the same withdrawal as `Statut: annulé`,
    /// at once, then the pages rebuilt. Throws `ItemRejection` (in French) when
    /// no current item has that identity.
    public func withdraw(identity written: String, reason: String?, user: String, now: Date) throws -> [WorkerEvent] {
        precondition(started, "start() the worker first")
        let identity = Slug.make(written, maxLength: ItemParser.maxIDLength)
        var known = try KnownItems.read(workspace, parser: parser)
        switch processor.withdrawal(of: identity, reason: reason, latest: known.latest[identity], now: now) {
        case .withdraw(let record):
            var events = try withdraw(record, by: "crieur withdraw", user: user, known: &known, now: now)
            events.append(.withdrawn(item: record.itemName, identity: identity))
            refreshChannels(now: now)
            return events
        case .reject(let problems, _, _):
            throw ItemRejection(problems)
        default:
            preconditionFailure("a withdrawal either withdraws or is refused")
        }
    }

    /// The channels that refused an item published elsewhere, as problems of its report.
    static func leftOutProblems(_ refused: [ItemProcessor.ChannelRefusal]) -> [ItemProblem] {
        var problems = [ItemProblem(
            line: nil,
            message: "L'annonce est publiée, sauf sur : \(refused.map(\.channel.frenchName).joined(separator: ", ")).",
            fix: "Corrigez ce qui est dit ci-dessous puis déposez le fichier corrigé sous le même nom : "
                + "la nouvelle version remplacera celle-ci partout, et paraîtra aussi sur ces canaux."
                + (refused.contains { $0.channel == .ecran }
                    ? " Pour l'écran, vous pouvez aussi ajouter une ligne « Texte écran: » avec un texte court, pour l'écran seulement."
                    : ""))]
        for refusal in refused {
            for problem in refusal.problems where !problems.contains(problem) { problems.append(problem) }
        }
        return problems
    }

    /// Other versions of the same item still waiting in `deferred/` are out of date:
    /// they go to `done/` unpublished, so an old version never comes back over a new one.
    private func supersede(identity: String, known: inout KnownItems, now: Date) throws -> [WorkerEvent] {
        var events: [WorkerEvent] = []
        for waiting in known.queued where waiting.identity == identity {
            known.forget(queuedNamed: waiting.name)
            // Moved without a claim: the new version, being handled, may hold the same name in the claim folder.
            guard let name = try spool.setAside(waiting.name, from: .deferred, to: .done) else { continue }
            try journal.append(.init(time: now, item: waiting.name, event: .superseded, identity: identity))
            logger.info("« \(name) » remplacée par une version plus récente avant sa publication : classée sans publication")
            events.append(.superseded(item: name, identity: identity))
        }
        return events
    }

    /// Files an earlier version wrote for itself (its post, its picture) are taken down.
    private func removeOutputs(of previous: PublishedItem) throws {
        for (channelName, files) in previous.outputs ?? [:] {
            guard let channel = Channel(rawValue: channelName) else { continue }
            for file in files { try workspace.output(channel).remove(file) }
        }
    }

    /// A withdrawn item: each channel that published it says so where staff look.
    private func retract(_ record: PublishedItem, now: Date) throws {
        let context = PublicationContext(now: now, calendar: processor.calendar, config: config, itemName: record.itemName)
        for channel in record.channels {
            guard let publisher = processor.publishers[channel] else { continue }
            let files = record.outputs?[channel.rawValue] ?? []
            try publisher.retract(record, files: files, folder: workspace.output(channel), context: context)
        }
    }

    private func publicationLine(
        _ name: String, outputs: [Channel: [String]], unsupported: [Channel], warnings: [String],
        refused: [ItemProcessor.ChannelRefusal], correction: Bool
    ) -> String {
        var parts = Channel.allCases.compactMap { channel in
            // A channel that lists items (the bulletin's drafts) may write nothing per item: name its folder.
            outputs[channel].map { files in
                let folder = "out/\(channel.outputFolderName)/"
                return "\(channel.rawValue) → " + (files.isEmpty ? folder : files.map { folder + $0 }.joined(separator: ", "))
            }
        }
        if !unsupported.isEmpty {
            parts.append("\(unsupported.map(\.rawValue).joined(separator: ", ")) : gardée dans queue/done pour ce canal, pas encore pris en charge par cette version")
        }
        var line = "« \(name) » \(correction ? "publiée (nouvelle version, remplace la précédente)" : "publiée") : \(parts.joined(separator: " ; "))"
        if !refused.isEmpty {
            line += " ; pas publiée sur : \(refused.map(\.channel.rawValue).joined(separator: ", ")) — rapport : queue/done/\(name + QueueLayout.reportSuffix)"
        }
        if !warnings.isEmpty { line += " (remarques : \(warnings.joined(separator: " ")))" }
        return line
    }

    // MARK: Reading

    /// The item and its picture, or the reasons it cannot be read. Only a failure
    /// of the world (I/O) throws.
    private func read(_ claimed: inout ClaimedItem) throws -> Result<(Item, Data?), ItemRejection> {
        let item: Item
        do {
            item = try parser.parse(try ItemFile.read(claimed.path, maxBytes: parser.maxBytes), fileName: claimed.name)
        } catch let rejection as ItemRejection {
            return .failure(rejection)
        }
        guard let image = item.image else { return .success((item, nil)) }
        return try readImage(image, for: &claimed).map { (item, $0) }
    }

    private func readImage(_ image: ItemImage, for claimed: inout ClaimedItem) throws -> Result<Data, ItemRejection> {
        guard QueueLayout.isImage(image.fileName), try spool.claimAttachment(image.fileName, for: &claimed) else {
            return .failure(ItemRejection([ItemFile.missingImage(image.fileName)]))
        }
        let path = "\(spool.activeDirectory)/\(QueueLayout.attachmentName(item: claimed.name, image: image.fileName))"
        do {
            return .success(try ItemFile.readImage(path, fileName: image.fileName))
        } catch let rejection as ItemRejection {
            return .failure(rejection)
        }
    }

    // MARK: Endings

    private func reject(
        _ claimed: ClaimedItem, _ problems: [ItemProblem], details: String? = nil, reasons: [RefusalReason],
        preferredName: String? = nil
    ) throws -> WorkerEvent {
        try journal.append(.init(time: clock.now(), item: claimed.name, event: .rejected, reasons: reasons.map(\.code)))
        let name = try spool.move(claimed, to: .rejected, preferred: preferredName)
        let reportName = name + QueueLayout.reportSuffix
        try writeReport(for: name, kind: .refused, problems: problems, details: details)
        let first = problems[0].message
        logger.info("« \(name) » refusée (\(problems.count) problème\(problems.count > 1 ? "s" : "")) : \(first) — rapport : queue/rejected/\(reportName)")
        return .rejected(item: name, report: reportName)
    }

    /// The French report beside an item: why it was refused, expired, or left out of some channels.
    private func writeReport(
        for name: String, kind: RejectionReport.Kind, problems: [ItemProblem], details: String?
    ) throws {
        let report = RejectionReport.render(
            fileName: name, problems: problems, at: processor.calendar.frenchWords(clock.now(), referenceYear: nil),
            details: details, kind: kind)
        let state: QueueState = kind == .refused ? .rejected : .done
        try FileSystem.writeDurably(Data(report.utf8), to: workspace.queue.path(state, name + QueueLayout.reportSuffix))
    }

    private func putBack(_ claimed: ClaimedItem) throws -> WorkerEvent {
        let name = try spool.putBack(claimed)
        tracker.forget(name)
        logger.info("« \(name) » a changé pendant sa lecture (copie pas encore finie ?) : remise dans queue/incoming, "
            + "elle sera lue en entier quand elle ne changera plus")
        return .changedWhileRead(item: name)
    }

    /// A file dropped as `X.rapport.txt` would pass for the report of an item `X`:
    /// it is refused unread, under the name `X-rapport.txt`, with its own report.
    private func rejectReportLikeName(_ claimed: ClaimedItem) throws -> WorkerEvent {
        let safe = QueueLayout.nameOutsideReports(claimed.name)
        let problem = ItemProblem(
            line: nil,
            message: "Le nom « \(claimed.name) » se termine par « \(QueueLayout.reportSuffix) », la fin que Crieur réserve "
                + "à ses rapports de refus : le fichier n'a pas été lu.",
            fix: "Il est rangé ici sous le nom « \(safe) ». Si c'est une annonce, renommez-la sans « .rapport » "
                + "(par exemple « \(safe) ») et déposez-la à nouveau dans « queue/incoming ».")
        return try reject(claimed, [problem], reasons: [.format], preferredName: safe)
    }

    /// Publishing a text despite readability findings is a decision the centre
    /// must be able to account for: it goes to `data/derogations.jsonl` first.
    private func record(_ derogation: ItemProcessor.Derogation, item: String) throws {
        struct Entry: Encodable {
            var time: String
            var item: String
            var reason: String
            var channels: [Channel]
        }
        try FileSystem.makeDirectory(workspace.dataDirectory, mode: 0o700)
        try AppendOnlyLog(path: workspace.path("data/derogations.jsonl")).append(Entry(
            time: processor.calendar.timestamp(clock.now()), item: item,
            reason: derogation.reason, channels: derogation.channels))
        logger.info("« \(item) » publiée avec dérogation à la lisibilité (\(derogation.channels.map(\.rawValue).joined(separator: ", "))) : \(derogation.reason)")
    }

    private func retry(_ claimed: ClaimedItem, error: Error, now: Date) -> WorkerEvent {
        let due = now.addingTimeInterval(TimeInterval(config.queue.retryMinutes * 60))
        do {
            let name = try spool.deferItem(claimed, until: due)
            logger.error("« \(name) » : échec temporaire (\(error)) ; nouvel essai le \(processor.calendar.timestamp(due))")
            return .retry(item: name, reason: "\(error)", until: due)
        } catch {
            logger.error("« \(claimed.name) » : échec temporaire (\(error)) ; l'annonce reste en cours et sera reprise au prochain démarrage")
            return .retry(item: claimed.name, reason: "\(error)", until: due)
        }
    }

    /// A refused item whose report was lost (crash between the move and the
    /// report) gets one again.
    private func repairReports() throws -> [WorkerEvent] {
        let rejected = workspace.queue.directory(.rejected)
        let names = try FileSystem.names(in: rejected)
        let present = Set(names)
        var events: [WorkerEvent] = []
        for name in names where QueueLayout.isItemName(name) {
            if try FileSystem.info("\(rejected)/\(name)")?.kind == .directory { continue }  // rejected/ancien/
            let reportName = name + QueueLayout.reportSuffix
            guard !present.contains(reportName) else { continue }
            var problems = [ItemProblem(
                line: nil, message: "Cette annonce a été refusée, mais le rapport détaillé a été perdu lors d'un arrêt brutal.",
                fix: "Déposez-la à nouveau dans « queue/incoming » pour qu'elle soit vérifiée une nouvelle fois.")]
            if let info = try FileSystem.info("\(rejected)/\(name)"), ItemFile.kindProblem(info) == nil,
               case .contents(let data) = try FileSystem.read("\(rejected)/\(name)", maxBytes: config.queue.maxItemBytes) {
                do { _ = try parser.parse(data, fileName: name) } catch { problems = error.problems }
            }
            let report = RejectionReport.render(fileName: name, problems: problems, at: processor.calendar.frenchWords(clock.now(), referenceYear: nil))
            try FileSystem.writeDurably(Data(report.utf8), to: "\(rejected)/\(reportName)")
            events.append(.rejected(item: name, report: reportName))
        }
        return events
    }

    /// Once a day, refusals older than `queue.rejectedArchiveDays` (by their report's
    /// date) move to `rejected/ancien/`, so staff see the recent ones first. A failure
    /// is logged and tried again the next day; the items stay where they were.
    private func archiveOldRefusals(now: Date) {
        lastArchiveDay = processor.calendar.civilDate(of: now)
        let cutoff = now.addingTimeInterval(-TimeInterval(config.queue.rejectedArchiveDays) * 86_400)
        do {
            let moved = try spool.archiveRefusals(reportedBefore: cutoff)
            if !moved.isEmpty {
                logger.info("\(moved.count) annonce\(moved.count > 1 ? "s" : "") refusée\(moved.count > 1 ? "s" : "") depuis plus de "
                    + "\(config.queue.rejectedArchiveDays) jours rangée\(moved.count > 1 ? "s" : "") dans queue/rejected/\(QueueLayout.rejectedArchiveFolder)/")
            }
        } catch {
            logger.error("rangement des anciens refus dans queue/rejected/\(QueueLayout.rejectedArchiveFolder)/ interrompu : \(error)")
        }
    }

    private func refreshChannels(now: Date) {
        lastRefreshDay = processor.calendar.civilDate(of: now)
        let context = PublicationContext(now: now, calendar: processor.calendar, config: config, itemName: "")
        var published: [PublishedItem] = []
        do {
            let archive = try workspace.archive.load()
            published = archive.items
            for name in archive.unreadable {
                logger.error("out/archive/\(name) illisible : ignoré pour les pages de synthèse (fichier gardé)")
            }
        } catch {
            logger.error("out/archive illisible : \(error)")
        }
        for publisher in processor.publishers.values {
            do {
                try publisher.refresh(workspace.output(publisher.channel), published: published, context: context)
            } catch {
                logger.error("page de synthèse du canal \(publisher.channel.rawValue) non mise à jour : \(error)")
            }
        }
        for listing in listings {
            do {
                try listing.refresh(OutputFolder(path: workspace.path("out/\(listing.outputFolderName)")), published: published, context: context)
            } catch {
                logger.error("out/\(listing.outputFolderName) non mis à jour : \(error)")
            }
        }
    }
}
