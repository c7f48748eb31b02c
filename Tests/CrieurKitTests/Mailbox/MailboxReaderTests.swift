import Foundation
import Testing
@testable import CrieurKit

/// What the mailbox reader records for one message, through the real ledgers
/// (consent, deliveries, bounces) but without a server: the message's bytes go
/// straight to `handle`, as after a fetch. The IMAP side is in `MailboxEndToEndTests`.
@Suite struct MailboxReaderTests {
    static let address = "plein@example.be"

    /// A workspace with one subscriber and `issues` deliveries to them, a week apart, each with its Message-ID.
    private func fixture(issues: Int) throws -> (SenderFixture, id: String, messageIDs: [String]) {
        let fixture = try SenderFixture()
        let id = try fixture.subscribe([Self.address])[0]
        let log = DeliveryLog(workspace: fixture.workspace)
        var messageIDs: [String] = []
        for issue in 1...issues {
            let messageID = "000000000000000\(issue).0000000000000001.crieur@cpas-exemple.be"
            try log.record(DeliveryRecord(issue: "numero-\(issue)", subscriber: id, attempt: 1,
                                          reply: DeliveryReply(outcome: .sent, code: 250, text: "2.0.0 Ok"),
                                          time: SenderFixture.sendTime.addingTimeInterval(Double(issue) * 7 * 86_400), messageID: messageID))
            messageIDs.append(messageID)
        }
        return (fixture, id, messageIDs)
    }

    private func reader(_ fixture: SenderFixture, at day: Int) -> MailboxReader {
        let clock = FixedClock(SenderFixture.sendTime.addingTimeInterval(Double(day) * 86_400))
        return MailboxReader(workspace: fixture.workspace, settings: MailboxSettings(url: "imap://127.0.0.1"),
                             environment: [:], clock: clock, logger: fixture.logs.logger(clock: clock))
    }

    /// A Postfix delay notice about the message `messageID`.
    private func delay(_ messageID: String, report: String) -> [UInt8] {
        IncomingMailSamples.crlf("""
            From: MAILER-DAEMON@relais.exemple.be (Mail Delivery System)
            To: info@cpas-exemple.be
            Subject: Delayed Mail (still being retried)
            Message-ID: <\(report)@relais.exemple.be>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="delay"

            --delay
            Content-Type: text/plain; charset=us-ascii

            Your message could not be delivered for 4 hours.

            --delay
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relais.exemple.be

            Final-Recipient: rfc822; \(Self.address)
            Action: delayed
            Status: 4.2.2
            Diagnostic-Code: smtp; 452 4.2.2 <\(Self.address)>: Mailbox full

            --delay
            Content-Type: text/rfc822-headers

            Message-ID: <\(messageID)>
            To: <\(Self.address)>

            --delay--
            """)
    }

    private func handle(_ reader: MailboxReader, _ bytes: [UInt8]) throws -> MailboxReader.Summary {
        var summary = MailboxReader.Summary()
        _ = try reader.handle(bytes, uid: 1, summary: &summary)
        return summary
    }

    @Test func threeSoftBouncesFromThreeIssuesInARowPutTheAddressEnEchec() throws {
        let (fixture, id, messageIDs) = try fixture(issues: 3)
        #expect(try handle(reader(fixture, at: 8), delay(messageIDs[0], report: "r1")).newlyFailing == 0)
        #expect(try handle(reader(fixture, at: 15), delay(messageIDs[1], report: "r2")).newlyFailing == 0)
        #expect(try handle(reader(fixture, at: 22), delay(messageIDs[2], report: "r3")).newlyFailing == 1)
        let records = try BounceLog(workspace: fixture.workspace).records()
        #expect(records.map(\.kind) == [.bounce, .bounce, .bounce, .failing])
        #expect(records.last?.reason == "3 retours passagers de suite")
        #expect(records.allSatisfy { $0.subscribers == [id] })
        #expect(records.first?.diagnostic == "452 4.2.2 <[adresse]>: Mailbox full")
        let state = try ConsentLedger(workspace: fixture.workspace, clock: SystemClock()).read().state
        #expect(AddressFailures(records: records, state: state).isFailing(id))
        #expect(state.subscribers[id]?.state == .confirmed, "not a withdrawal")
    }

    @Test func aMessageThatArrivedBetweenTheBouncesKeepsTheAddressGoing() throws {
        let (fixture, _, messageIDs) = try fixture(issues: 4)
        for (index, day) in [(0, 8), (2, 22), (3, 29)] {
            #expect(try handle(reader(fixture, at: day), delay(messageIDs[index], report: "r\(index)")).newlyFailing == 0)
        }
        #expect(try BounceLog(workspace: fixture.workspace).records().allSatisfy { $0.kind == .bounce }, "issue 2 reached the person")
    }

    @Test func aReportReadTwiceIsRecordedOnce() throws {
        let (fixture, _, messageIDs) = try fixture(issues: 1)
        _ = try handle(reader(fixture, at: 8), delay(messageIDs[0], report: "r1"))
        _ = try handle(reader(fixture, at: 9), delay(messageIDs[0], report: "r1"))
        #expect(try BounceLog(workspace: fixture.workspace).records().count == 1)
    }

    @Test func aBounceOfAMessageCrieurDidNotSendIsLeftForAPerson() throws {
        let (fixture, _, _) = try fixture(issues: 1)
        var summary = MailboxReader.Summary()
        let outcome = try reader(fixture, at: 8).handle(IncomingMailSamples.gmailTextBounce, uid: 7, summary: &summary)
        guard case .leftForPerson = outcome else { Issue.record("handled: \(outcome)"); return }
        #expect(summary.leftForPerson == 1)
        #expect(try BounceLog(workspace: fixture.workspace).records().isEmpty)
    }

    @Test func anUnsubscribeRequestFromAnUnknownAddressIsLeftForAPerson() throws {
        let (fixture, _, _) = try fixture(issues: 1)
        var summary = MailboxReader.Summary()
        let outcome = try reader(fixture, at: 8).handle(IncomingMailSamples.replyUnsubscribe, uid: 3, summary: &summary)
        guard case .leftForPerson = outcome else { Issue.record("handled: \(outcome)"); return }
        #expect(try ConsentLedger(workspace: fixture.workspace, clock: SystemClock()).read().entries.allSatisfy { $0.event.kind == .subscribed })
    }
}
