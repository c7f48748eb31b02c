import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The real `crieur` executable killed with SIGKILL while it sends, then run
/// again; and the schedule's regular issue sent once by the worker.
@Suite(.serialized) struct SenderCrashTests {
    /// Killed three times at named points (`PausePoint`): twice right after the
    /// relay accepted a message and before its record was written — the worst
    /// moment, which costs exactly one duplicate — and once right after a record.
    @Test func senderKilledSeveralTimesDeliversToEveryoneWithAtMostOneDuplicatePerKill() throws {
        let fixture = try SenderFixture()
        let addresses = (1...300).map { "abonne\($0)@exemple.be" }
        let ids = try fixture.subscribe(addresses)
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let run = CrashRun(fixture: fixture, server: server, addresses: Dictionary(uniqueKeysWithValues: zip(ids, addresses)))

        let kills = try ["sender.sent#40", "sender.recorded#70", "sender.sent#80"].map { try run.kill(at: $0) }
        for kill in kills {
            #expect(kill.inFlight == 0, "one connection: nothing else in flight (\(kill.line))")
            #expect(kill.unrecorded == (kill.point == "sender.sent" ? 1 : 0), "\(kill.line)")
        }
        let last = try CrieurBinary.run(run.arguments, environment: run.environment)
        #expect(last.status == 0, "\(last.stderr)")

        let duplicates = try run.expectEveryoneServedOnce(addresses)
        #expect(duplicates == kills.reduce(0) { $0 + $1.unrecorded }, "each message accepted but not recorded went out once more, and only those")
        #expect(duplicates <= kills.count)
        print("SIGKILL test: kills at \(kills.map(\.line)), \(duplicates) duplicates for \(addresses.count) subscribers")
    }

    /// Four connections, up to eight messages in flight: killed while the
    /// sender waits before recording a reply, once the lanes have sent every
    /// other message in flight (eight accepted, none recorded: the documented
    /// bound of two per connection), then right after a record.
    @Test func senderWithFourConnectionsKilledSendsAtMostTwoDuplicatesPerConnectionAndKill() throws {
        let fixture = try SenderFixture(extraConfig: "smtp: { connections: 4 },")
        let addresses = (1...300).map { "abonne\($0)@exemple.be" }
        let ids = try fixture.subscribe(addresses)
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let run = CrashRun(fixture: fixture, server: server, addresses: Dictionary(uniqueKeysWithValues: zip(ids, addresses)))

        let kills = try ["sender.sent#60", "sender.recorded#90"].map { try run.kill(at: $0) }
        for kill in kills {
            #expect(kill.inFlight == 2 * 4 - 1, "the lanes were full when the reply came back (\(kill.line))")
            #expect(kill.unrecorded == (kill.point == "sender.sent" ? 1 : 0) + kill.inFlight, "\(kill.line)")
            #expect(kill.unrecorded <= 2 * 4)
        }
        #expect(kills.first?.unrecorded == 2 * 4, "the worst moment was reached")
        let last = try CrieurBinary.run(run.arguments, environment: run.environment)
        #expect(last.status == 0, "\(last.stderr)")

        let duplicates = try run.expectEveryoneServedOnce(addresses)
        #expect(duplicates == kills.reduce(0) { $0 + $1.unrecorded })
        #expect(duplicates <= 2 * 4 * kills.count)
        print("SIGKILL test, 4 connections: kills at \(kills.map(\.line)), \(duplicates) duplicates for \(addresses.count) subscribers")
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
        #expect(before.stdout.contains("1 annonce en attente. Objet du message : « Le repair café revient : une nouvelle du CPAS de Exemple »."),
                "the preview says the subject it will go out under: \(before.stdout)")
        #expect(try fixture.test.read("out/newsletter/apercu.html").contains("Le repair café revient"))

        let first = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T09:05:00", "work", "--once"])
        #expect(first.status == 0, "\(first.stderr)")
        let outbox = fixture.test.names(MailTransports.outboxFolder)
        #expect(outbox.count == 2)
        let parsed = try ParsedMail.parse(file: fixture.test.path("\(MailTransports.outboxFolder)/\(outbox[0])"))
        #expect(parsed.value("Subject") == "Le repair café revient : une nouvelle du CPAS de Exemple")
        #expect(parsed.parts[0].text.contains("Le repair café revient"))
        #expect(try FileSystem.info(fixture.test.path("out/newsletter/archive/2026-12-07.html")) != nil)

        let again = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "work", "--once"])
        #expect(again.status == 0)
        #expect(fixture.test.names(MailTransports.outboxFolder).count == 2, "the slot is used once")
        let after = try CrieurBinary.run(["--root", root, "--now", "2026-12-07T10:00:00", "newsletter"])
        #expect(after.stdout.contains("Aucune annonce en attente"), "\(after.stdout)")
    }

}

/// `crieur work --once` on a sender fixture, killed at named points.
private struct CrashRun {
    let fixture: SenderFixture
    let server: SMTPTestServer
    /// Subscriber id to address.
    let addresses: [String: String]
    var arguments: [String] { ["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work", "--once"] }
    var environment: [String: String] { ["CRIEUR_SMTP_URL": server.url] }

    /// One kill, as the FIFO reported it.
    struct Kill {
        var line: String
        var point: String
        /// Replies submitted and not yet recorded besides this one, when it paused.
        var inFlight: Int
        /// Messages the relay accepted that have no record, once killed.
        var unrecorded: Int
    }

    /// Starts the sender, waits until it pauses at `spec` (`NAME#N`), checks
    /// that it stands exactly there, lets the other lanes send what they hold,
    /// then kills it.
    func kill(at spec: String) throws -> Kill {
        let point = String(spec.prefix { $0 != "#" })
        let occurrence = Int(spec.drop { $0 != "#" }.dropFirst())!
        let recordsBefore = try fixture.records().count
        let unrecordedBefore = try unrecorded()
        let fifo = try PauseFIFO(in: fixture.test.root, name: "pause-\(recordsBefore)")
        let process = try CrieurBinary.start(arguments, environment: environment.merging(fifo.environment(pausingAt: spec)) { $1 },
                                             discardOutput: true)
        defer {
            if process.isRunning {
                Glibc.kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        let line = fifo.waitUntilReached(process) ?? ""
        // NAME ISSUE SUBSCRIBER CODE IN-FLIGHT
        let parts = line.split(separator: " ").map(String.init)
        #expect(parts.count == 5 && parts[0] == point && parts[3] == "250", "paused at \(spec): \(line.isEmpty ? "not reached" : line)")
        guard parts.count == 5, let inFlight = Int(parts[4]) else { return Kill(line: line, point: point, inFlight: -1, unrecorded: -1) }
        let subscriber = parts[2]

        // Exactly there: the relay has this message; its record is written at
        // `sender.recorded` and not yet at `sender.sent`, after N - 1 others in this run.
        let records = try fixture.records()
        let recorded = records.contains { $0.issue == parts[1] && $0.subscriber == subscriber && $0.result == .sent }
        #expect(recorded == (point == "sender.recorded"), "\(line): record of \(subscriber)")
        #expect(records.count - recordsBefore == (point == "sender.recorded" ? occurrence : occurrence - 1), "\(line)")
        #expect(try server.received().contains { $0.recipients == [addresses[subscriber] ?? "?"] }, "\(line): the relay has the message")

        // The lanes do not need the paused thread: they send what they hold.
        let expected = unrecordedBefore + (point == "sender.sent" ? 1 : 0) + inFlight
        let deadline = Date().addingTimeInterval(60)
        while try unrecorded() < expected && Date() < deadline { usleep(5_000) }

        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        return Kill(line: line, point: point, inFlight: inFlight, unrecorded: try unrecorded() - unrecordedBefore)
    }

    /// Messages the relay accepted minus the records saying so.
    func unrecorded() throws -> Int {
        try server.received().count - fixture.records().filter { $0.result == .sent }.count
    }

    /// Everyone got the message and has one record of it; returns the duplicates.
    func expectEveryoneServedOnce(_ all: [String]) throws -> Int {
        let counts = try deliveriesPerRecipient(server)
        #expect(Set(counts.keys) == Set(all), "every subscriber got the message")
        let sent = try fixture.records().filter { $0.result == .sent }
        #expect(sent.count == all.count && Set(sent.map(\.subscriber)).count == all.count, "one record of each message that counts")
        return counts.values.reduce(0) { $0 + $1 - 1 }
    }
}
