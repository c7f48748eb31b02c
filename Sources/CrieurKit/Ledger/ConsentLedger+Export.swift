import Foundation

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
        let reading = try read()
        let held = reading.state.subscribers(address: address)
        let ids = Set(held.map(\.id))
        let dates = ISO8601DateFormatter()

        let subscriptions: [[String: Any]] = held.map { subscriber in
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
        let events = try reading.entries.filter { ids.contains($0.event.subscriber) }
            .map { try JSONSerialization.jsonObject(with: $0.bytes) }
        var deliveries: [Any] = []
        for file in try DeliveryLog(workspace: workspace).files() {
            for line in try AppendOnlyLog(path: file).read().lines {
                guard let record = try? JSONSerialization.jsonObject(with: line.bytes) as? [String: Any],
                      let id = record["subscriber"] as? String, ids.contains(id) else { continue }
                deliveries.append(record)
            }
        }
        // Bounces read from the mailbox about them, and whether the address is « en échec » now.
        let bounceRecords = try BounceLog(workspace: workspace).records()
        let bounces = try bounceRecords.filter { $0.kind == .bounce && !ids.isDisjoint(with: $0.subscribers) }
            .map { try JSONSerialization.jsonObject(with: AppendOnlyLog.encodeLine($0)) }
        var failingEntry: Any = false
        if let failing = AddressFailures(records: bounceRecords, state: reading.state).failing.first(where: { ids.contains($0.key) })?.value {
            failingEntry = ["since": dates.string(from: failing.time), "reason": failing.reason ?? ""] as [String: Any]
        }
        let holds = try self.holds().open.filter { hold in held.contains { hold.subscribers.contains($0.id) } || hold.addresses.contains(address.key) }
        let document: [String: Any] = [
            "address": address.value,
            "exportedAt": dates.string(from: clock.now()),
            "subscriptions": subscriptions,
            "events": events,
            "deliveries": deliveries,
            "outboxMessages": try outbox.messages(mentioning: address).map { "\(MailTransports.outboxFolder)/\($0)" },
            "heldAfterRepair": holds.map { ["hold": $0.id, "line": $0.line, "text": $0.text] as [String: Any] },
            "suppressed": try suppression.contains(address),
            "bounces": bounces,
            "failingAddress": failingEntry,
            "ledgerDamaged": reading.damage != nil,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
