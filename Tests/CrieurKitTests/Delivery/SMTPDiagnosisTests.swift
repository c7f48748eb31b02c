import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// What the person who set up the relay reads when it does not work: a French
/// sentence naming the setting to fix, never libcurl's English, and the right
/// exit code (75: try again later; 78: fix the settings, never retried).
/// Against real peers: aiosmtpd refusing the login, a closed port, a name that
/// does not exist (`.invalid` never resolves, RFC 2606).
@Suite(.serialized) struct SMTPDiagnosisTests {
    func mail() throws -> OutgoingMail {
        OutgoingMail(sender: "info@cpas-exemple.be", recipient: "un@exemple.be",
                     data: Data("From: <info@cpas-exemple.be>\r\nTo: <un@exemple.be>\r\nSubject: essai\r\n\r\nBonjour\r\n".utf8),
                     messageID: "essai@cpas-exemple.be")
    }

    func expectFrench(_ text: String, naming setting: String) {
        #expect(text.contains(setting), "\(text)")
        #expect(!text.contains("libcurl"), "\(text)")
        #expect(!text.contains("Couldn't") && !text.contains("Could not") && !text.contains("denied"), "\(text)")
    }

    @Test func aHostNameThatDoesNotExistIsNamedWithItsSetting() throws {
        let reply = try SMTPTransport(url: "smtp://relais.invalid:587").send(try mail())
        #expect(reply.outcome == .temporaryFailure)
        #expect(!reply.settingsError, "a name may fail to resolve while the DNS is down: tried again later")
        #expect(reply.text.contains("« relais.invalid » est introuvable"), "\(reply.text)")
        expectFrench(reply.text, naming: "CRIEUR_SMTP_URL")
    }

    @Test func aClosedPortIsNamedWithItsSetting() throws {
        let port = try SMTPTestServer.freePort()
        let reply = try SMTPTransport(url: "smtp://127.0.0.1:\(port)").send(try mail())
        #expect(reply.outcome == .temporaryFailure)
        #expect(!reply.settingsError)
        #expect(reply.text.contains("ne répond pas sur le port \(port)"), "\(reply.text)")
        expectFrench(reply.text, naming: "CRIEUR_SMTP_URL")
    }

    @Test func anHTTPAddressIsASettingsErrorBeforeAnyConnection() {
        #expect {
            _ = try SMTPTransport(url: "http://relais:25")
        } throws: { error in
            guard case DeliveryError.settings(let sentence) = error else { return false }
            expectFrench(sentence, naming: "CRIEUR_SMTP_URL")
            return sentence.contains("« http:// »") && sentence.contains("smtps://")
        }
    }

    @Test func aMalformedAddressOrALoginWithoutPasswordIsASettingsError() {
        for (url, user, password, naming) in [("relais.commune.be:587", nil, nil, "CRIEUR_SMTP_URL"),
                                              ("smtp://:587", nil, nil, "CRIEUR_SMTP_URL"),
                                              ("smtp://127.0.0.1:2525", "cpas", nil, "CRIEUR_SMTP_PASSWORD"),
                                              ("smtp://127.0.0.1:2525", nil, "secret", "CRIEUR_SMTP_USER")] as [(String, String?, String?, String)] {
            #expect {
                _ = try SMTPTransport(url: url, username: user, password: password)
            } throws: { error in
                guard case DeliveryError.settings(let sentence) = error else { return false }
                expectFrench(sentence, naming: naming)
                return true
            }
        }
    }

    @Test func aRefusedPasswordIsASettingsErrorNamingTheLoginSettings() throws {
        let server = try StallingSMTPServer(script: "refusing_login_smtp.py", mode: "")
        let reply = try SMTPTransport(url: server.url, username: "cpas", password: "mauvais").send(try mail())
        #expect(reply.outcome == .temporaryFailure)
        #expect(reply.settingsError)
        #expect(reply.code == 535, "\(reply)")
        #expect(reply.text.contains("refuse l'identifiant ou le mot de passe"), "\(reply.text)")
        expectFrench(reply.text, naming: "CRIEUR_SMTP_PASSWORD")
    }

    // MARK: Through `crieur newsletter --send`

    func sendCommand(smtpURL: String, password: String? = nil) throws -> CrieurBinary.Result {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: false)
        return try send(fixture, smtpURL: smtpURL, password: password)
    }

    /// `crieur newsletter --send` at the fixture's sending time (after the item and the consents) or `now`.
    func send(_ fixture: SenderFixture, smtpURL: String, password: String? = nil, now: String = "2026-12-03T14:00:00") throws -> CrieurBinary.Result {
        var environment = ["CRIEUR_SMTP_URL": smtpURL]
        if let password { environment["CRIEUR_SMTP_USER"] = "cpas"; environment["CRIEUR_SMTP_PASSWORD"] = password }
        return try CrieurBinary.run(["--root", fixture.test.root, "--now", now, "newsletter", "--send"], environment: environment)
    }

    @Test func sendWithAWrongHostExits75NamingTheSetting() throws {
        let result = try sendCommand(smtpURL: "smtp://relais.invalid:587")
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("« relais.invalid » est introuvable"), "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_URL")
    }

    @Test func sendWithAWrongPortExits75NamingTheSetting() throws {
        let port = try SMTPTestServer.freePort()
        let result = try sendCommand(smtpURL: "smtp://127.0.0.1:\(port)")
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("ne répond pas sur le port \(port)"), "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_URL")
    }

    @Test func sendWithAnHTTPAddressExits78NamingTheSetting() throws {
        let result = try sendCommand(smtpURL: "http://relais:25")
        #expect(result.status == 78, "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_URL")
    }

    @Test func workOnceWithAnHTTPAddressExits78InsteadOfRetrying() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        let result = try CrieurBinary.run(["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work", "--once"],
                                          environment: ["CRIEUR_SMTP_URL": "http://relais:25"])
        #expect(result.status == 78, "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_URL")
    }

    @Test func workOnceWithARefusedPasswordExits78NamingTheSetting() throws {
        let server = try StallingSMTPServer(script: "refusing_login_smtp.py", mode: "")
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let result = try CrieurBinary.run(["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work", "--once"],
                                          environment: ["CRIEUR_SMTP_URL": server.url, "CRIEUR_SMTP_USER": "cpas", "CRIEUR_SMTP_PASSWORD": "mauvais"])
        #expect(result.status == 78, "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_PASSWORD")
        #expect(try fixture.records().map(\.result) == [.temporaryFailure], "the letter waits for its next try")
    }

    // MARK: The service keeps running

    /// `crieur work` as a service with the given relay settings: waits until the urgent item's
    /// first attempt is recorded, then stops it with SIGTERM; its log, its exit status and the records.
    func serviceRun(smtpURL: String, password: String? = nil) throws -> (log: String, status: Int32, records: [DeliveryRecord]) {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        var environment = ["CRIEUR_SMTP_URL": smtpURL]
        if let password { environment["CRIEUR_SMTP_USER"] = "cpas"; environment["CRIEUR_SMTP_PASSWORD"] = password }
        let service = try CrieurBinary.start(["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work"], environment: environment)
        let errors = LogCollectorPipe(service.standardError as! Pipe)
        // Driven by the record: the attempt is written before the service goes on to wait.
        let deadline = Date().addingTimeInterval(120)
        while (try? fixture.records())?.isEmpty ?? true, service.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let wasRunning = service.isRunning
        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
        let log = errors.finish()
        #expect(wasRunning, "the service stopped by itself: \(log)")
        return (log, service.terminationStatus, try fixture.records())
    }

    @Test func theServiceWithAnHTTPAddressKeepsRunningAndTheLetterWaits() throws {
        let run = try serviceRun(smtpURL: "http://relais:25")
        #expect(run.status == 0, "stopped by SIGTERM, not by the settings: \(run.log)")
        #expect(run.log.contains("un réglage d'envoi est à corriger"), "\(run.log)")
        #expect(run.log.contains("envoi de la lettre arrêté : L'adresse du serveur d'envoi « http://relais:25 » commence par « http:// »"), "\(run.log)")
        #expect(run.log.contains("service arrêté proprement"), "\(run.log)")
        expectFrench(run.log, naming: "CRIEUR_SMTP_URL")
        #expect(run.records.map(\.result) == [.temporaryFailure], "one attempt, kept for a later try: \(run.records)")
    }

    @Test func theServiceWithARefusedPasswordKeepsRunningAndTheLetterWaits() throws {
        let server = try StallingSMTPServer(script: "refusing_login_smtp.py", mode: "")
        let run = try serviceRun(smtpURL: server.url, password: "mauvais")
        #expect(run.status == 0, "stopped by SIGTERM, not by the refused login: \(run.log)")
        #expect(run.log.contains("envoi de la lettre arrêté : le serveur d'envoi 127.0.0.1 refuse l'identifiant ou le mot de passe"), "\(run.log)")
        #expect(run.log.contains("service arrêté proprement"), "\(run.log)")
        expectFrench(run.log, naming: "CRIEUR_SMTP_PASSWORD")
        #expect(run.records.map(\.result) == [.temporaryFailure] && run.records.first?.code == 535, "\(run.records)")
        #expect(!run.log.contains("exemple.be"), "logs name subscriber ids, not addresses")
    }

    @Test func sendWithARefusedPasswordExits78NamingTheSetting() throws {
        let server = try StallingSMTPServer(script: "refusing_login_smtp.py", mode: "")
        let result = try sendCommand(smtpURL: server.url, password: "mauvais")
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("un réglage est à corriger"), "\(result.stderr)")
        expectFrench(result.stderr, naming: "CRIEUR_SMTP_PASSWORD")
    }

    @Test func aSendWhereEverythingWaitsSaysUntilWhenAndExits75() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: false)
        let port = try SMTPTestServer.freePort()
        let url = "smtp://127.0.0.1:\(port)/crieur-test.example"
        #expect(try send(fixture, smtpURL: url).status == 75)

        // The relay is back, but the message waits for its next try: said, with when, and not a success.
        let server = try SMTPTestServer(.aiosmtpd, port: port)
        let waiting = try send(fixture, smtpURL: url)
        #expect(waiting.status == 75, "\(waiting.stdout)\(waiting.stderr)")
        #expect(waiting.stdout.contains("Messages envoyés maintenant : 0."), "\(waiting.stdout)")
        #expect(waiting.stdout.contains("En attente d'un nouvel essai après un échec passager : 1 message, à partir du jeudi 3 décembre 2026 à 14 h 05"),
                "\(waiting.stdout)")
        #expect(try server.received().isEmpty)

        let later = try send(fixture, smtpURL: url, now: "2026-12-03T14:10:00")
        #expect(later.status == 0, "\(later.stdout)\(later.stderr)")
        #expect(later.stdout.contains("Messages envoyés maintenant : 1."), "\(later.stdout)")
        #expect(!later.stdout.contains("En attente"), "\(later.stdout)")
        #expect(try server.received().map(\.recipients) == [["un@exemple.be"]])
    }

    // MARK: The question on a terminal

    /// `crieur newsletter --send` on a terminal (util-linux `script` gives it one), answering `answer`.
    func sendOnATerminal(_ fixture: SenderFixture, smtpURL: String, answer: String, flags: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "\(CrieurBinary.path) --root \(fixture.test.root) --now 2026-12-03T14:00:00 newsletter --send \(flags)"
        process.arguments = ["-qec", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CRIEUR_ROOT")
        environment["CRIEUR_SMTP_URL"] = smtpURL
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data((answer + "\n").utf8))
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return text
    }

    @Test func onATerminalTheSendShowsWhatGoesToHowManyAndAsksFirst() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: false)
        let server = try SMTPTestServer(.aiosmtpd)

        let refused = try sendOnATerminal(fixture, smtpURL: server.url, answer: "non")
        #expect(refused.contains("Numéro spécial de 1 annonce : « Distribution de colis »."), "\(refused)")
        #expect(refused.contains("Objet du message : « Distribution de colis : une nouvelle du CPAS de Exemple »."), "\(refused)")
        #expect(refused.contains("Destinataires : 2 abonnés"), "\(refused)")
        #expect(refused.contains("Envoi annulé : rien n'est parti."), "\(refused)")
        #expect(try server.received().isEmpty)

        let accepted = try sendOnATerminal(fixture, smtpURL: server.url, answer: "oui")
        #expect(accepted.contains("Messages envoyés maintenant : 2."), "\(accepted)")
        #expect(try server.received().count == 2)
    }

    @Test func withYesOrWithoutATerminalNothingIsAsked() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: false)
        let server = try SMTPTestServer(.aiosmtpd)
        let withYes = try sendOnATerminal(fixture, smtpURL: server.url, answer: "", flags: "--yes")
        #expect(!withYes.contains("Envoyer maintenant ?"), "\(withYes)")
        #expect(withYes.contains("Messages envoyés maintenant : 1."), "\(withYes)")

        try fixture.archiveItem("Permanence juridique", urgent: false)
        let piped = try send(fixture, smtpURL: server.url, now: "2026-12-03T15:00:00")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stdout.contains("Envoyer maintenant ?"))
        #expect(piped.stdout.contains("Messages envoyés maintenant : 1."), "\(piped.stdout)")
        #expect(try server.received().count == 2)
    }
}

/// Reads a pipe to its end on a thread of its own, so a long-running program never blocks on a full pipe.
final class LogCollectorPipe: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The whole output, once the program closed its end.
    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
