import Foundation

/// Everything Crieur holds about one address (right of access), gathered once
/// for the two forms of `consent export`: JSON for machines, French text for
/// the person (`ConsentExportText`).
public struct AddressRecords: Sendable {
    public var address: EmailAddress
    public var exportedAt: Date
    /// The person's subscriptions as they stand, one per list.
    public var subscriptions: [Subscriber]
    /// Every consent event about them, in the ledger's order.
    public var events: [ConsentLedger.Entry]
    /// Their delivery records, as written (one JSON line each).
    public var deliveries: [Data]
    /// The messages to them kept in the outbox, workspace-relative.
    public var outboxMessages: [String]
    /// The set-aside ledger lines that hold them back from sending.
    public var holds: [ConsentHolds.Hold]
    public var suppressed: Bool
    /// The bounces read from the mailbox about them (`data/bounces.jsonl` lines, as written).
    public var bounces: [Data]
    /// Since when, and why, the address is « en échec »; nil when it is not.
    public var failing: Failure?
    public var ledgerDamaged: Bool

    public struct Failure: Sendable {
        public var since: Date
        public var reason: String?
    }
}

extension ConsentLedger {
    /// Right of access: everything Crieur holds about the address, as one JSON
    /// document — the person's subscriptions as they stand, every consent event
    /// about them, their delivery records (`data/deliveries.jsonl` and any file
    /// under `data/deliveries/`, by subscriber id), the messages to them kept in
    /// the outbox (`out/newsletter/outbox/`), the set-aside ledger lines that hold
    /// them back from sending, the bounces read from the mailbox (`data/bounces.jsonl`) and whether the
    /// address is « en échec » (`failingAddress`), and whether the address is on the suppression list. A damaged ledger is
    /// exported as far as it can be read, and says so (`ledgerDamaged`).
    public func export(address: EmailAddress, settings: NewsletterSettings) throws -> Data {
        let records = try records(of: address)
        let dates = ISO8601DateFormatter()

        let subscriptions: [[String: Any]] = records.subscriptions.map { subscriber in
            var fields: [String: Any] = [
                "subscriber": subscriber.id, "list": subscriber.list, "state": subscriber.state.rawValue,
                "subscribedAt": dates.string(from: subscriber.subscribedAt),
            ]
            fields["listTitle"] = settings.list(named: subscriber.list)?.title
            fields["name"] = subscriber.name
            fields["source"] = subscriber.source
            fields["wording"] = subscriber.wording
            fields["confirmedAt"] = subscriber.confirmedAt.map(dates.string(from:))
            fields["withdrawnAt"] = subscriber.withdrawnAt.map(dates.string(from:))
            fields["unsubscribeToken"] = subscriber.unsubscribeToken
            fields["confirmationToken"] = subscriber.confirmationToken
            return fields
        }
        let document: [String: Any] = [
            "address": address.value,
            "exportedAt": dates.string(from: records.exportedAt),
            "subscriptions": subscriptions,
            "events": try records.events.map { try JSONSerialization.jsonObject(with: $0.bytes) },
            "deliveries": records.deliveries.compactMap { try? JSONSerialization.jsonObject(with: $0) },
            "outboxMessages": records.outboxMessages,
            "heldAfterRepair": records.holds.map { ["hold": $0.id, "line": $0.line, "text": $0.text] as [String: Any] },
            "suppressed": records.suppressed,
            "bounces": try records.bounces.map { try JSONSerialization.jsonObject(with: $0) },
            "failingAddress": records.failing.map { ["since": dates.string(from: $0.since), "reason": $0.reason ?? ""] as [String: Any] } ?? false,
            "ledgerDamaged": records.ledgerDamaged,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// What the ledger, the delivery log, the outbox and the suppression list hold about the address.
    public func records(of address: EmailAddress) throws -> AddressRecords {
        let reading = try read()
        let held = reading.state.subscribers(address: address)
        let ids = Set(held.map(\.id))
        var deliveries: [Data] = []
        for file in try DeliveryLog(workspace: workspace).files() {
            for line in try AppendOnlyLog(path: file).read().lines {
                guard let record = try? JSONSerialization.jsonObject(with: line.bytes) as? [String: Any],
                      let id = record["subscriber"] as? String, ids.contains(id) else { continue }
                deliveries.append(line.bytes)
            }
        }
        // Bounces read from the mailbox about them, and whether the address is « en échec » now.
        let bounceRecords = try BounceLog(workspace: workspace).records()
        let bounces = try bounceRecords.filter { $0.kind == .bounce && !ids.isDisjoint(with: $0.subscribers) }
            .map { try AppendOnlyLog.encodeLine($0) }
        let failing = AddressFailures(records: bounceRecords, state: reading.state).failing.first(where: { ids.contains($0.key) })
            .map { AddressRecords.Failure(since: $0.value.time, reason: $0.value.reason) }
        let holds = try self.holds().open.filter { hold in held.contains { hold.subscribers.contains($0.id) } || hold.addresses.contains(address.key) }
        return AddressRecords(
            address: address, exportedAt: clock.now(), subscriptions: held,
            events: reading.entries.filter { ids.contains($0.event.subscriber) }, deliveries: deliveries,
            outboxMessages: try outbox.messages(mentioning: address).map { "\(MailTransports.outboxFolder)/\($0)" },
            holds: holds, suppressed: try suppression.contains(address), bounces: bounces, failing: failing,
            ledgerDamaged: reading.damage != nil)
    }
}
