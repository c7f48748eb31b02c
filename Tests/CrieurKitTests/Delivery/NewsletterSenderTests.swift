import Foundation
import Testing
@testable import CrieurKit

/// The sender against real SMTP servers: aiosmtpd to read what arrived,
/// smtp-sink to inject faults. Serialized: each test owns its servers and ports.
@Suite(.serialized) struct NewsletterSenderTests {
    @Test func urgentItemReachesExactlyTheConfirmedSubscribers() throws {
        let fixture = try SenderFixture(extraConfig: "newsletter: { lists: { infos: { title: \"Les nouvelles du CPAS\", doubleOptIn: true } } }")
        let ids = try fixture.subscribe(["un@exemple.be", "parti@exemple.be", "attente@exemple.be", "deux@exemple.be"],
                                        pending: ["attente@exemple.be"])
        try fixture.confirm([ids[0], ids[1], ids[3]])
        _ = try ConsentLedger(workspace: fixture.workspace, clock: FixedClock(SenderFixture.consentTime))
            .withdraw(address: try EmailAddress(validating: "parti@exemple.be"), source: "téléphone")
        try fixture.archiveItem("Fête d'été à la maison de quartier", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let sender = try fixture.sender(try SMTPTransport(url: server.url))

        let report = try sender.run()
        #expect(report.sent == 3)
        let received = try server.received()
        #expect(received.map(\.recipients).sorted { $0[0] < $1[0] } == [["attente@exemple.be"], ["deux@exemple.be"], ["un@exemple.be"]])
        for message in received {
            let parsed = try ParsedMail.parse(message.data)
            #expect(parsed.defects.isEmpty)
            #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
            if message.recipients == ["attente@exemple.be"] {
                #expect(parsed.value("Subject") == "Confirmez votre inscription à la lettre d'information du CPAS de Exemple")
            } else {
                #expect(parsed.value("Subject") == "Urgent : Fête d'été à la maison de quartier")
                #expect(parsed.parts[0].text.contains("Venez avec votre carte."))
                #expect(parsed.value("List-Unsubscribe")?.hasPrefix("<mailto:") == true)
            }
        }
        let records = try fixture.records()
        #expect(records.map(\.result) == [.sent, .sent, .sent])
        #expect(records.map(\.issue).first == NewsletterSender.confirmationIssue)
        #expect(Set(records.map(\.subscriber)) == [ids[0], ids[2], ids[3]])
        for file in try DeliveryLog(workspace: fixture.workspace).files() {
            // The Message-IDs recorded are at the centre's domain (cpas-exemple.be); no subscriber's address is there.
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains("@exemple.be") == false, "records name ids, not addresses")
        }
        #expect(try FileSystem.info(fixture.test.path("out/newsletter/archive/\(records[1].issue).html")) != nil)

        // Once sent, never again: the pending subscriber's confirmation included.
        fixture.clock.advance(86_400)
        #expect(try sender.run().sent == 0)
        #expect(try server.received().count == 3)
    }

    @Test func whoSubscribesAgainAfterLeavingOrAfterTheirAddressFailedGetsANewConfirmationOnce() throws {
        let fixture = try SenderFixture(extraConfig: "newsletter: { lists: { infos: { title: \"Les nouvelles du CPAS\", doubleOptIn: true } } }")
        let ids = try fixture.subscribe(["revient@exemple.be", "echec@exemple.be"], pending: ["revient@exemple.be", "echec@exemple.be"])
        let server = try SMTPTestServer(.aiosmtpd)
        let sender = try fixture.sender(try SMTPTransport(url: server.url))
        #expect(try sender.run().sent == 2)
        try fixture.confirm(ids)
        // One leaves; the other's address bounces for good (« adresse en échec », consent untouched).
        fixture.clock.advance(86_400)
        let ledger = { ConsentLedger(workspace: fixture.workspace, clock: FixedClock(fixture.clock.now())) }
        _ = try ledger().withdraw(address: try EmailAddress(validating: "revient@exemple.be"), source: "lien de désinscription")
        try BounceLog(workspace: fixture.workspace).append([BounceRecord(kind: .failing, time: fixture.clock.now(), report: "r-1",
                                                                         subscribers: [ids[1]], reason: "un retour définitif (5.1.1)")])
        // A week later both fill in the web form again.
        fixture.clock.advance(7 * 86_400)
        let again = try ["revient@exemple.be", "echec@exemple.be"].map {
            SubscriptionRequest(address: try EmailAddress(validating: $0), source: "formulaire web", pending: true)
        }
        let outcomes = try ledger().subscribe(again, settings: try fixture.config().newsletter)
        let renewed = outcomes.compactMap { outcome -> Subscriber? in
            if case .renewed(let subscriber) = outcome { return subscriber }
            return nil
        }
        #expect(renewed.map(\.id) == ids, "\(outcomes)")

        fixture.clock.advance(60)
        #expect(try sender.run().sent == 2)
        let received = try server.received()
        #expect(received.count == 4)
        for (subscriber, message) in zip(renewed, received.suffix(2).sorted { $0.recipients[0] > $1.recipients[0] }) {
            let mail = try ParsedMail.parse(message.data)
            #expect(mail.value("Subject")?.hasPrefix("Confirmez votre inscription") == true)
            #expect(mail.parts[0].text.contains(subscriber.confirmationToken!), "the new request's link, not the old one")
        }
        // Once only, as any message.
        fixture.clock.advance(86_400)
        #expect(try sender.run().sent == 0)
        #expect(try server.received().count == 4)
    }

    @Test func withdrawalByAnotherProcessBetweenTwoMessagesIsHonoured() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be", "trois@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let transport = WithdrawingTransport(inner: try SMTPTransport(url: server.url), root: fixture.test.root, address: "deux@exemple.be")

        let report = try fixture.sender(transport).run()
        #expect(report.sent == 2)
        #expect(report.skipped == 1)
        #expect(try server.received().map(\.recipients) == [["un@exemple.be"], ["trois@exemple.be"]])
    }

    @Test func softRejectsAreRetriedLaterAndDeliveredOnceAfterRecovery() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be", "trois@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-r", "RCPT"]))
        let transport = try SMTPTransport(url: sink.url)
        let sender = try fixture.sender(transport)

        let first = try sender.run()
        #expect(first.temporaryFailures == 3, "a 4xx on one recipient does not stop the others")
        #expect(first.stoppedBy == nil)
        #expect(first.nextWake == SenderFixture.sendTime + 300)
        #expect(try fixture.records().allSatisfy { $0.result == .temporaryFailure && $0.code / 100 == 4 })

        sink.stop()
        let server = try SMTPTestServer(.aiosmtpd, port: sink.port)
        fixture.clock.advance(240)
        #expect(try sender.run().sent == 0, "not due before the first delay")
        fixture.clock.advance(61)
        #expect(try sender.run().sent == 3)
        fixture.clock.advance(86_400)
        #expect(try sender.run().sent == 0)
        #expect(try deliveriesPerRecipient(server) == ["un@exemple.be": 1, "deux@exemple.be": 1, "trois@exemple.be": 1])
        #expect(try fixture.records().suffix(3).map(\.attempt) == [2, 2, 2])
    }

    @Test func hardRejectsAreRecordedAndNeverRetried() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-f", "RCPT"]))
        let transport = try SMTPTransport(url: sink.url)
        let sender = try fixture.sender(transport)

        #expect(try sender.run().permanentFailures == 2)
        sink.stop()
        let server = try SMTPTestServer(.aiosmtpd, port: sink.port)
        for _ in 0..<5 {
            fixture.clock.advance(86_400)
            #expect(try sender.run().sent == 0)
        }
        #expect(try server.received().isEmpty)
        let records = try fixture.records()
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.result == .permanentFailure && $0.code / 100 == 5 })
    }

    @Test func droppedConnectionStopsTheRunAndIsDeliveredOnceAfterRecovery() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be", "trois@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-q", "DATA"]))
        let transport = try SMTPTransport(url: sink.url)
        let sender = try fixture.sender(transport)

        let first = try sender.run()
        #expect(first.stoppedBy?.code == 0, "the relay failed: the others keep their tries")
        #expect(try fixture.records().count == 1)
        #expect(fixture.logs.lines.contains { $0.contains("ERREUR envoi de la lettre arrêté") })

        sink.stop()
        let server = try SMTPTestServer(.aiosmtpd, port: sink.port)
        fixture.clock.advance(301)
        #expect(try sender.run().sent == 3)
        fixture.clock.advance(86_400)
        #expect(try sender.run().sent == 0)
        #expect(try deliveriesPerRecipient(server) == ["un@exemple.be": 1, "deux@exemple.be": 1, "trois@exemple.be": 1])
    }

    @Test func serverDownIsReportedAsATemporaryFailureOfTheRun() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let port = try SMTPTestServer.freePort()
        let result = try fixture.sender(try SMTPTransport(url: "smtp://127.0.0.1:\(port)")).runDue(stopRequested: { false })
        #expect(result.temporaryFailure?.contains("ne répond pas sur le port \(port)") == true, "\(result)")
        #expect(try fixture.records().count == 1)
    }
}

/// Passes messages on, and withdraws one subscriber through the real `crieur
/// consent withdraw` (another process) right after the first message.
final class WithdrawingTransport: MailTransport {
    let inner: any MailTransport
    let root: String
    let address: String
    private var sent = 0

    init(inner: any MailTransport, root: String, address: String) {
        self.inner = inner
        self.root = root
        self.address = address
    }

    func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        let reply = try inner.send(mail)
        sent += 1
        if sent == 1 {
            let result = try? CrieurBinary.run(["--root", root, "consent", "withdraw", address])
            precondition(result?.status == 0, "crieur consent withdraw failed: \(String(describing: result?.stderr))")
        }
        return reply
    }
}
