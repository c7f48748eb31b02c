import Foundation
import Testing
@testable import CrieurKit

/// Against real servers started here: aiosmtpd to read what arrived, Postfix's
/// smtp-sink to inject faults. Serialized: each test owns its servers and ports.
@Suite(.serialized) struct SMTPTransportTests {
    static let brussels = TimeZone(identifier: "Europe/Brussels")!

    func mail(to address: String, subject: String = "Lettre d'information du CPAS — été", text: String = "Bonjour,\n\nLe repair café revient.") throws -> OutgoingMail {
        let message = MailMessage(
            from: try MailAddress("info@cpas-exemple.be", name: "CPAS de Exemple"),
            to: try MailAddress(address, name: "Zoé Lefèvre"),
            subject: subject, date: Date(timeIntervalSince1970: 1_772_438_400), timeZone: Self.brussels,
            messageID: MailMessage.makeMessageID(domain: "cpas-exemple.be"),
            textBody: text, htmlBody: "<p>" + HTML.escape(text) + "</p>",
            unsubscribe: .init(mailto: "mailto:stop@cpas-exemple.be", https: "https://cpas-exemple.be/stop?jeton=abc"))
        return OutgoingMail(sender: "info@cpas-exemple.be", recipient: address, data: try message.encoded(), messageID: message.messageID)
    }

    @Test func messagesArriveIntactAndShareOneConnection() throws {
        let server = try SMTPTestServer(.aiosmtpd)
        let transport = try SMTPTransport(url: server.url)
        let addresses = ["un@exemple.be", "deux@exemple.be", "trois@exemple.be"]
        for (index, address) in addresses.enumerated() {
            let reply = try transport.send(try mail(to: address))
            #expect(reply == DeliveryReply(outcome: .sent, code: 250, text: "2.0.0 Saved as 0000\(index + 1)"))
        }
        let received = try server.received()
        #expect(received.map(\.recipients) == addresses.map { [$0] })
        #expect(Set(received.map(\.clientPort)).count == 1, "one connection for every message")
        for (message, address) in zip(received, addresses) {
            let parsed = try ParsedMail.parse(message.data)
            #expect(parsed.contentType == "multipart/alternative")
            #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
            #expect(parsed.value("Subject") == "Lettre d'information du CPAS — été")
            #expect(parsed.value("To") == "Zoé Lefèvre <\(address)>")
            #expect(parsed.value("List-Unsubscribe") == "<mailto:stop@cpas-exemple.be>, <https://cpas-exemple.be/stop?jeton=abc>")
            #expect(parsed.value("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            #expect(parsed.defects.isEmpty)
        }
    }

    @Test func hostileItemTextAddsNoHeaderAndNoRecipient() throws {
        let server = try SMTPTestServer(.aiosmtpd)
        let transport = try SMTPTransport(url: server.url)
        // An SMTP smuggling attempt and a header injection attempt, as an item body.
        let hostile = "Bonjour\r\n.\r\nMAIL FROM:<pirate@exemple.be>\r\nRCPT TO:<victime@exemple.be>\r\nDATA\r\nBcc: victime@exemple.be\r\n\r\n.\n..\nFin"
        #expect(try transport.send(try mail(to: "un@exemple.be", text: hostile)).outcome == .sent)
        let received = try server.received()
        #expect(received.count == 1)
        #expect(received.first?.recipients == ["un@exemple.be"])
        let parsed = try ParsedMail.parse(received[0].data)
        #expect(parsed.values("Bcc").isEmpty)
        #expect(parsed.values("To").count == 1)
        #expect(parsed.parts.first?.text == hostile.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func anEnvelopeAddressCannotCarrySMTPCommands() throws {
        let server = try SMTPTestServer(.aiosmtpd)
        let transport = try SMTPTransport(url: server.url)
        var hostile = try mail(to: "un@exemple.be")
        hostile.recipient = "un@exemple.be>\r\nRCPT TO:<victime@exemple.be"
        #expect(try transport.send(hostile).outcome == .permanentFailure)
        #expect(try transport.send(try mail(to: "deux@exemple.be")).outcome == .sent)
        #expect(try server.received().map(\.recipients) == [["deux@exemple.be"]])
    }

    @Test func linesThatStartWithADotAreDotStuffed() throws {
        let server = try SMTPTestServer(.aiosmtpd)
        let transport = try SMTPTransport(url: server.url)
        let raw = "From: <info@cpas-exemple.be>\r\nTo: <un@exemple.be>\r\nSubject: points\r\n\r\navant\r\n.\r\n..deux\r\n.x\r\naprès\r\n"
        let reply = try transport.send(OutgoingMail(sender: "info@cpas-exemple.be", recipient: "un@exemple.be", data: Data(raw.utf8), messageID: "x@exemple.be"))
        #expect(reply.outcome == .sent)
        #expect(try server.received().first.map { String(decoding: $0.data, as: UTF8.self) } == raw)
    }

    @Test func softRejectIsATemporaryFailureWithItsCode() throws {
        let server = try SMTPTestServer(.smtpSink(["-r", "RCPT"]))
        let reply = try SMTPTransport(url: server.url).send(try mail(to: "un@exemple.be"))
        #expect(reply.outcome == .temporaryFailure)
        #expect(reply.code / 100 == 4, "\(reply)")
        #expect(!reply.text.isEmpty)
    }

    @Test func hardRejectIsAPermanentFailureWithItsCode() throws {
        let server = try SMTPTestServer(.smtpSink(["-f", "RCPT"]))
        let reply = try SMTPTransport(url: server.url).send(try mail(to: "un@exemple.be"))
        #expect(reply.outcome == .permanentFailure)
        #expect(reply.code / 100 == 5, "\(reply)")
        #expect(!reply.text.isEmpty)
    }

    @Test func droppedConnectionIsTemporaryAndTheNextSendReconnects() throws {
        let server = try SMTPTestServer(.smtpSink(["-q", "DATA"]))
        let transport = try SMTPTransport(url: server.url)
        let dropped = try transport.send(try mail(to: "un@exemple.be"))
        #expect(dropped.outcome == .temporaryFailure)
        #expect(dropped.code == 0, "\(dropped)")
        // The same port, now a server that accepts: the same transport gets through.
        server.stop()
        try server.start(.smtpSink([]))
        let retried = try transport.send(try mail(to: "un@exemple.be"))
        #expect(retried.outcome == .sent, "\(retried)")
        #expect(retried.code == 250)
    }

    @Test func unreachableServerIsATemporaryFailure() throws {
        let port = try SMTPTestServer.freePort()
        let reply = try SMTPTransport(url: "smtp://127.0.0.1:\(port)").send(try mail(to: "un@exemple.be"))
        #expect(reply.outcome == .temporaryFailure)
        #expect(reply.code == 0)
        #expect(reply.text.hasPrefix("le serveur d'envoi 127.0.0.1 ne répond pas sur le port \(port)"), "\(reply.text)")
    }

    @Test func tlsIsRequiredExceptOnLoopback() {
        #expect(SMTPTransport.requiresTLS(url: "smtp://smtp.office365.com:587"))
        #expect(SMTPTransport.requiresTLS(url: "smtp://127.evil.example:25"))
        #expect(SMTPTransport.requiresTLS(url: "not a url"))
        #expect(!SMTPTransport.requiresTLS(url: "smtp://127.0.0.1:2525/cpas.example"))
        #expect(!SMTPTransport.requiresTLS(url: "smtp://localhost:25"))
        #expect(!SMTPTransport.requiresTLS(url: "smtp://[::1]:25"))
    }

    @Test func environmentOverridesTheConfiguredURL() throws {
        let server = try SMTPTestServer(.aiosmtpd)
        var settings = SMTPSettings()
        settings.url = "smtp://relais.invalid:25"
        let transport = try SMTPTransport(settings: settings, environment: ["CRIEUR_SMTP_URL": server.url])
        #expect(transport.url == server.url)
        #expect(try transport.send(try mail(to: "un@exemple.be")).outcome == .sent)
    }

    // MARK: Through STARTTLS (aiosmtpd requiring it, a certificate made here)

    /// A self-signed certificate for `relais.crieur-test.example`, made by openssl in a fresh folder.
    struct Certificate {
        static let host = "relais.crieur-test.example"
        let directory = NSTemporaryDirectory() + "crieur-tls-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        var certificate: String { directory + "/cert.pem" }
        var key: String { directory + "/key.pem" }

        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = try ExternalProgram.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                         "-keyout", key, "-out", certificate, "-subj", "/CN=\(Self.host)",
                                         "-addext", "subjectAltName=DNS:\(Self.host)"])
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// A transport to `host` (not loopback, so STARTTLS is required) that reaches the test server on 127.0.0.1.
    func tlsTransport(to server: SMTPTestServer, host: String = Certificate.host, trusting certificate: String?) throws -> SMTPTransport {
        try SMTPTransport(url: "smtp://\(host):\(server.port)/crieur-test.example", trustedCertificate: certificate,
                          connectTo: "\(host):\(server.port):127.0.0.1:\(server.port)")
    }

    @Test func throughStartTLSMessagesArriveIntactPipelinedOnOneConnection() throws {
        let tls = try Certificate()
        defer { tls.remove() }
        let server = try SMTPTestServer(.aiosmtpdStartTLS(certificate: tls.certificate, key: tls.key))
        let transport = try tlsTransport(to: server, trusting: tls.certificate)
        let mails = try ["un@exemple.be", "deux@exemple.be", "trois@exemple.be"].map { try mail(to: $0, text: "Bonjour,\n.\n..\nFin") }
        for mail in mails {
            // The server refuses MAIL FROM before STARTTLS (530): sent means the transaction went through TLS.
            let reply = try transport.send(mail)
            #expect(reply.outcome == .sent, "\(reply)")
        }
        #expect(transport.pipelining, "PIPELINING offered after STARTTLS, so used")
        let received = try server.received()
        #expect(received.map(\.recipients) == mails.map { [$0.recipient] })
        #expect(received.map(\.data) == mails.map(\.data), "the bytes sent, dots and all")
        #expect(Set(received.map(\.clientPort)).count == 1, "one connection for every message")
    }

    @Test func aRelayCertificateThatDoesNotVerifyIsRefusedAndNothingIsSent() throws {
        let tls = try Certificate()
        defer { tls.remove() }
        let server = try SMTPTestServer(.aiosmtpdStartTLS(certificate: tls.certificate, key: tls.key))
        // Self-signed, so not trusted by the system's authorities.
        let untrusted = try tlsTransport(to: server, trusting: nil).send(try mail(to: "un@exemple.be"))
        #expect(untrusted.outcome == .temporaryFailure, "\(untrusted)")
        #expect(untrusted.code == 0)
        #expect(NewsletterSender.isRelayFailure(untrusted), "the run stops: no other subscriber would get through either")
        #expect(untrusted.text.hasPrefix("certificat du serveur refusé : il ne prouve pas que le serveur est bien \(Certificate.host). Vérifiez que le nom dans CRIEUR_SMTP_URL"),
                "\(untrusted)")
        // Trusted, but made out to another name than the relay's.
        let otherName = try tlsTransport(to: server, host: "autre.crieur-test.example", trusting: tls.certificate).send(try mail(to: "un@exemple.be"))
        #expect(otherName.outcome == .temporaryFailure, "\(otherName)")
        #expect(otherName.text.hasPrefix("certificat du serveur refusé : il ne prouve pas que le serveur est bien autre.crieur-test.example"),
                "\(otherName)")
        #expect(try server.received().isEmpty)
    }

    // MARK: How the commands leave (pipelining_smtp.py tells how they arrived)

    @Test func envelopeAndDataLeaveInOneWriteWhenTheRelayOffersPipelining() throws {
        let peer = try StallingSMTPServer(script: "pipelining_smtp.py", mode: "pipelining")
        let transport = try SMTPTransport(url: peer.url)
        for address in ["un@exemple.be", "deux@exemple.be"] {
            let reply = try transport.send(try mail(to: address))
            #expect(reply == DeliveryReply(outcome: .sent, code: 250, text: "2.0.0 Ok: queued"), "\(reply)")
        }
        let lines = try peer.lines(until: "accepted 2")
        #expect(lines.filter { $0 == "commands MAIL RCPT DATA" }.count == 2, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("connection ") } == ["connection 1"], "one connection for both: \(lines)")
    }

    @Test func eachCommandWaitsForItsReplyWhenTheRelayDoesNotOfferPipelining() throws {
        let peer = try StallingSMTPServer(script: "pipelining_smtp.py", mode: "no-pipelining")
        let reply = try SMTPTransport(url: peer.url).send(try mail(to: "un@exemple.be"))
        #expect(reply.outcome == .sent, "\(reply)")
        let commands = try peer.lines(until: "accepted 1").filter { $0.hasPrefix("commands ") }
        #expect(commands == ["commands EHLO", "commands MAIL", "commands RCPT", "commands DATA"])
    }

    @Test func aRefusedRecipientIsResetSoTheNextMessageGoesOnTheSameConnection() throws {
        let peer = try StallingSMTPServer(script: "pipelining_smtp.py", mode: "pipelining")
        let transport = try SMTPTransport(url: peer.url)
        let refused = try transport.send(try mail(to: "refus@exemple.be"))
        #expect(refused == DeliveryReply(outcome: .permanentFailure, code: 550, text: "5.1.1 Recipient address rejected: unknown"))
        // The strict relay refuses a second MAIL FROM (503) unless the transaction was reset.
        let next = try transport.send(try mail(to: "un@exemple.be"))
        #expect(next.outcome == .sent, "\(next)")
        let lines = try peer.lines(until: "accepted 1")
        #expect(lines.contains("commands RSET"), "\(lines)")
        #expect(lines.filter { $0.hasPrefix("connection ") } == ["connection 1"], "\(lines)")
    }

    @Test func aConnectionTheRelayClosedIsOpenedAgainWithoutFailingTheMessage() throws {
        let peer = try StallingSMTPServer(script: "pipelining_smtp.py", mode: "close-after-message")
        let transport = try SMTPTransport(url: peer.url)
        for address in ["un@exemple.be", "deux@exemple.be", "trois@exemple.be"] {
            let reply = try transport.send(try mail(to: address))
            #expect(reply.outcome == .sent, "\(address): \(reply)")
        }
        let lines = try peer.lines(until: "accepted 3")
        #expect(lines.filter { $0.hasPrefix("connection ") } == ["connection 1", "connection 2", "connection 3"], "\(lines)")
    }

    @Test func aRelayLeavingWith421MidPipelineGivesItsReplyNotALostConnection() throws {
        let peer = try StallingSMTPServer(script: "pipelining_smtp.py", mode: "leaving")
        let reply = try SMTPTransport(url: peer.url).send(try mail(to: "un@exemple.be"))
        #expect(reply == DeliveryReply(outcome: .temporaryFailure, code: 421, text: "4.3.2 Service shutting down"))
        #expect(NewsletterSender.isRelayFailure(reply), "the run stops until the relay is back")
    }

    @Test func theDataSectionEndsWithTheFinalDotAndDoublesLeadingDots() {
        func section(_ text: String) -> String {
            String(decoding: SMTPTransport.dataSection(Data(text.utf8)), as: UTF8.self)
        }
        #expect(section("a\r\n.\r\n..b\r\nc.d\r\n") == "a\r\n..\r\n...b\r\nc.d\r\n.\r\n")
        #expect(section(".x") == "..x\r\n.\r\n", "a first line with a dot, and no line end at the end")
        #expect(section("") == "\r\n.\r\n")
    }
}
