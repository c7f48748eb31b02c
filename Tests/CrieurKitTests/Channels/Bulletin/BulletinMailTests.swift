import Foundation
import Testing
@testable import CrieurKit

/// With `bulletin.editorAddress`, each new or changed draft goes to the
/// commune's editor by itself, through the newsletter's transport, once.
@Suite("Bulletin draft e-mailed to the commune", .serialized)
struct BulletinMailTests {
    typealias W = WorkerTestSupport
    static let config = """
        organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
        bulletin: { editorAddress: "bulletin@commune-exemple.be", maxCharactersPerArticle: 100 },
        """
    static let allowance = "Titre: Allocation de chauffage\nCanaux: bulletin\nPublication: 2026-10-01\nFin: 2027-03-31\n---\nLe CPAS peut payer une partie de votre facture de gaz ou d'électricité cet hiver : venez nous voir.\n"

    static func run(_ workspace: TestWorkspace, at moment: String, mailer: BulletinMailer) throws {
        let config = try workspace.config()
        let worker = Worker(
            workspace: workspace.workspace, config: config,
            publishers: Publishers.all(config, workspace: workspace.workspace).map {
                $0.channel == .bulletin ? BulletinPublisher(settings: config.bulletin, queue: workspace.workspace.queue, mailer: mailer) : $0
            },
            listings: Publishers.listings(config), clock: FixedClock(W.date(moment)), wallClock: SystemClock(),
            logger: LogCollector().logger(clock: FixedClock(W.date(moment))), sleep: { _ in })
        _ = try worker.runOnce()
    }

    static func outboxMailer(_ workspace: TestWorkspace, at moment: String) throws -> BulletinMailer {
        BulletinMailer.configured(workspace: workspace.workspace, smtp: try workspace.config().smtp, environment: [:],
                                  clock: FixedClock(W.date(moment)))
    }

    static func outbox(_ workspace: TestWorkspace) -> [String] {
        workspace.names(MailTransports.outboxFolder).filter { $0.hasSuffix(".eml") }.sorted()
    }

    @Test func theDraftGoesToTheEditorThroughARealSMTPServerWithTheODTAttachedAndTheLengthsInTheBody() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        try workspace.write(Self.allowance, to: "queue/incoming/chauffage.txt")
        let server = try SMTPTestServer(.aiosmtpd)
        let url = server.url
        try Self.run(workspace, at: "2026-11-16T09:00", mailer: BulletinMailer(workspace: workspace.workspace) { try SMTPTransport(url: url) })

        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].recipients == ["bulletin@commune-exemple.be"])
        let mail = try ParsedMail.parse(received[0].data)
        #expect(mail.defects.isEmpty)
        #expect(mail.contentType == "multipart/mixed")
        #expect(mail.value("Subject") == "Bulletin communal — 4e trimestre 2026 (octobre à décembre) : les articles du CPAS de Exemple")
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html", "application/vnd.oasis.opendocument.text"])
        let text = mail.parts[0].text
        #expect(text.contains("Voici les articles du CPAS de Exemple pour le bulletin communal"))
        #expect(text.contains("1 article,"))
        #expect(text.contains("à raccourcir de"), "the article is above the commune's limit of 100")
        #expect(text.contains("2026-T4.odt"))
        #expect(mail.parts[2].fileName == "2026-T4.odt")
        let odt = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/bulletin/2026-T4.odt")))
        #expect(mail.parts[2].bytes == odt)

        let records = try DeliveryLog(workspace: workspace.workspace).records()
        #expect(records.count == 1)
        #expect(records.first?.subscriber == BulletinMailer.recipientID)
        #expect(records.first?.result == .sent)
        #expect(records.first?.issue.hasPrefix("bulletin-2026-T4-") == true)
        let ledger = try String(contentsOfFile: workspace.path("data/deliveries/\(records[0].issue).jsonl"), encoding: .utf8)
        #expect(!ledger.contains("commune-exemple.be"), "the ledger names the recipient by id")
    }

    @Test func theOutboxGetsEachDraftOnceAndAgainWhenItChanges() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        try workspace.write(Self.allowance, to: "queue/incoming/chauffage.txt")
        try Self.run(workspace, at: "2026-11-16T09:00", mailer: try Self.outboxMailer(workspace, at: "2026-11-16T09:00"))
        #expect(Self.outbox(workspace).count == 1)
        let mail = try ParsedMail.parse(file: workspace.path("\(MailTransports.outboxFolder)/\(Self.outbox(workspace)[0])"))
        #expect(mail.value("To") == "bulletin@commune-exemple.be")
        #expect(mail.parts.last?.fileName == "2026-T4.odt")

        // Another day, same articles: nothing new to send. (The worker also reads
        // the consent ledger, which is empty: the draft's delivery record names no
        // subscriber, so it does not pass for a lost ledger.)
        try Self.run(workspace, at: "2026-11-17T09:00", mailer: try Self.outboxMailer(workspace, at: "2026-11-17T09:00"))
        #expect(Self.outbox(workspace).count == 1)

        // A new article changes the draft: the editor gets it again.
        try workspace.write(Self.allowance.replacingOccurrences(of: "Allocation", with: "Prime"), to: "queue/incoming/prime.txt")
        try Self.run(workspace, at: "2026-11-18T09:00", mailer: try Self.outboxMailer(workspace, at: "2026-11-18T09:00"))
        #expect(Self.outbox(workspace).count == 2)
        let records = try DeliveryLog(workspace: workspace.workspace).records()
        #expect(records.count == 2 && records.allSatisfy { $0.result == .sent })
        // They are not newsletter messages in the quarterly report.
        let report = try QuarterlyReportBuilder(period: ReportPeriod(Quarter(year: 2026, number: 4), calendar: W.brussels), calendar: W.brussels)
            .load(workspace.workspace, clock: FixedClock(W.date("2026-12-31T12:00")))
        #expect((report.newsletter?.messagesDelivered ?? 0) == 0)
    }

    @Test func withoutAnEditorAddressNothingIsSent() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.allowance, to: "queue/incoming/chauffage.txt")
        try Self.run(workspace, at: "2026-11-16T09:00", mailer: try Self.outboxMailer(workspace, at: "2026-11-16T09:00"))
        #expect(workspace.names("out/bulletin").contains("2026-T4.odt"))
        #expect(Self.outbox(workspace).isEmpty)
    }

    @Test func anEditorAddressThatIsNoAddressIsAFrenchConfigurationProblem() {
        let problems = configProblems("{ bulletin: { editorAddress: \"bulletin commune\" } }")
        #expect(problems.contains { $0.contains("« bulletin.editorAddress » vaut « bulletin commune », qui n'est pas une adresse e-mail") }, "\(problems)")
    }
}

@Test func anAttachedFileNameCannotAddAHeader() throws {
    var message = MailMessage(
        from: try MailAddress("info@cpas-exemple.be"), to: try MailAddress("bulletin@commune-exemple.be"), subject: "Essai",
        date: Date(timeIntervalSince1970: 1_800_000_000), timeZone: TimeZone(identifier: "Europe/Brussels")!,
        messageID: "abc.crieur@cpas-exemple.be", textBody: "Bonjour", htmlBody: "<p>Bonjour</p>")
    message.attachments = [MailMessage.Attachment(fileName: "été\r\nBcc: x@pirate.example.odt", contentType: "text/plain\r\nX: y",
                                                  data: Data("contenu".utf8))]
    let mail = try ParsedMail.parse(try message.encoded())
    #expect(mail.defects.isEmpty)
    #expect(mail.values("Bcc").isEmpty)
    #expect(mail.parts.last?.type == "application/octet-stream")
    #expect(mail.parts.last?.fileName == "été\r\nBcc: x@pirate.example.odt")
    #expect(mail.parts.last?.bytes == Data("contenu".utf8))
}
