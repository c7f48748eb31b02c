import Foundation

extension ConsentLedger {
    /// What an erasure did. Paths are relative to the workspace.
    public struct ErasureReport: Sendable, Equatable {
        /// The subscriptions erased (every list the address was on).
        public var subscribers: [String]
        /// Files under `data/` other than the consent ledger where the person was
        /// found and replaced (delivery records keep SMTP replies, which often
        /// quote the address).
        public var scrubbedFiles: [String]
        /// Messages to the person deleted from `out/newsletter/outbox/`, and the
        /// public pages' requests holding the address (`web/drop/`, `web/rejected/`).
        public var removedMessages: [String]
        /// Files under `data/` or in the outbox that still hold the address
        /// afterwards; empty when the erasure is complete.
        public var remainingFiles: [String]
    }

    /// What replaces an erased address or name inside other records.
    static let erasedMarker = "[effacé]"

    /// Right to erasure: removes the person from every file Crieur writes
    /// personal data to — every file under `data/`, at any depth, and the
    /// messages of the outbox — and puts a salted fingerprint of the address on
    /// the suppression list so that a later import does not bring them back.
    ///
    /// Order, so that an interrupted erasure is safe and finished by running it
    /// again: 1. the suppression entry (from then on the address cannot be added
    /// back); 2. the consent ledger rewritten (temporary file, fsync, rename) with
    /// the person's events reduced to id, list, kind and time, plus an `erased`
    /// event — the quarterly counts stay right; 3. every other file under `data/`
    /// rewritten the same way where it mentions the person (`PersonalDataScrubber`:
    /// the address anywhere, the name only in lines about them); 4. their
    /// messages deleted from the outbox, and the public pages' requests that hold
    /// the address (waiting in `web/drop/` or set aside in `web/rejected/`). Finally the files are searched again
    /// and any still holding the address is reported.
    ///
    /// A message being written at this very moment by a sender is deleted by
    /// that sender once it records the delivery (`NewsletterSender`): the record
    /// takes the same lock, after which the sender sees the erasure.
    public func erase(address: EmailAddress) throws -> ErasureReport {
        try withLock {
            let reading = try read()
            if let damage = reading.damage { throw damage }
            let held = reading.state.subscribers(address: address)
            let scrubber = PersonalDataScrubber(address: address, names: Array(Set(held.compactMap(\.name))),
                                                subscriberIDs: held.map(\.id), marker: ConsentLedger.erasedMarker)
            try suppression.add(address, time: clock.now())

            let ids = Set(held.map(\.id))
            let encoder = ConsentEvent.lineEncoder()
            var ledger = Data()
            for entry in reading.entries {
                ledger.append(ids.contains(entry.event.subscriber)
                    ? try AppendOnlyLog.encodeLine(entry.event.withoutPersonalData, encoder: encoder)
                    : entry.bytes)
                ledger.append(0x0A)
            }
            for subscriber in held where subscriber.state != .erased {
                let event = ConsentEvent(kind: .erased, subscriber: subscriber.id, list: subscriber.list, time: clock.now())
                ledger.append(try AppendOnlyLog.encodeLine(event, encoder: encoder))
                ledger.append(0x0A)
            }
            // Someone else's proof text may quote the address too.
            ledger = scrubber.scrub(ledger) ?? ledger
            if try !held.isEmpty || FileSystem.info(path) != nil {
                // The seal first: a reader between the two sees a ledger longer than sealed, which is fine.
                try writeSeal(size: ledger.count)
                try FileSystem.writeDurably(ledger, to: path, mode: 0o600)
            }

            var scrubbed: [String] = []
            for name in try otherDataFiles() {
                let file = "\(workspace.dataDirectory)/\(name)"
                guard case .contents(let data) = try FileSystem.read(file, maxBytes: Int.max),
                      let cleaned = scrubber.scrub(data) else { continue }
                try FileSystem.writeDurably(cleaned, to: file, mode: 0o600)
                scrubbed.append("data/\(name)")
            }
            var removed = try outbox.removeMessages(mentioning: address).map { "\(MailTransports.outboxFolder)/\($0)" }
            for request in try webRequests(mentioning: address) {
                try FileSystem.remove(workspace.path(request))
                removed.append(request)
            }
            return ErasureReport(subscribers: held.map(\.id), scrubbedFiles: scrubbed, removedMessages: removed,
                                 remainingFiles: try filesMentioning(address))
        }
    }

    /// The outbox of the default transport, where every message sent without
    /// an SMTP relay is kept whole.
    var outbox: OutboxTransport {
        OutboxTransport(directory: workspace.path(MailTransports.outboxFolder), clock: clock)
    }

    /// Regular files under `data/` (relative paths) other than the ledger, the
    /// suppression list and its salt, and the lock. Temporary files of an
    /// interrupted rewrite of the ledger are removed (copies of a ledger that was
    /// never put in place).
    private func otherDataFiles() throws -> [String] {
        let own: Set = [ConsentLedger.fileName, SuppressionList.fileName, SuppressionList.saltFileName, ConsentLedger.lockFileName]
        var result: [String] = []
        for name in try FileSystem.regularFiles(under: workspace.dataDirectory) {
            if name.hasPrefix(".\(ConsentLedger.fileName).") && name.hasSuffix(".tmp") {
                try FileSystem.remove("\(workspace.dataDirectory)/\(name)")
                continue
            }
            guard !own.contains(name) else { continue }
            result.append(name)
        }
        return result
    }

    /// Files under `data/` and in the outbox that hold the address (any case),
    /// relative to the workspace.
    func filesMentioning(_ address: EmailAddress) throws -> [String] {
        let scrubber = PersonalDataScrubber(address: address, names: [], subscriberIDs: [])
        var found: [String] = []
        for name in try FileSystem.regularFiles(under: workspace.dataDirectory) {
            guard case .contents(let data) = try FileSystem.read("\(workspace.dataDirectory)/\(name)", maxBytes: Int.max),
                  scrubber.mentionsAddress(data) else { continue }
            found.append("data/\(name)")
        }
        return found + (try outbox.messages(mentioning: address)).map { "\(MailTransports.outboxFolder)/\($0)" }
            + (try webRequests(mentioning: address))
    }

    /// Requests of the public pages, waiting in `web/drop/` or set aside in
    /// `web/rejected/`, that hold the address (relative to the workspace).
    private func webRequests(mentioning address: EmailAddress) throws -> [String] {
        let scrubber = PersonalDataScrubber(address: address, names: [], subscriberIDs: [])
        var found: [String] = []
        for relative in WebDropFolder.requestFolders {
            let folder = workspace.path(relative)
            guard try FileSystem.info(folder) != nil else { continue }
            for name in try FileSystem.regularFiles(under: folder) {
                guard case .contents(let data) = try FileSystem.read("\(folder)/\(name)", maxBytes: 1 << 20),
                      scrubber.mentionsAddress(data) else { continue }
                found.append("\(relative)/\(name)")
            }
        }
        return found
    }
}
