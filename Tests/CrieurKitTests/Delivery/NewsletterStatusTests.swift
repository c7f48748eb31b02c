import Foundation
import Testing
@testable import CrieurKit

/// `crieur status` tells the staff when the next issue goes, what waits for a
/// new try and from when, and what was refused for good (real relays: smtp-sink).
@Suite(.serialized) struct NewsletterStatusTests {
    func status(_ fixture: SenderFixture, now: String) throws -> CrieurBinary.Result {
        try CrieurBinary.run(["--root", fixture.test.root, "--now", now, "status"])
    }

    @Test func statusShowsTheNextIssueAndNothingWaitingOnAFreshWorkspace() throws {
        let fixture = try SenderFixture()
        try fixture.archiveItem("Distribution de colis", urgent: false)
        let result = try status(fixture, now: "2026-12-03T14:00:00")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Lettre d'information : prochain numéro le "), "\(result.stdout)")
        #expect(result.stdout.contains("avec 1 annonce en attente."), "\(result.stdout)")
        #expect(!result.stdout.contains("En attente d'un nouvel essai"), "\(result.stdout)")
        #expect(!result.stdout.contains("Refusés pour de bon"), "\(result.stdout)")
    }

    @Test func statusShowsMessagesWaitingForANewTryAndFromWhen() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-r", "RCPT"]))
        #expect(try fixture.sender(try SMTPTransport(url: sink.url)).run().temporaryFailures == 2)
        let result = try status(fixture, now: "2026-12-03T14:01:00")
        #expect(result.stdout.contains("En attente d'un nouvel essai : 2 messages, à partir du jeudi 3 décembre 2026 à 14 h 05."),
                "\(result.stdout)")
        #expect(!result.stdout.contains("@exemple.be"), "ids, never addresses")
        let json = try CrieurBinary.run(["--root", fixture.test.root, "--now", "2026-12-03T14:01:00", "status", "--format", "json"])
        struct Status: Decodable { var newsletter: NewsletterStatus.Summary }
        let newsletter = try JSONDecoder().decode(Status.self, from: Data(json.stdout.utf8)).newsletter
        #expect(newsletter.messagesWaiting == 2 && newsletter.nextTry == "2026-12-03 14:05:00", "\(json.stdout)")
        #expect(!json.stdout.contains("@exemple.be"))
    }

    @Test func statusShowsMessagesRefusedForGood() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-f", "RCPT"]))
        #expect(try fixture.sender(try SMTPTransport(url: sink.url)).run().permanentFailures == 2)
        let result = try status(fixture, now: "2026-12-03T14:01:00")
        #expect(result.stdout.contains("Refusés pour de bon ou abandonnés : 2 messages"), "\(result.stdout)")
        #expect(!result.stdout.contains("En attente d'un nouvel essai"), "\(result.stdout)")
    }
}
