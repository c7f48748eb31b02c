import Foundation

extension OutboxTransport {
    /// Names of the outbox messages that hold the address (the `To:` of every
    /// message sent to the person, and any other that quotes it), sorted.
    public func messages(mentioning address: EmailAddress) throws -> [String] {
        let scrubber = PersonalDataScrubber(address: address, names: [], subscriberIDs: [])
        var found: [String] = []
        for name in try FileSystem.regularFiles(under: directory) where name.hasSuffix(".eml") {
            guard case .contents(let data) = try FileSystem.read("\(directory)/\(name)", maxBytes: Int.max),
                  scrubber.mentionsAddress(data) else { continue }
            found.append(name)
        }
        return found
    }

    /// Right to erasure: deletes the person's messages from the outbox (they
    /// hold the address, the name in « Bonjour … » and the personal unsubscribe
    /// link, possibly encoded, so deleting is the only sure way). The delivery
    /// records, by subscriber id, still say that each message went. The folder
    /// is fsynced so the deletions survive a power cut.
    public func removeMessages(mentioning address: EmailAddress) throws -> [String] {
        let names = try messages(mentioning: address)
        for name in names { try FileSystem.remove("\(directory)/\(name)") }
        if !names.isEmpty { try FileSystem.syncDirectory(directory) }
        return names
    }

    /// Deletes the copy of `mail` that `send` wrote.
    func removeCopy(of mail: OutgoingMail) throws {
        let suffix = "-\(Self.safeName(mail.messageID)).eml"
        var removed = false
        for name in try FileSystem.names(in: directory) where name.hasSuffix(suffix) {
            try FileSystem.remove("\(directory)/\(name)")
            removed = true
        }
        if removed { try FileSystem.syncDirectory(directory) }
    }
}
