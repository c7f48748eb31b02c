import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The mailbox as the worker reads it: a real Dovecot holds the answers to an
/// issue the real worker sent (outbox transport, `.eml` files read back): a
/// Postfix hard bounce and delay notice, a Microsoft 365 NDR, the
/// `List-Unsubscribe` mailto, a reply saying « désinscription » and a personal
/// reply. Each report quotes the Message-ID and header that delivery really had.
/// One worker pass later the bounces and withdrawals are recorded, the next
/// issue skips those addresses, the personal reply waits unread in INBOX and
/// the handled messages are in their folder.
@Suite(.serialized, .enabled(if: DovecotServer.expected)) struct MailboxEndToEndTests {
    static let handledFolder = "Traités par Crieur"
    static let addresses = [
        "parti@example.be", "plein@example.be", "ancien@commune.example.be", "marie.lambert@example.be",
        "paul.henrard@example.be", "jeanne.collard@example.be", "reste@example.be",
    ]

    /// One worker pass at `now` (Brussels), as `crieur work --once` assembles it.
    private func work(_ fixture: SenderFixture, at now: String) throws -> [WorkerEvent] {
        let clock = FixedClock(WorkerTestSupport.date(now))
        let transport = OutboxTransport(directory: fixture.test.path(MailTransports.outboxFolder), clock: clock)
        let worker = try WorkerFactory.make(
            WorkerEnvironment(workspace: fixture.workspace, config: try fixture.config(), clock: clock,
                              logger: fixture.logs.logger(clock: clock), mail: .init(transports: [transport], sleep: { _ in }),
                              processEnvironment: ["CRIEUR_IMAP_USER": DovecotServer.user, "CRIEUR_IMAP_PASSWORD": DovecotServer.password]),
            wallClock: SystemClock(), sleep: { _ in })
        return try worker.runOnce()
    }

    /// The messages of the outbox not seen before, by recipient: their header text and whole bytes.
    private func newMessages(_ fixture: SenderFixture, seen: inout Set<String>) throws -> [String: (header: String, bytes: [UInt8])] {
        var result: [String: (header: String, bytes: [UInt8])] = [:]
        for name in fixture.test.names(MailTransports.outboxFolder).sorted() where !seen.contains(name) {
            seen.insert(name)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture.test.path("\(MailTransports.outboxFolder)/\(name)"))))
            let text = String(decoding: bytes, as: UTF8.self)
            let header = String(text[..<text.range(of: "\r\n\r\n")!.lowerBound])
            let to = try #require(MIMEEntity.parse(bytes).field("To"))
            let address = try #require(Self.addresses.first { to.contains($0) }, "unexpected recipient \(to)")
            result[address] = (header, bytes)
        }
        return result
    }

    private static func messageID(_ header: String) throws -> String {
        let line = try #require(header.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") })
        return String(line.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" })
    }

    @Test func oneWorkerPassRecordsBouncesAndWithdrawalsAndTheNextIssueSkipsThem() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let fixture = try SenderFixture(extraConfig: """
            mailbox: { url: "imap://127.0.0.1:\(server.port)", handledFolder: "\(Self.handledFolder)", pollMinutes: 5 },
            """)
        let ids = Dictionary(uniqueKeysWithValues: zip(Self.addresses, try fixture.subscribe(Self.addresses)))
        var seen: Set<String> = []

        // The first issue, read by nobody's mailbox yet (it is empty).
        try fixture.test.write("Titre: Distribution de colis\nCanaux: newsletter\n---\nLa distribution a lieu le jeudi à 10 h.\n",
                               to: "queue/incoming/colis.txt")
        _ = try work(fixture, at: "2026-12-02T10:00")
        let first = try newMessages(fixture, seen: &seen)
        #expect(Set(first.keys) == Set(Self.addresses))

        // What came back, quoting what each delivery really carried.
        let hard = try #require(first["parti@example.be"]), soft = try #require(first["plein@example.be"])
        let microsoft = try #require(first["ancien@commune.example.be"]), marie = try #require(first["marie.lambert@example.be"])
        let token = try #require(IncomingMailClassifier.unsubscribeToken(inHeaderText: marie.header))
        try server.deliver(Self.postfixReport(recipient: "parti@example.be", action: "failed", status: "5.1.1",
                                              diagnostic: "550 5.1.1 <parti@example.be>: Recipient address rejected: User unknown",
                                              original: .headers(hard.header), id: "20261202100102.4F1A2"), name: "hard")
        try server.deliver(Self.postfixReport(recipient: "plein@example.be", action: "delayed", status: "4.2.2",
                                              diagnostic: "452 4.2.2 Mailbox full", original: .message(soft.bytes), id: "20261202140000.77AA1"),
                           name: "soft")
        try server.deliver(Self.microsoftReport(recipient: "ancien@commune.example.be", original: microsoft.bytes), name: "microsoft")
        try server.deliver(IncomingMailSamples.crlf("""
            From: Marie Lambert <marie.lambert@example.be>
            To: info@cpas-exemple.be
            Subject: desinscription \(token)
            Date: Thu, 3 Dec 2026 09:12:00 +0100
            Message-ID: <CAF=abc123@mail.example.be>
            Content-Type: text/plain; charset=utf-8

            """), name: "mailto")
        try server.deliver(IncomingMailSamples.crlf("""
            From: "Paul Henrard" <Paul.Henrard@example.be>
            To: info@cpas-exemple.be
            Subject: RE: Les nouvelles du CPAS
            Date: Thu, 3 Dec 2026 10:00:00 +0100
            Message-ID: <reply-42@example.be>
            In-Reply-To: <\(try Self.messageID(try #require(first["paul.henrard@example.be"]).header))>
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            D=C3=A9sinscription svp, merci.

            > La distribution a lieu le jeudi =C3=A0 10 h.
            """), name: "reply")
        try server.deliver(IncomingMailSamples.personalReply, name: "personal")
        let notMail = Array("Ceci n'est pas un e-mail : aucune ligne d'en-tête.\r\n".utf8)
        try server.deliver(notMail, name: "unreadable")

        // The next regular issue: the worker reads the mailbox first, then sends.
        try fixture.test.write("Titre: Atelier cuisine\nCanaux: newsletter\n---\nVenez cuisiner avec nous le mardi.\n",
                               to: "queue/incoming/atelier.txt")
        let events = try work(fixture, at: "2026-12-07T09:05")
        #expect(!events.contains { if case .periodicFailure = $0 { return true } else { return false } }, "\(events)")
        let next = try newMessages(fixture, seen: &seen)
        #expect(Set(next.keys) == ["plein@example.be", "jeanne.collard@example.be", "reste@example.be"],
                "hard bounces and withdrawals skipped; one soft bounce is not enough")

        // The bounces, matched to the deliveries by their Message-IDs; two addresses en échec.
        let records = try BounceLog(workspace: fixture.workspace).records()
        let bounces = records.filter { $0.kind == .bounce }
        #expect(bounces.count == 3)
        for (address, severity) in [("parti@example.be", "permanent"), ("plein@example.be", "temporary"), ("ancien@commune.example.be", "permanent")] {
            let bounce = try #require(bounces.first { $0.subscribers == [ids[address]!] }, "no bounce for \(address)")
            #expect(bounce.severity?.rawValue == severity)
            #expect(bounce.matchedBy == "message-id")
            #expect(bounce.messageID == (try Self.messageID(first[address]!.header)))
            let delivery = try #require(try fixture.records().first { $0.messageID == bounce.messageID })
            #expect(bounce.issue == delivery.issue)
            #expect(delivery.subscriber == ids[address])
        }
        #expect(Set(records.filter { $0.kind == .failing }.flatMap(\.subscribers)) == [ids["parti@example.be"]!, ids["ancien@commune.example.be"]!])
        let bounceFile = fixture.test.path("data/\(BounceLog.fileName)")
        #expect(try FileManager.default.attributesOfItem(atPath: bounceFile)[.posixPermissions] as? Int == 0o600)
        #expect(!(try String(contentsOfFile: bounceFile, encoding: .utf8)).contains("@example.be>:"), "no address in the servers' words")

        // The withdrawals, with the message as proof; consent of the bounced addresses untouched.
        let state = try ConsentLedger(workspace: fixture.workspace, clock: SystemClock()).read().state
        for address in ["marie.lambert@example.be", "paul.henrard@example.be"] {
            let subscriber = try #require(state.subscribers[ids[address]!])
            #expect(subscriber.state == .withdrawn)
        }
        let events2 = try ConsentLedger(workspace: fixture.workspace, clock: SystemClock()).read().entries.map(\.event).filter { $0.kind == .withdrawn }
        #expect(events2.count == 2)
        #expect(events2.contains { $0.source?.contains("Message-ID <CAF=abc123@mail.example.be>") == true && $0.source?.contains("lien mailto") == true })
        #expect(events2.contains { $0.source?.contains("Message-ID <reply-42@example.be>") == true && $0.source?.contains("sha256:") == true })
        for event in events2 {
            for address in Self.addresses { #expect(!(event.source ?? "").lowercased().contains(address), "the proof names no address") }
        }
        #expect(state.subscribers[ids["parti@example.be"]!]?.state == .confirmed, "a bounce is not a withdrawal")

        // The mailbox: the personal reply and the unreadable message in INBOX, still unread; the five others in the folder.
        let inbox = try IMAPMailbox(url: server.url, username: DovecotServer.user, password: DovecotServer.password)
        let left = try inbox.messageUIDs()
        #expect(left.count == 2)
        #expect(try inbox.seenUIDs().isEmpty, "the reply is still unread")
        #expect(Set(try left.map { try inbox.fetch(uid: $0) }) == [IncomingMailSamples.personalReply, notMail])
        #expect(fixture.logs.lines.contains { $0.contains("ne peut pas être lu (le message n’a pas d’en-tête) ; il reste dans le dossier pour une personne") },
                "\(fixture.logs.lines)")
        try left.forEach { try inbox.markUnread(uid: $0) }
        #expect(server.messages(inFolder: IMAPMailbox.encodedFolderName(Self.handledFolder)).count == 5)

        // The logs name subscriber ids, never an address.
        let logs = fixture.logs.lines.joined(separator: "\n")
        #expect(logs.contains(ids["parti@example.be"]!))
        for address in Self.addresses { #expect(!logs.lowercased().contains(address), "\(address) in the log") }

        // Status, subscriber listing and the right of access say « en échec ».
        let status = try NewsletterStatus.read(workspace: fixture.workspace, config: try fixture.config(), now: WorkerTestSupport.date("2026-12-07T10:00"))
        #expect(status.bounces == 2)
        #expect(status.text(calendar: SenderFixture.calendar).contains("Adresses en échec (retours de la boîte aux lettres), qui ne reçoivent plus la lettre : 2"))
        let export = try ConsentLedger(workspace: fixture.workspace, clock: SystemClock())
            .export(address: try EmailAddress(validating: "parti@example.be"), settings: try fixture.config().newsletter)
        let document = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        #expect((document["failingAddress"] as? [String: Any])?["reason"] as? String == "un retour définitif (5.1.1)")
        #expect((document["bounces"] as? [Any])?.count == 1)

        // The same through the command line the administrator uses.
        let root = fixture.test.root
        let listing = try CrieurBinary.run(["--root", root, "subscribers", "list"])
        let partiLine = try #require(listing.stdout.split(separator: "\n").first { $0.contains(ids["parti@example.be"]!) })
        #expect(partiLine.contains("inscrit, adresse en échec"), "\(listing.stdout)")
        #expect(listing.stdout.split(separator: "\n").first { $0.contains(ids["reste@example.be"]!) }?.contains("échec") == false)
        #expect(listing.stdout.contains("2 inscription(s) sur une adresse en échec"), "\(listing.stdout)")
        let statusOutput = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "status"])
        #expect(statusOutput.stdout.contains("Adresses en échec (retours de la boîte aux lettres), qui ne reçoivent plus la lettre : 2"),
                "\(statusOutput.stdout)")
        let newsletter = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "newsletter"])
        #expect(newsletter.stdout.contains("Abonnés qui le recevraient : 3."), "\(newsletter.stdout)")
        #expect(newsletter.stdout.contains("Adresses en échec (retours de la boîte aux lettres), qui ne la recevront pas : 2"),
                "\(newsletter.stdout)")

        // A later pass reads nothing again: the state file remembers the last message examined.
        _ = try work(fixture, at: "2026-12-07T09:20")
        #expect(try BounceLog(workspace: fixture.workspace).records().count == records.count)
        #expect(fixture.logs.lines.filter { $0.contains("boîte aux lettres lue") }.count == 1, "\(fixture.logs.lines)")
        #expect(try inbox.seenUIDs().isEmpty)
    }

    @Test func workOnceSaysARefusedMailboxLoginInFrenchAndStillSends() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let fixture = try SenderFixture(extraConfig: """
            mailbox: { url: "imap://127.0.0.1:\(server.port)" },
            """)
        try fixture.subscribe(["reste@example.be"])
        try fixture.test.write("Titre: Distribution de colis\nCanaux: newsletter\n---\nLa distribution a lieu le jeudi à 10 h.\n",
                               to: "queue/incoming/colis.txt")
        let result = try CrieurBinary.run(["--root", fixture.test.root, "--now", "2026-12-02T10:00:00", "work", "--once"],
                                          environment: ["CRIEUR_IMAP_USER": DovecotServer.user, "CRIEUR_IMAP_PASSWORD": "faux"])
        #expect(result.status == 78, "a settings error: a person must fix the login (\(result.stderr))")
        #expect(result.stderr.contains("boîte aux lettres non lue : Le serveur IMAP refuse l’identifiant ou le mot de passe : vérifiez "
            + "CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD. Nouvel essai dans 5 minutes."), "\(result.stderr)")
        #expect(fixture.test.names(MailTransports.outboxFolder).count == 1, "the newsletter still went out")

        // With the right login, the same command reads it (an empty inbox) and succeeds.
        let fixed = try CrieurBinary.run(["--root", fixture.test.root, "--now", "2026-12-02T10:10:00", "work", "--once"],
                                         environment: ["CRIEUR_IMAP_USER": DovecotServer.user, "CRIEUR_IMAP_PASSWORD": DovecotServer.password])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!fixed.stderr.contains("boîte aux lettres non lue"), "\(fixed.stderr)")
    }

    // MARK: Reports as the servers write them

    enum Original {
        /// `text/rfc822-headers`: the header only (Postfix's default).
        case headers(String)
        /// `message/rfc822`: the whole message.
        case message([UInt8])
    }

    /// A Postfix DSN (RFC 3464), as `bounce(8)` writes it.
    static func postfixReport(recipient: String, action: String, status: String, diagnostic: String, original: Original, id: String) -> [UInt8] {
        let returned: String
        switch original {
        case .headers(let header):
            returned = "Content-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n" + header + "\r\n"
        case .message(let bytes):
            returned = "Content-Description: Undelivered Message\r\nContent-Type: message/rfc822\r\n\r\n" + String(decoding: bytes, as: UTF8.self)
        }
        let subject = action == "failed" ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)"
        let boundary = "\(id.suffix(5)).1764666062/relais.exemple.be"
        return IncomingMailSamples.crlf("""
            Return-Path: <>
            From: MAILER-DAEMON@relais.exemple.be (Mail Delivery System)
            To: info@cpas-exemple.be
            Subject: \(subject)
            Message-ID: <\(id)@relais.exemple.be>
            Date: Wed,  2 Dec 2026 10:01:02 +0100 (CET)
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="\(boundary)"

            This is a MIME-encapsulated message.

            --\(boundary)
            Content-Description: Notification
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host relais.exemple.be.

            <\(recipient)>: host mx.example.be[192.0.2.10] said: \(diagnostic)

            --\(boundary)
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relais.exemple.be
            X-Postfix-Queue-ID: \(id.suffix(5))
            Arrival-Date: Wed,  2 Dec 2026 10:00:01 +0100 (CET)

            Final-Recipient: rfc822; \(recipient)
            Original-Recipient: rfc822;\(recipient)
            Action: \(action)
            Status: \(status)
            Remote-MTA: dns; mx.example.be
            Diagnostic-Code: smtp; \(diagnostic)

            --\(boundary)

            """).replacingLastBoundary(with: returned, boundary: boundary)
    }

    /// A Microsoft 365 non-delivery report: a French text and HTML, the report, the whole message returned.
    static func microsoftReport(recipient: String, original: [UInt8]) -> [UInt8] {
        let head = IncomingMailSamples.crlf("""
            From: Microsoft Outlook
            \t<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@commune.onmicrosoft.com>
            To: <info@cpas-exemple.be>
            Date: Wed, 2 Dec 2026 09:00:03 +0000
            Subject: =?iso-8859-1?Q?Non_remis=A0:_Les_nouvelles_du_CPAS?=
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10"
            Content-Language: fr-BE
            Message-ID: <5f2a7c44-0b5e-4b8a-9a3b-1f0b2c3d4e5f@AM0PR02MB1234.eurprd02.prod.outlook.com>
            X-MS-Exchange-Message-Is-Ndr:
            Auto-Submitted: auto-replied
            MIME-Version: 1.0

            --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
            Content-Type: multipart/alternative; differences=Content-Type;
            \tboundary="b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0"

            --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0
            Content-Type: text/plain; charset="iso-8859-1"
            Content-Transfer-Encoding: quoted-printable

            Votre message n'a pas pu =EAtre remis =E0 \(recipient) car l'ad=
            resse e-mail est introuvable.

            --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0
            Content-Type: text/html; charset="iso-8859-1"
            Content-Transfer-Encoding: quoted-printable

            <html><body><p>Votre message n'a pas pu =EAtre remis.</p></body></html>

            --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0--

            --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
            Content-Type: message/delivery-status

            Reporting-MTA: dns;AM0PR02MB1234.eurprd02.prod.outlook.com
            Received-From-MTA: dns;relais.exemple.be
            Arrival-Date: Wed, 2 Dec 2026 09:00:01 +0000

            Final-Recipient: rfc822;\(recipient)
            Action: failed
            Status: 5.1.10
            Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
             \(recipient) not found by SMTP address lookup
            X-Display-Name: \(recipient)

            --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
            Content-Type: message/rfc822


            """)
        return head + original + IncomingMailSamples.crlf("\n--0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10--\n")
    }
}

private extension Array where Element == UInt8 {
    /// The report with the returned part after its last boundary line, and the closing boundary.
    func replacingLastBoundary(with part: String, boundary: String) -> [UInt8] {
        self + Array(part.utf8) + Array("\r\n--\(boundary)--\r\n".utf8)
    }
}
