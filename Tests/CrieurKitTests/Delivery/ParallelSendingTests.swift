import Foundation
import Testing
@testable import CrieurKit

/// `smtp.connections`: several connections at once into a real server, each
/// message still recorded once, the relay's limits shared by all connections.
@Suite(.serialized) struct ParallelSendingTests {
    @Test func fourConnectionsDeliverEachMessageOnceAndRecordEveryOne() throws {
        let fixture = try SenderFixture()
        let addresses = (1...40).map { "abonne\($0)@exemple.be" }
        let ids = try fixture.subscribe(addresses)
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let sender = try fixture.sender(transports: try (0..<4).map { _ in try SMTPTransport(url: server.url) })

        let report = try sender.run()
        #expect(report.sent == 40)
        #expect(try deliveriesPerRecipient(server) == Dictionary(uniqueKeysWithValues: addresses.map { ($0, 1) }))
        let records = try fixture.records()
        #expect(records.count == 40 && records.allSatisfy { $0.result == .sent })
        #expect(Set(records.map(\.subscriber)) == Set(ids))
        let connections = Set(try server.received().map(\.clientPort)).count
        #expect(connections > 1 && connections <= 4, "\(connections) connections")

        fixture.clock.advance(86_400)
        #expect(try sender.run().sent == 0, "nothing twice")
    }

    @Test func theRateLimitIsSharedByEveryConnection() throws {
        let fixture = try SenderFixture(extraConfig: "smtp: { perMinute: 10 },")
        try fixture.subscribe((1...25).map { "abonne\($0)@exemple.be" })
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let server = try SMTPTestServer(.aiosmtpd)
        let sender = try fixture.sender(transports: try (0..<4).map { _ in try SMTPTransport(url: server.url) })

        // The waits (under two minutes each) move the test's clock.
        #expect(try sender.run().sent == 25)
        let times = try fixture.records().compactMap { DeliveryHistory.date($0.time) }.sorted()
        #expect(times.count == 25)
        for index in 0..<(times.count - 10) {
            #expect(times[index + 10].timeIntervalSince(times[index]) >= 60, "11 messages within a minute at \(index)")
        }
    }

    @Test func aRelayFailureOnOneConnectionStopsTheRunAndRecordsWhatWasInFlight() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe((1...12).map { "abonne\($0)@exemple.be" })
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sink = try SMTPTestServer(.smtpSink(["-q", "DATA"]))
        let sender = try fixture.sender(transports: try (0..<3).map { _ in try SMTPTransport(url: sink.url) })

        let report = try sender.run()
        #expect(report.stoppedBy?.code == 0)
        let records = try fixture.records()
        #expect((1...6).contains(records.count), "at most two messages per connection were in flight: \(records.count)")
        #expect(records.allSatisfy { $0.result == .temporaryFailure })
        #expect(fixture.logs.lines.filter { $0.contains("envoi de la lettre arrêté") }.count == 1, "said once")
    }
}
