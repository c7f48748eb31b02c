import Foundation
import Testing
@testable import CrieurKit

/// Corrections and withdrawals as subscribers receive them: the real worker
/// publishes item files dropped in `queue/incoming/` and runs the real sender,
/// whose outbox transport writes each message as an `.eml` file, read back here.
@Suite struct NewsletterLifecycleTests {
    struct Message {
        var subject: String
        var text: String
    }

    /// One pass of the worker and its newsletter sender at `now` (Brussels).
    private func work(_ fixture: SenderFixture, at now: String) throws {
        let clock = FixedClock(WorkerTestSupport.date(now))
        let config = try fixture.config()
        let transport = OutboxTransport(directory: fixture.test.path(MailTransports.outboxFolder), clock: clock)
        let worker = try WorkerFactory.make(
            WorkerEnvironment(workspace: fixture.workspace, config: config, clock: clock, logger: fixture.logs.logger(clock: clock),
                              mail: .init(transports: [transport], sleep: { _ in })),
            wallClock: SystemClock(), sleep: { _ in })
        _ = try worker.runOnce()
    }

    /// Messages in the outbox not seen before, for one subscriber (all get the same).
    private func newMessages(_ fixture: SenderFixture, seen: inout Set<String>) throws -> [Message] {
        var messages: [Message] = []
        for name in fixture.test.names(MailTransports.outboxFolder) where !seen.contains(name) {
            seen.insert(name)
            let parsed = try ParsedMail.parse(file: fixture.test.path("\(MailTransports.outboxFolder)/\(name)"))
            guard parsed.value("To")?.contains("un@exemple.be") == true else { continue }
            messages.append(Message(subject: parsed.value("Subject") ?? "", text: parsed.parts[0].text))
        }
        return messages
    }

    private func drop(_ fixture: SenderFixture, _ name: String, _ text: String) throws {
        try fixture.test.write(text, to: "queue/incoming/\(name)")
    }

    @Test func correctionAfterSendingComesAsRectificatifAndAWithdrawnItemNeverComesBack() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        var seen: Set<String> = []

        try drop(fixture, "colis.txt", "Titre: Distribution de colis\nCanaux: newsletter\n---\nLa distribution a lieu le jeudi à 10 h.\n")
        try work(fixture, at: "2026-12-02T10:00")
        let first = try newMessages(fixture, seen: &seen)
        #expect(first.map(\.subject) == ["Distribution de colis : une nouvelle du CPAS de Exemple"], "before the first issue ever, the last slot is due")
        #expect(first.first?.text.contains("La distribution a lieu le jeudi à 10 h.") == true)

        try drop(fixture, "colis.txt", "Titre: Distribution de colis\nCanaux: newsletter\n---\nLa distribution a lieu le vendredi à 14 h.\n")
        try drop(fixture, "jardin.txt", "Titre: Le jardin partagé\nCanaux: newsletter\n---\nVenez planter des légumes avec nous.\n")
        try drop(fixture, "atelier.txt", "Titre: Atelier cuisine\nCanaux: newsletter\n---\nVenez cuisiner avec nous le mardi.\n")
        try work(fixture, at: "2026-12-03T10:00")
        try drop(fixture, "jardin.txt", "Titre: Le jardin partagé\nCanaux: newsletter\nStatut: annulé\nRaison: travaux\n---\nVenez planter des légumes avec nous.\n")
        try work(fixture, at: "2026-12-04T10:00")
        #expect(try newMessages(fixture, seen: &seen).isEmpty, "a regular correction waits for the next issue")

        try work(fixture, at: "2026-12-07T09:05")
        let next = try newMessages(fixture, seen: &seen)
        #expect(next.map(\.subject) == ["Rectificatif : Distribution de colis et une autre nouvelle du CPAS de Exemple"])
        let text = try #require(next.first?.text)
        #expect(text.contains("Les nouvelles du CPAS — lundi 7 décembre 2026"), "the issue keeps its title inside")
        #expect(text.contains("Rectificatif : Distribution de colis"))
        #expect(text.contains("La distribution a lieu le vendredi à 14 h."))
        #expect(!text.contains("le jeudi à 10 h."))
        #expect(text.contains("Atelier cuisine"))
        #expect(!text.contains("jardin"), "a withdrawn item is in no later issue")

        try work(fixture, at: "2027-01-04T09:05")
        #expect(try newMessages(fixture, seen: &seen).isEmpty, "each version goes out once; nothing new in January")
    }

    @Test func urgentItemWithdrawnAfterItWentOutGetsACancellationMessage() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        var seen: Set<String> = []
        try work(fixture, at: "2026-12-02T10:00")
        _ = try newMessages(fixture, seen: &seen)

        let urgent = "Titre: Accueil de nuit ouvert\nCanaux: newsletter\nUrgent: oui\n"
        try drop(fixture, "froid.txt", urgent + "---\nLe centre vous accueille la nuit pendant le froid.\n")
        try work(fixture, at: "2026-12-08T10:00")
        #expect(try newMessages(fixture, seen: &seen).map(\.subject) == ["Urgent : Accueil de nuit ouvert"])

        try drop(fixture, "froid.txt", urgent + "Statut: annulé\nRaison: le froid est passé\n---\nLe centre vous accueille la nuit pendant le froid.\n")
        try work(fixture, at: "2026-12-08T16:00")
        let notice = try newMessages(fixture, seen: &seen)
        #expect(notice.map(\.subject) == ["Annulé : Accueil de nuit ouvert"])
        #expect(notice.first?.text.contains("Cette annonce est annulée.") == true)
        #expect(notice.first?.text.contains("Raison : le froid est passé") == true)

        try work(fixture, at: "2027-01-04T09:05")
        #expect(try newMessages(fixture, seen: &seen).isEmpty, "one notice, and the item is in no later issue")
    }
}
