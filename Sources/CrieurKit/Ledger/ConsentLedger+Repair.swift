import Foundation

extension ConsentLedger {
    /// What `repair()` set aside, and who is held until a person decides.
    public struct RepairOutcome: Sendable {
        public var damage: ConsentLedgerDamage
        /// One per set-aside line that may have been a withdrawal.
        public var holds: [ConsentHolds.Hold]
    }

    /// How a person decided about a held line.
    public enum HoldDecision: Sendable {
        /// The line was not a withdrawal: the held subscribers get the newsletter again.
        case notAWithdrawal
        /// The line was a withdrawal: the held subscribers are withdrawn from their lists.
        case withdrawal
    }

    var holdsPath: String { "\(workspace.dataDirectory)/\(ConsentHolds.fileName)" }

    /// Sets the unreadable lines of a damaged ledger aside and puts the ledger
    /// back in service. The lines are appended, as found, to
    /// `data/consent.damaged`; then each line that may have been a withdrawal
    /// holds the subscribers it names (by id, or by address) out of every send
    /// (`data/consent.holds.jsonl`) — both durably, before anything else; then
    /// the ledger is rewritten with its readable lines only, byte for byte
    /// (seal, then temporary file, fsync, rename). Nil when the ledger was fine.
    /// Interrupted, it can be run again: at worst a line is set aside, and held, twice.
    public func repair() throws -> RepairOutcome? {
        try withLock {
            let reading = try read()
            guard let damage = reading.damage else { return nil }
            try AppendOnlyLog(path: "\(workspace.dataDirectory)/\(ConsentLedger.damagedFileName)")
                .append(lines: damage.lines.map(\.bytes))
            var holds: [ConsentHolds.Hold] = []
            for line in damage.lines {
                let clues = ConsentHolds.clues(in: line.bytes)
                guard clues.mayBeWithdrawal else { continue }
                var ids = clues.subscribers
                for key in clues.addresses {
                    for subscriber in reading.state.all where subscriber.address.map(EmailAddress.key(of:)) == key && !ids.contains(subscriber.id) {
                        ids.append(subscriber.id)
                    }
                }
                holds.append(ConsentHolds.Hold(id: "r-" + SecureRandom.hex(bytes: 4), line: line.number, subscribers: ids,
                                               addresses: clues.addresses, time: clock.now(),
                                               text: ConsentHolds.displayable(line.bytes)))
            }
            let encoder = ConsentEvent.lineEncoder()
            try AppendOnlyLog(path: holdsPath).append(lines: try holds.map {
                try AppendOnlyLog.encodeLine(ConsentHolds.Record(kind: .held, hold: $0.id, line: $0.line, subscribers: $0.subscribers,
                                                                 addresses: $0.addresses, time: $0.time, text: $0.text), encoder: encoder)
            })
            var ledger = Data()
            for entry in reading.entries {
                ledger.append(entry.bytes)
                ledger.append(0x0A)
            }
            try writeSeal(size: ledger.count)
            try FileSystem.writeDurably(ledger, to: path, mode: 0o600)
            return RepairOutcome(damage: damage, holds: holds)
        }
    }

    /// The holds as recorded now.
    public func holds() throws -> ConsentHolds {
        let contents = try AppendOnlyLog(path: holdsPath).read()
        let decoder = ConsentEvent.lineDecoder()
        var holds = ConsentHolds()
        for line in contents.lines where !line.bytes.isEmpty {
            guard let record = try? decoder.decode(ConsentHolds.Record.self, from: line.bytes) else {
                throw ConsentUncertainty.unreadableHolds(line: line.number)
            }
            holds.apply(record)
        }
        if contents.unterminatedTail != nil { throw ConsentUncertainty.unreadableHolds(line: contents.lines.count + 1) }
        return holds
    }

    /// Records a person's decision about a hold: withdraws the held subscribers
    /// when the line was a withdrawal, then releases the hold, under the lock.
    /// Returns the subscriptions withdrawn. An unknown or released hold is a
    /// `ConsentError.unknownHold`; a hold that names nobody cannot be a
    /// withdrawal (there is nobody to withdraw): `ConsentError.holdNamesNobody`.
    public func decide(hold id: String, _ decision: HoldDecision) throws -> [Subscriber] {
        try withLock {
            let reading = try read()
            if let damage = reading.damage { throw damage }
            guard let hold = try holds().open.first(where: { $0.id == id }) else { throw ConsentError.unknownHold(id) }
            var withdrawn: [Subscriber] = []
            let wording: String
            switch decision {
            case .notAWithdrawal:
                wording = "pas une désinscription"
            case .withdrawal:
                guard !hold.namesNobody else { throw ConsentError.holdNamesNobody(id) }
                wording = "désinscription refaite"
                var state = reading.state
                var events: [ConsentEvent] = []
                for subscriberID in hold.subscribers {
                    guard let subscriber = state.subscribers[subscriberID], subscriber.isActive || subscriber.state == .pending else { continue }
                    let event = ConsentEvent(kind: .withdrawn, subscriber: subscriber.id, list: subscriber.list, time: clock.now(),
                                             source: "décision après réparation du registre (ligne \(hold.line) mise de côté)")
                    state.apply(event)
                    events.append(event)
                    withdrawn.append(state.subscribers[subscriber.id]!)
                }
                let encoder = ConsentEvent.lineEncoder()
                try log.append(lines: try events.map { try AppendOnlyLog.encodeLine($0, encoder: encoder) })
                if !events.isEmpty { try writeSeal() }
            }
            try AppendOnlyLog(path: holdsPath).append(
                ConsentHolds.Record(kind: .released, hold: id, time: clock.now(), decision: wording))
            return withdrawn
        }
    }
}
