import Foundation
import Testing
@testable import CrieurKit

/// The retry schedule, and a sender that gives up after four days with a final record.
@Suite(.serialized) struct RetryPolicyTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func delaysGrowThenRepeatEveryEightHours() {
        let policy = RetryPolicy.standard
        var failedAt = start
        var waits: [TimeInterval] = []
        for attempt in 1...9 {
            let next = policy.nextAttempt(after: attempt, failedAt: failedAt, firstAttempt: start)!
            waits.append(next.timeIntervalSince(failedAt))
            failedAt = next
        }
        #expect(waits.map { $0 / 60 } == [5, 15, 30, 60, 120, 240, 480, 480, 480])
    }

    @Test func noAttemptIsPlannedPastFourDays() {
        let policy = RetryPolicy.standard
        let late = start.addingTimeInterval(4 * 86_400 - 3_600)
        #expect(policy.nextAttempt(after: 12, failedAt: late, firstAttempt: start) == nil)
        #expect(policy.nextAttempt(after: 12, failedAt: late.addingTimeInterval(-8 * 3_600), firstAttempt: start) != nil)
    }

    @Test func aMessageStillRefusedAfterFourDaysIsAbandonedWithAFinalRecord() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let transport = RefusingTransport()
        let sender = try fixture.sender(transport)
        for _ in 0..<200 {
            let report = try sender.run()
            if report.abandoned > 0 { break }
            guard let wake = report.nextWake else { break }
            fixture.clock.advance(max(1, wake.timeIntervalSince(fixture.clock.now())))
        }
        let records = try fixture.records().filter { $0.subscriber == ids[0] }
        #expect(records.last?.result == .permanentFailure)
        #expect(records.last?.reply == RetryPolicy.abandonReply)
        #expect(records.dropLast().allSatisfy { $0.result == .temporaryFailure })
        #expect(records.count - 1 == transport.attempts)
        // Every attempt within four days of the first one.
        let times = records.dropLast().compactMap { DeliveryHistory.date($0.time) }
        #expect(times.last!.timeIntervalSince(times.first!) <= 4 * 86_400)
        #expect(times.last!.timeIntervalSince(times.first!) > 3 * 86_400)
        fixture.clock.advance(30 * 86_400)
        _ = try sender.run()
        #expect(records.count - 1 == transport.attempts, "never tried again")
    }
}

/// Answers every message with a 451, counting the attempts.
final class RefusingTransport: MailTransport {
    private(set) var attempts = 0

    func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        attempts += 1
        return DeliveryReply(outcome: .temporaryFailure, code: 451, text: "4.3.0 Mailbox temporarily unavailable")
    }
}
