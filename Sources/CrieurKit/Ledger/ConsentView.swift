import Foundation

/// The newsletter sender's view of consent, kept current cheaply: the sender
/// calls `refresh()` right before each message, and a withdrawal recorded by
/// another process a moment earlier is honoured.
///
/// `refresh()` costs one `lstat` when nothing changed. When the ledger grew, it
/// reads and replays only the bytes appended since the last read. When the
/// ledger was replaced (an erasure or a repair renames a new file over it: the
/// inode changes) or shrank, it reloads it whole, under the ledger's lock so that
/// no half-written line is mistaken for damage.
///
/// On failure it throws `ConsentLedgerDamage`, and keeps its previous state:
/// the sender must stop, since the unreadable line may be a withdrawal. A line
/// still being written by another process (no line break yet) is left for the
/// next refresh.
public struct ConsentView: Sendable {
    public let ledger: ConsentLedger
    public private(set) var state = ConsentState()
    /// Subscribers held out of every send until a person decides about a set-aside line.
    public private(set) var holds = ConsentHolds()
    private var identity: AppendOnlyLog.FileIdentity?
    private var offset = 0
    private var nextLineNumber = 1
    private var holdsVersion: (identity: AppendOnlyLog.FileIdentity, size: Int)?

    /// A subscriber the newsletter may be sent to now.
    public struct Recipient: Sendable, Equatable {
        public var id: String
        public var address: String
        public var name: String?
        public var unsubscribeToken: String
    }

    /// A subscriber who must get the confirmation e-mail, and nothing else.
    public struct PendingConfirmation: Sendable, Equatable {
        public var id: String
        public var address: String
        public var name: String?
        public var confirmationToken: String
        public var unsubscribeToken: String
        public var subscribedAt: Date
    }

    public init(workspace: Workspace) {
        ledger = ConsentLedger(workspace: workspace, clock: SystemClock())
    }

    /// Also throws `ConsentUncertainty` when the ledger lost lines (missing while
    /// delivery records or its seal say it held subscribers, or shorter than
    /// sealed), or when a set-aside line that names nobody awaits a decision.
    public mutating func refresh() throws {
        try refreshHolds()
        guard let now = try ledger.log.identityAndSize() else {
            try ledger.checkIntegrity(size: nil)
            state = ConsentState()
            (identity, offset, nextLineNumber) = (nil, 0, 1)
            return
        }
        if now.identity != identity || now.size < offset {
            try reloadWhole()
        } else if now.size > offset {
            try readAppended()
        }
    }

    /// One `lstat` when the holds did not change.
    private mutating func refreshHolds() throws {
        let log = AppendOnlyLog(path: ledger.holdsPath)
        let now = try log.identityAndSize()
        if now?.identity != holdsVersion?.identity || now?.size != holdsVersion?.size {
            holds = try ledger.holds()
            holdsVersion = now
        }
        if let hold = holds.blockingEveryone { throw ConsentUncertainty.undecidedLine(hold: hold.id, line: hold.line) }
    }

    private mutating func reloadWhole() throws {
        let reading = try ledger.withLock {
            (try ledger.read(), try ledger.log.identityAndSize())
        }
        if let damage = reading.0.damage { throw damage }
        state = reading.0.state
        identity = reading.1?.identity
        offset = reading.1?.size ?? 0
        nextLineNumber = (reading.0.entries.last?.number ?? 0) + 1
    }

    private mutating func readAppended() throws {
        let contents = try ledger.log.read(from: offset, firstLineNumber: nextLineNumber)
        // Replaced between the lstat and the open: start again from scratch.
        guard contents.identity == identity else { return try reloadWhole() }
        // Decoded first, applied only when every line is good: on damage the state stays as it was.
        let (entries, damaged) = ConsentLedger.decode(contents.lines)
        if !damaged.isEmpty { throw ConsentLedgerDamage(lines: damaged) }
        for entry in entries { state.apply(entry.event) }
        offset = contents.consumedOffset
        nextLineNumber += contents.lines.count
    }

    /// True when the subscriber has consent for this list right now and is not held.
    public func isActive(subscriberID: String, list: String) -> Bool {
        guard let subscriber = state.subscribers[subscriberID] else { return false }
        return subscriber.list == list && subscriber.isActive && !isHeld(subscriberID)
    }

    /// True when a set-aside line may have been this subscriber's withdrawal and nobody decided yet.
    public func isHeld(_ subscriberID: String) -> Bool {
        holds.holds(subscriber: subscriberID, address: state.subscribers[subscriberID]?.address)
    }

    /// Confirmed subscribers of the list, in the order they first subscribed.
    public func recipients(list: String) -> [Recipient] {
        state.all.compactMap { subscriber in
            guard subscriber.list == list, subscriber.isActive, !isHeld(subscriber.id), let address = subscriber.address,
                  let token = subscriber.unsubscribeToken else { return nil }
            return Recipient(id: subscriber.id, address: address, name: subscriber.name, unsubscribeToken: token)
        }
    }

    /// Pending subscribers of the list, waiting for their confirmation e-mail or click.
    public func pendingConfirmations(list: String) -> [PendingConfirmation] {
        state.all.compactMap { subscriber in
            guard subscriber.list == list, subscriber.state == .pending, !isHeld(subscriber.id), let address = subscriber.address,
                  let confirmation = subscriber.confirmationToken, let unsubscribe = subscriber.unsubscribeToken else { return nil }
            return PendingConfirmation(id: subscriber.id, address: address, name: subscriber.name,
                                       confirmationToken: confirmation, unsubscribeToken: unsubscribe,
                                       subscribedAt: subscriber.subscribedAt)
        }
    }
}
