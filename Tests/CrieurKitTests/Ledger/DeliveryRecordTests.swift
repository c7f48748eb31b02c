import Foundation
import Testing
@testable import CrieurKit

/// A line of `data/deliveries.jsonl`, written without `JSONEncoder`.
@Suite struct DeliveryRecordTests {
    @Test func theLineIsWhatJSONEncoderWritesAndReadsBack() throws {
        let replies = ["2.0.0 Ok: queued as 4F2A", "5.1.1 <un@exemple.be> : boîte « inconnue »\t\"/\\ \u{1}", ""]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (index, text) in replies.enumerated() {
            let record = DeliveryRecord(issue: "manuel-2026-12-07-090500", subscriber: "s-\(index)", attempt: 12 + index,
                                        reply: DeliveryReply(outcome: index == 0 ? .sent : .permanentFailure, code: index == 2 ? 0 : 550, text: text),
                                        time: Date(timeIntervalSince1970: 1_796_000_000),
                                        messageID: index == 1 ? nil : "0123456789abcdef.\(index)@cpas-exemple.be")
            #expect(record.jsonLine == Array(try encoder.encode(record)))
            #expect(try JSONDecoder().decode(DeliveryRecord.self, from: Data(record.jsonLine)) == record)
        }
    }
}
