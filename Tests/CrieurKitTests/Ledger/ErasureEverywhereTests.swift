import Foundation
import Testing
@testable import CrieurKit

/// Right to erasure beyond `data/`: the outbox's copies of the messages go
/// too, and a short name does not blank other people's text.
@Suite struct ErasureEverywhereTests {
    private static let erasedAddress = "li@example.be"

    /// Li (a two-letter name) and Marie are subscribed; an urgent item went out
    /// to both through the default outbox transport.
    private func sentToLiAndMarie() throws -> (fixture: SenderFixture, li: Subscriber, ledger: ConsentLedger) {
        let fixture = try SenderFixture()
        let ledger = ConsentLedger(workspace: fixture.workspace, clock: FixedClock(SenderFixture.consentTime))
        let outcomes = try ledger.subscribe([
            SubscriptionRequest(address: try EmailAddress(validating: "Li@Example.be"), name: "Li", source: "guichet, demandé par Li"),
            SubscriptionRequest(address: try EmailAddress(validating: "marie@example.be"), name: "Marie Lindt",
                                source: "formulaire de Lille, remis par li@example.be.fr"),
        ], settings: try fixture.config().newsletter)
        guard case .added(let li) = outcomes[0] else { throw Failure("Li not added: \(outcomes)") }
        try fixture.archiveItem("Colis", urgent: true)
        return (fixture, li, ledger)
    }

    private func outbox(_ fixture: SenderFixture) -> OutboxTransport {
        OutboxTransport(directory: fixture.workspace.path(MailTransports.outboxFolder), clock: fixture.clock)
    }

    /// Every regular file under the workspace, relative, whose bytes hold `needle` in any case.
    private func filesHolding(_ needle: String, in root: String) throws -> [String] {
        try FileSystem.regularFiles(under: root).filter { name in
            guard case .contents(let data)? = try? FileSystem.read("\(root)/\(name)", maxBytes: Int.max) else { return false }
            return String(decoding: data, as: UTF8.self).lowercased().contains(needle.lowercased())
        }
    }

    @Test func erasedAddressAppearsInNoFileOfTheWorkspaceOutboxIncluded() throws {
        let (fixture, li, ledger) = try sentToLiAndMarie()
        let report = try fixture.sender(outbox(fixture)).run()
        #expect(report.sent == 2)
        let root = fixture.test.root
        let before = try filesHolding(Self.erasedAddress + ">", in: root)
        #expect(before.contains { $0.hasPrefix(MailTransports.outboxFolder) }, "the outbox held Li's message: \(before)")

        let erasure = try ledger.erase(address: try EmailAddress(validating: "LI@example.BE"))

        #expect(erasure.subscribers == [li.id])
        #expect(erasure.removedMessages.count == 1)
        #expect(erasure.remainingFiles.isEmpty)
        // Walk the whole workspace: the address (as a whole address) and Li's personal link are nowhere.
        let everywhere = try FileSystem.regularFiles(under: root)
        #expect(everywhere.count > 10, "the walk saw the workspace")
        let scrubber = PersonalDataScrubber(address: try EmailAddress(validating: Self.erasedAddress), names: [], subscriberIDs: [])
        for name in everywhere {
            guard case .contents(let data) = try FileSystem.read("\(root)/\(name)", maxBytes: Int.max) else { continue }
            #expect(!scrubber.mentionsAddress(data), "\(name) still holds the address")
        }
        #expect(try filesHolding(li.unsubscribeToken!, in: root).isEmpty)
        // Marie's message and record stay.
        let remaining = try FileSystem.names(in: fixture.workspace.path(MailTransports.outboxFolder))
        #expect(remaining.count == 1)
        #expect(try fixture.test.read("\(MailTransports.outboxFolder)/\(remaining[0])").contains("marie@example.be"))
        #expect(try fixture.records().count == 2, "delivery records, by id, stay")
    }

    @Test func erasureRemovesThePublicPagesRequestsThatHoldTheAddressAndOnlyThose() throws {
        let (fixture, _, ledger) = try sentToLiAndMarie()
        let workspace = fixture.workspace
        for (folder, name, address) in [("web/rejected", "illisible.json", "LI@example.be"),
                                         ("web/drop", "en-attente.json", "li@example.be"),
                                         ("web/drop", "autre.json", "marie@example.be")] {
            try FileSystem.makeDirectory(workspace.path(folder))
            try FileSystem.writeDurably(Data("{\"address\":\"\(address)\"}".utf8), to: workspace.path("\(folder)/\(name)"))
        }

        let erasure = try ledger.erase(address: try EmailAddress(validating: Self.erasedAddress))

        #expect(Set(erasure.removedMessages) == ["web/rejected/illisible.json", "web/drop/en-attente.json"])
        #expect(try FileSystem.info(workspace.path("web/rejected/illisible.json")) == nil)
        #expect(try FileSystem.info(workspace.path("web/drop/autre.json")) != nil, "someone else's request stays")
        #expect(erasure.remainingFiles.isEmpty)
        #expect(try filesHolding(Self.erasedAddress, in: workspace.path("web")).isEmpty)
    }

    @Test func aShortNameIsErasedOnlyWhereItIsAboutThePerson() throws {
        let (fixture, li, ledger) = try sentToLiAndMarie()
        let journal = #"{"event":"published","item":"Li-et-Lille.txt","time":"2026-12-02T10:00:00Z"}"# + "\n"
        let derogations = #"{"item":"Li.txt","reason":"Texte de Li, validé à Lille"}"# + "\n"
        try fixture.test.write(journal, to: "data/journal.jsonl")
        try fixture.test.write(derogations, to: "data/derogations.jsonl")
        try fixture.test.write(#"{"subscriber":"\#(li.id)","reply":"550 LI <Li@example.be> inconnu, voir Lille"}"# + "\n",
                               to: "data/deliveries/2026-12.jsonl")

        _ = try ledger.erase(address: try EmailAddress(validating: Self.erasedAddress))

        #expect(try fixture.test.read("data/journal.jsonl") == journal)
        #expect(try fixture.test.read("data/derogations.jsonl") == derogations)
        // A file in a folder of data/ is reached; the name goes as a whole word in the line about Li.
        #expect(try fixture.test.read("data/deliveries/2026-12.jsonl").contains(#""reply":"550 [effacé] <[effacé]> inconnu, voir Lille""#))
        // Marie's proof quotes a longer address that merely contains Li's: untouched.
        let marie = try #require(try ledger.read().state.all.first { $0.address == "marie@example.be" })
        #expect(marie.source == "formulaire de Lille, remis par li@example.be.fr")
        #expect(marie.name == "Marie Lindt")
    }

    /// The erasure runs while the sender is between its last consent check and
    /// the outbox write (driven by the transport, not by timing): the sender
    /// deletes the copy once it has recorded the delivery.
    @Test func aMessageWrittenWhileTheErasureRanIsDeletedBySender() throws {
        let (fixture, _, ledger) = try sentToLiAndMarie()
        let transport = ErasingTransport(outbox: outbox(fixture)) { mail in
            guard mail.recipient.lowercased() == Self.erasedAddress else { return false }
            _ = try? ledger.erase(address: try! EmailAddress(validating: Self.erasedAddress))
            return true
        }
        let report = try fixture.sender(transport).run()

        #expect(transport.erasedBeforeWrite, "the erasure ran between the consent check and the write")
        #expect(report.sent == 2)
        #expect(try ledger.filesMentioning(try EmailAddress(validating: Self.erasedAddress)).isEmpty)
        #expect(fixture.logs.lines.contains { $0.contains("effacé pendant l'envoi") })
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The outbox, with a hook run before each write.
private final class ErasingTransport: MailTransport, @unchecked Sendable {
    let outbox: OutboxTransport
    let beforeWrite: (OutgoingMail) -> Bool
    private(set) var erasedBeforeWrite = false

    init(outbox: OutboxTransport, beforeWrite: @escaping (OutgoingMail) -> Bool) {
        self.outbox = outbox
        self.beforeWrite = beforeWrite
    }

    func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        if beforeWrite(mail) { erasedBeforeWrite = true }
        return try outbox.send(mail)
    }

    func discardCopy(of mail: OutgoingMail) throws(DeliveryError) {
        try outbox.discardCopy(of: mail)
    }

    var keepsCopies: Bool { true }
}

/// The reproducer of the issue, as the administrator runs it.
@Suite struct EraseCommandTests {
    @Test func eraseAfterAnOutboxSendLeavesTheAddressInNoFileOfTheWorkspace() throws {
        let workspace = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            \(LedgerFixture.config)
            """)
        func crieur(_ arguments: String...) throws -> CrieurBinary.Result {
            try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-03T14:00:00"] + arguments)
        }
        #expect(try crieur("subscribers", "add", "Li@example.be", "--source", "guichet", "--name", "Li").status == 0)
        #expect(try crieur("subscribers", "add", "marie@example.be", "--source", "guichet", "--name", "Marie").status == 0)
        try workspace.write("Titre: Des colis chaque jeudi\nCanaux: newsletter\nUrgent: oui\n---\nLe CPAS donne des colis chaque jeudi.\n",
                            to: "queue/incoming/colis.txt")
        let work = try crieur("work", "--once")
        #expect(work.status == 0, "\(work.stderr)")
        let outbox = workspace.path(MailTransports.outboxFolder)
        #expect(try FileSystem.regularFiles(under: outbox).count == 2, "both messages are in the outbox")

        let erase = try crieur("consent", "erase", "li@example.be")
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(erase.stdout.contains("1 message(s) envoyé(s) à cette adresse supprimé(s) de out/newsletter/outbox/"))

        let address = try EmailAddress(validating: "li@example.be")
        let scrubber = PersonalDataScrubber(address: address, names: [], subscriberIDs: [])
        let files = try FileSystem.regularFiles(under: workspace.root)
        for name in files {
            guard case .contents(let data) = try FileSystem.read(workspace.path(name), maxBytes: Int.max) else { continue }
            #expect(!scrubber.mentionsAddress(data), "\(name) still holds the address")
            #expect(!String(decoding: data, as: UTF8.self).contains("Bonjour Li"), "\(name) still greets Li")
        }
        #expect(try FileSystem.regularFiles(under: outbox).count == 1)
        let export = try crieur("consent", "export", "marie@example.be")
        #expect(export.stdout.contains("\"outboxMessages\" : [\n    \"out/newsletter/outbox/"), "\(export.stdout)")
    }
}
