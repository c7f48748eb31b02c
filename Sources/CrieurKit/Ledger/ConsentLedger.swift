import Foundation

/// The consent ledger, `data/consent.jsonl`: who agreed to receive which list,
/// when, how (the proof), under which wording, and every confirmation,
/// withdrawal and erasure since. The current state is the replay of its events
/// (`ConsentState`).
///
/// Touches `data/consent.jsonl` (0600, appended and fdatasynced through
/// `AppendOnlyLog`), `data/consent.lock` (serialises the processes that change
/// the ledger: each change reads the state and appends under it), and for
/// erasure and repair the other files of `data/` (see the extensions).
///
/// On failure: a damaged ledger (`ConsentLedgerDamage`) can still be read —
/// `read()` returns what it could decode and the damage — but every change
/// refuses until `repair()`; refused requests are `ConsentError`s; the disk's
/// errors are `FileSystemError`s. A change is one write: it happens entirely or
/// not at all.
public struct ConsentLedger: Sendable {
    public static let fileName = "consent.jsonl"
    public static let damagedFileName = "consent.damaged"
    public static let lockFileName = "consent.lock"

    public let workspace: Workspace
    public let clock: any Clock
    /// Told of every mode of `data/` found loosened and set back before a change
    /// (the command line prints it, the worker logs it).
    public var permissionReport: @Sendable (DataPermissions.Repair) -> Void

    public init(workspace: Workspace, clock: any Clock, permissionReport: @escaping @Sendable (DataPermissions.Repair) -> Void = { _ in }) {
        self.workspace = workspace
        self.clock = clock
        self.permissionReport = permissionReport
    }

    public var path: String { "\(workspace.dataDirectory)/\(ConsentLedger.fileName)" }
    var log: AppendOnlyLog { AppendOnlyLog(path: path) }
    var suppression: SuppressionList { SuppressionList(dataDirectory: workspace.dataDirectory) }

    /// One decoded line of the ledger, with the bytes it was read from.
    public struct Entry: Sendable {
        public var number: Int
        public var bytes: Data
        public var event: ConsentEvent
    }

    /// The whole ledger as read now.
    public struct Reading: Sendable {
        public var state = ConsentState()
        public var entries: [Entry] = []
        /// Nil when every line was read.
        public var damage: ConsentLedgerDamage?
    }

    /// Reads and replays the whole ledger; damage is returned, not thrown, so
    /// that listing and export still show what can be read. A ledger that lost
    /// lines (missing, or shorter than its seal) throws `ConsentUncertainty`:
    /// what is left would read as fewer people, or as people who never withdrew.
    public func read(checkingIntegrity: Bool = true) throws -> Reading {
        let contents = try log.read()
        if checkingIntegrity {
            try checkIntegrity(size: contents.identity == nil ? nil : contents.consumedOffset + (contents.unterminatedTail?.count ?? 0))
        }
        var reading = Reading()
        var damaged: [ConsentLedgerDamage.DamagedLine]
        (reading.entries, damaged) = ConsentLedger.decode(contents.lines)
        for entry in reading.entries { reading.state.apply(entry.event) }
        if let tail = contents.unterminatedTail {
            damaged.append(.init(number: (contents.lines.last?.number ?? 0) + 1, bytes: tail, unterminated: true))
        }
        reading.damage = damaged.isEmpty ? nil : ConsentLedgerDamage(lines: damaged)
        return reading
    }

    /// Decodes lines into entries, in order, and lists those that cannot be
    /// decoded. Whole-file fast path: one decoder call for every line (a JSON
    /// array made of them); line by line only when one of them is bad, to find which.
    static func decode(_ lines: [(number: Int, bytes: Data)]) -> (entries: [Entry], damaged: [ConsentLedgerDamage.DamagedLine]) {
        let decoder = ConsentEvent.lineDecoder()
        let present = lines.filter { !$0.bytes.isEmpty }
        var array = Data("[".utf8)
        for (index, line) in present.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array.append(line.bytes)
        }
        array.append(UInt8(ascii: "]"))
        if let events = try? decoder.decode([ConsentEvent].self, from: array), events.count == present.count {
            return (zip(present, events).map { Entry(number: $0.number, bytes: $0.bytes, event: $1) }, [])
        }
        var entries: [Entry] = []
        var damaged: [ConsentLedgerDamage.DamagedLine] = []
        for line in present {
            if let event = try? decoder.decode(ConsentEvent.self, from: line.bytes) {
                entries.append(Entry(number: line.number, bytes: line.bytes, event: event))
            } else {
                damaged.append(.init(number: line.number, bytes: line.bytes, unterminated: false))
            }
        }
        return (entries, damaged)
    }

    /// Runs `body` with the ledger's lock held and its current state, then
    /// appends the events it returns in one durable write. Refuses a damaged ledger.
    func change<T>(_ body: (Reading) throws -> (events: [ConsentEvent], result: T)) throws -> T {
        try withLock {
            let reading = try read()
            if let damage = reading.damage { throw damage }
            let (events, result) = try body(reading)
            let encoder = ConsentEvent.lineEncoder()
            let lines = try events.map { try AppendOnlyLog.encodeLine($0, encoder: encoder) }
            PausePoint.reach("consent.append", detail: "\(lines.count)")
            try log.append(lines: lines)
            PausePoint.reach("consent.appended", detail: "\(lines.count)")
            if !events.isEmpty { try writeSeal() }
            return result
        }
    }

    /// Holds `data/consent.lock` while `body` runs (waiting for another process
    /// to finish), after setting back any loosened mode in `data/`.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        try FileSystem.makeDirectory(workspace.dataDirectory, mode: 0o700)
        guard let lock = try FileLock(path: "\(workspace.dataDirectory)/\(ConsentLedger.lockFileName)", wait: true) else {
            preconditionFailure("a waiting lock is always taken")
        }
        defer { withExtendedLifetime(lock) {} }
        for repair in try DataPermissions(workspace: workspace).enforce() { permissionReport(repair) }
        return try body()
    }

    // MARK: - Changes

    /// Records consent for each request, in one write. A request for someone
    /// already subscribed writes nothing, unless their address is « en échec »
    /// (`AddressFailures`): a new subscription then starts again, and once
    /// confirmed it lifts the failure. A withdrawn subscriber who gives
    /// consent again gets a new `subscribed` event (same id, same unsubscribe token).
    public func subscribe(_ requests: [SubscriptionRequest], settings: NewsletterSettings) throws -> [SubscriptionOutcome] {
        try change { reading in
            let suppressed = try suppression.matcher()
            let failures = try AddressFailures.load(workspace: workspace, state: reading.state)
            var state = reading.state
            var events: [ConsentEvent] = []
            var outcomes: [SubscriptionOutcome] = []
            for request in requests {
                do {
                    let event = try subscriptionEvent(request, settings: settings, state: state, suppressed: suppressed, failures: failures)
                    guard let event else {
                        outcomes.append(.alreadySubscribed(state.subscriber(address: request.address, list: request.list ?? settings.defaultList)!))
                        continue
                    }
                    let renewed = state.subscribers[event.subscriber] != nil
                    state.apply(event)
                    events.append(event)
                    let subscriber = state.subscribers[event.subscriber]!
                    outcomes.append(renewed ? .renewed(subscriber) : .added(subscriber))
                } catch let error as ConsentError {
                    outcomes.append(.refused(error))
                }
            }
            return (events, outcomes)
        }
    }

    /// The event recording `request`, nil when there is nothing to record.
    private func subscriptionEvent(_ request: SubscriptionRequest, settings: NewsletterSettings, state: ConsentState,
                                   suppressed: (EmailAddress) -> Bool, failures: AddressFailures) throws -> ConsentEvent? {
        let listName = request.list ?? settings.defaultList
        guard let list = settings.list(named: listName) else {
            throw ConsentError.unknownList(listName, known: settings.lists.map(\.name))
        }
        guard let source = try ConsentLedger.checkedText(request.source, field: "source", maxLength: 500) else {
            throw ConsentError.missingSource
        }
        let name = try ConsentLedger.checkedText(request.name ?? "", field: "nom", maxLength: 200)
        let wording = try ConsentLedger.checkedText(request.wording ?? "", field: "version du texte de consentement", maxLength: 100)
        guard !suppressed(request.address) else { throw ConsentError.suppressed(request.address.value) }
        let pending = request.pending || list.doubleOptIn
        let existing = state.subscriber(address: request.address, list: list.name)
        switch existing?.state {
        case .confirmed? where !failures.isFailing(existing!.id): return nil
        case .pending? where pending: return nil
        default: break
        }
        return ConsentEvent(
            kind: .subscribed, subscriber: existing?.id ?? newSubscriberID(state), list: list.name, time: clock.now(),
            address: request.address.value, name: name, source: source, wording: wording ?? settings.consentWording,
            status: pending ? .pending : .confirmed,
            unsubscribeToken: existing?.unsubscribeToken ?? ConsentLedger.newToken(),
            confirmationToken: pending ? ConsentLedger.newToken() : nil)
    }

    /// Confirms the pending subscription that `token` was sent for (double opt-in).
    /// A second confirmation with the same token changes nothing and succeeds.
    public func confirm(token: String, source: String = "lien de confirmation") throws -> Subscriber {
        try change { reading in
            guard let subscriber = reading.state.subscriber(confirmationToken: token) else { throw ConsentError.unknownToken }
            guard subscriber.state == .pending else { return ([], subscriber) }
            var state = reading.state
            let event = ConsentEvent(kind: .confirmed, subscriber: subscriber.id, list: subscriber.list, time: clock.now(), source: source)
            state.apply(event)
            return ([event], state.subscribers[subscriber.id]!)
        }
    }

    /// Withdraws the address from `list`, or from every list. Returns the
    /// subscriptions that ended; empty when all had already ended.
    public func withdraw(address: EmailAddress, list: String? = nil, source: String) throws -> [Subscriber] {
        try change { reading in
            let held = reading.state.subscribers(address: address).filter { list == nil || $0.list == list }
            guard !held.isEmpty else { throw ConsentError.unknownAddress(address.value, list: list) }
            return withdrawal(of: held, from: reading.state, source: source)
        }
    }

    /// Withdraws the subscription whose unsubscribe link was followed. Following
    /// it twice is fine: the second time changes nothing.
    public func withdraw(unsubscribeToken token: String, source: String = "lien de désinscription") throws -> Subscriber {
        try change { reading in
            guard let subscriber = reading.state.subscriber(unsubscribeToken: token) else { throw ConsentError.unknownToken }
            let (events, changed) = withdrawal(of: [subscriber], from: reading.state, source: source)
            return (events, changed.first ?? subscriber)
        }
    }

    private func withdrawal(of subscribers: [Subscriber], from state: ConsentState, source: String) -> ([ConsentEvent], [Subscriber]) {
        var state = state
        var events: [ConsentEvent] = []
        for subscriber in subscribers where subscriber.state == .pending || subscriber.state == .confirmed {
            let event = ConsentEvent(kind: .withdrawn, subscriber: subscriber.id, list: subscriber.list, time: clock.now(), source: source)
            state.apply(event)
            events.append(event)
        }
        return (events, events.map { state.subscribers[$0.subscriber]! })
    }

    // MARK: - Values

    /// Trimmed text, nil when empty; refused when it holds a line break or an
    /// invisible control character (it ends up in e-mail headers and ledgers), or
    /// is longer than `maxLength` characters, each with its own reason.
    static func checkedText(_ text: String, field: String, maxLength: Int) throws(ConsentError) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard !trimmed.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || TextDecoding.isForbidden($0) }) else {
            throw ConsentError.invalidText(field: field)
        }
        guard trimmed.count <= maxLength else {
            throw ConsentError.textTooLong(field: field, length: trimmed.count, maxLength: maxLength)
        }
        return trimmed
    }

    /// `s-` and 16 random hexadecimal digits, not yet used.
    private func newSubscriberID(_ state: ConsentState) -> String {
        while true {
            let id = "s-" + SecureRandom.hex(bytes: 8)
            if state.subscribers[id] == nil { return id }
        }
    }

    /// 192 random bits in hexadecimal (48 characters): unguessable, safe in a URL.
    static func newToken() -> String {
        SecureRandom.hex(bytes: 24)
    }
}
