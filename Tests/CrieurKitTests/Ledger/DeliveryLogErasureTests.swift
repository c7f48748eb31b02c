import Foundation
import Testing
@testable import CrieurKit

/// An erasure rewrites `data/deliveries/ISSUE.jsonl` while a sender holds it open.
@Suite struct DeliveryLogErasureTests {
    @Test func aRecordWrittenAfterAnErasureIsKeptInTheRewrittenLog() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        let log = DeliveryLog(workspace: fixture.workspace)
        let time = SenderFixture.sendTime
        try log.record(DeliveryRecord(issue: "i", subscriber: ids[0], attempt: 1,
                                      reply: DeliveryReply(outcome: .permanentFailure, code: 550, text: "5.1.1 <un@exemple.be> inconnu"), time: time))
        let report = try ConsentLedger(workspace: fixture.workspace, clock: FixedClock(time)).erase(address: try EmailAddress(validating: "un@exemple.be"))
        #expect(report.scrubbedFiles == ["data/deliveries/i.jsonl"], "the erasure reached the issue's file and replaced the one the log holds open")
        #expect(report.remainingFiles.isEmpty)
        try log.record(DeliveryRecord(issue: "i", subscriber: ids[1], attempt: 1,
                                      reply: DeliveryReply(outcome: .sent, code: 250, text: "2.0.0 Ok"), time: time))
        let records = try fixture.records()
        #expect(records.map(\.subscriber) == ids)
        #expect(records[0].reply == "5.1.1 <[effacé]> inconnu")
    }
}
