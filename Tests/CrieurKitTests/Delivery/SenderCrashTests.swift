import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The real `crieur` executable killed with SIGKILL while it sends, then run
/// again; and the schedule's regular issue sent once by the worker.
@Suite(.serialized) struct SenderCrashTests {
    @Test func senderKilledSeveralTimesDeliversToEveryoneWithAtMostOneDuplicatePerKill() throws {
        let fixture = try SenderFixture()
        let addresses = (1...300).map { "abonne\($0)@exemple.be" }
        try fixture.subscribe(addresses)
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let arguments = ["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work", "--once"]
        let environment = ["CRIEUR_SMTP_URL": server.url]

        var kills = 0
        for threshold in [40, 110, 190] {
            let process = try CrieurBinary.start(arguments, environment: environment, discardOutput: true)
            while try process.isRunning && recordCount(fixture) < threshold { usleep(2_000) }
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
        }
        #expect(kills == 3, "the sender finished before it could be killed three times")
        let last = try CrieurBinary.run(arguments, environment: environment)
        #expect(last.status == 0, "\(last.stderr)")

        let counts = try deliveriesPerRecipient(server)
        #expect(Set(counts.keys) == Set(addresses), "every subscriber got the message")
        let duplicates = counts.values.reduce(0) { $0 + $1 - 1 }
        #expect(duplicates <= kills)
        let sent = try fixture.records().filter { $0.result == .sent }
        #expect(sent.count >= addresses.count)
        print("SIGKILL test: \(kills) kills, \(counts.values.reduce(0, +)) messages received for \(addresses.count) subscribers, \(duplicates) duplicates, \(sent.count) sent records")
    }

    @Test func senderWithFourConnectionsKilledSendsAtMostTwoDuplicatesPerConnectionAndKill() throws {
        let fixture = try SenderFixture(extraConfig: "smtp: { connections: 4 },")
        let addresses = (1...300).map { "abonne\($0)@exemple.be" }
        try fixture.subscribe(addresses)
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let arguments = ["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work", "--once"]
        let environment = ["CRIEUR_SMTP_URL": server.url]

        var kills = 0
        for threshold in [60, 150] {
            let process = try CrieurBinary.start(arguments, environment: environment, discardOutput: true)
            while try process.isRunning && recordCount(fixture) < threshold { usleep(2_000) }
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
        }
        #expect(kills == 2, "the sender finished before it could be killed twice")
        let last = try CrieurBinary.run(arguments, environment: environment)
        #expect(last.status == 0, "\(last.stderr)")

        let counts = try deliveriesPerRecipient(server)
        #expect(Set(counts.keys) == Set(addresses), "every subscriber got the message")
        let duplicates = counts.values.reduce(0) { $0 + $1 - 1 }
        #expect(duplicates <= 2 * 4 * kills)
        print("SIGKILL test, 4 connections: \(kills) kills, \(duplicates) duplicates for \(addresses.count) subscribers")
    }

    @Test func theWorkerSendsTheRegularIssueOnceAtItsSlot() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Le repair café revient", urgent: false)
        let root = fixture.test.root
        // The first Monday of December 2026 is the 7th; the default schedule says 9:00.
        let before = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T08:55:00", "newsletter"])
        #expect(before.stdout.contains("Prochain envoi : le lundi 7 décembre 2026 à 9 h (le premier lundi du mois à 9 h)."), "\(before.stdout)")
        #expect(before.stdout.contains("Abonnés qui le recevraient : 2."))
        #expect(try fixture.test.read("out/newsletter/apercu.html").contains("Le repair café revient"))

        let first = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T09:05:00", "work", "--once"])
        #expect(first.status == 0, "\(first.stderr)")
        let outbox = fixture.test.names(MailTransports.outboxFolder)
        #expect(outbox.count == 2)
        let parsed = try ParsedMail.parse(file: fixture.test.path("\(MailTransports.outboxFolder)/\(outbox[0])"))
        #expect(parsed.value("Subject") == "Les nouvelles du CPAS — lundi 7 décembre 2026")
        #expect(parsed.parts[0].text.contains("Le repair café revient"))
        #expect(try FileSystem.info(fixture.test.path("out/newsletter/archive/2026-12-07.html")) != nil)

        let again = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "work", "--once"])
        #expect(again.status == 0)
        #expect(fixture.test.names(MailTransports.outboxFolder).count == 2, "the slot is used once")
        let after = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "newsletter"])
        #expect(after.stdout.contains("Aucune annonce en attente"), "\(after.stdout)")
    }

    private func recordCount(_ fixture: SenderFixture) throws -> Int {
        try DeliveryLog(workspace: fixture.workspace).files().reduce(0) { count, file in
            count + (FileManager.default.contents(atPath: file) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
    }
}
