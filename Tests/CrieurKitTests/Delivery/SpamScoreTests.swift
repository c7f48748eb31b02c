import Foundation
import Testing
@testable import CrieurKit

/// A regular issue, as the worker writes it (table of contents, subject
/// naming its items, both bodies, `List-Unsubscribe`), scores 0 points in
/// SpamAssassin's local rules (`spamassassin -L -t`: no network test, no
/// Bayes, no user configuration). Informational rules of 0.001 points or less
/// (no `Received` header, HTML present) round to 0.0 and are allowed; any
/// rule that costs points fails the test, which names it.
@Suite(.enabled(if: SpamAssassin.expected)) struct SpamScoreTests {

    static let items = [
        ("colis", "Titre: Colis de Noël\nCanaux: newsletter\n---\nLe CPAS donne un colis de Noël aux familles qui en ont besoin.\n\n"
            + "Venez le chercher le mardi 15 décembre, de 9 h à 12 h, à la salle du CPAS.\n"),
        ("juridique", "Titre: Permanence juridique\nCanaux: newsletter\nLieu: CPAS, rue de la Gare 12\n---\n"
            + "Une avocate répond à vos questions le jeudi matin.\n\nC'est gratuit. Prenez rendez-vous par téléphone.\n"),
        ("repair", "Titre: Repair café\nCanaux: newsletter\nLien: https://www.cpas-soumagne.be/repair\n---\n"
            + "Votre grille-pain ne marche plus ? Nos bénévoles vous aident à le réparer.\n"),
        ("cuisine", "Titre: Atelier cuisine\nCanaux: newsletter\n---\nCuisinez des plats simples et bon marché avec nous, le lundi après-midi.\n"),
        ("vestiaire", "Titre: Vestiaire solidaire\nCanaux: newsletter\n---\n"
            + "Des vêtements chauds pour l'hiver, pour toute la famille. Le vestiaire est ouvert le mercredi.\n"),
    ]

    @Test func aRegularIssueScoresZeroInSpamAssassinsLocalRules() throws {
        #expect(FileManager.default.isExecutableFile(atPath: SpamAssassin.binary), "SpamAssassin is missing: run scripts/setup --tests")
        let fixture = try SenderFixture(extraConfig: """
            smtp: { unsubscribeURL: "https://www.cpas-soumagne.be/lettre/desinscription" },
            """)
        try fixture.test.write(try fixture.test.read(CrieurConfig.relativePath)
            .replacingOccurrences(of: "name: \"CPAS de Exemple\"", with: "name: \"CPAS de Soumagne\""), to: CrieurConfig.relativePath)
        try fixture.subscribe(["zoe@exemple.be"])
        for (name, text) in Self.items { try fixture.test.write(text, to: "queue/incoming/\(name).txt") }
        let clock = FixedClock(WorkerTestSupport.date("2026-12-02T10:00"))
        let worker = try WorkerFactory.make(
            WorkerEnvironment(workspace: fixture.workspace, config: try fixture.config(), clock: clock, logger: fixture.logs.logger(clock: clock),
                              mail: .init(transports: [OutboxTransport(directory: fixture.test.path(MailTransports.outboxFolder), clock: clock)],
                                          sleep: { _ in })),
            wallClock: SystemClock(), sleep: { _ in })
        _ = try worker.runOnce()

        let names = fixture.test.names(MailTransports.outboxFolder)
        #expect(names.count == 1, "one regular issue for one subscriber: \(names)")
        let message = try Data(contentsOf: URL(fileURLWithPath: fixture.test.path("\(MailTransports.outboxFolder)/\(try #require(names.first))")))
        let parsed = try ParsedMail.parse(message)
        #expect(parsed.value("Subject") == "Atelier cuisine, colis de Noël et 3 autres nouvelles du CPAS de Soumagne")
        #expect(parsed.parts[1].text.contains("<nav class=\"sommaire\""), "the issue opens with its table of contents")

        let home = fixture.test.path("spamassassin")
        try FileSystem.makeDirectory(home)
        let report = String(decoding: try ExternalProgram.run(
            ["/usr/bin/env", "HOME=\(home)", SpamAssassin.binary, "-L", "-t", "-x", "--cf=use_bayes 0", "--cf=bayes_auto_learn 0"],
            input: message, seconds: 300), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let status = try #require(report.components(separatedBy: "\n").first { $0.hasPrefix("X-Spam-Status:") }, "\(report)")
        let score = try #require(status.split(separator: " ").first { $0.hasPrefix("score=") }.flatMap { Double($0.dropFirst(6)) }, "\(status)")
        let details = report.components(separatedBy: "Content analysis details:").last ?? report
        #expect(status.hasPrefix("X-Spam-Status: No, score="), "\(status)")
        #expect(abs(score) < 0.05, "score \(score):\n\(details)")
    }
}

/// Debian's `spamassassin` (scripts/setup --tests), run as a command: the daemon is not used.
enum SpamAssassin {
    static let binary = "/usr/bin/spamassassin"
    /// Without CI, a machine without SpamAssassin skips; on CI, the test runs and says what is missing.
    static let expected = FileManager.default.isExecutableFile(atPath: binary) || ProcessInfo.processInfo.environment["CI"] == "true"
}
