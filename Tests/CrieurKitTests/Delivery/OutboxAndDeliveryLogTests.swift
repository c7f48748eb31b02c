import Foundation
import Testing
@testable import CrieurKit

@Suite struct OutboxAndDeliveryLogTests {
    @Test func outboxWritesEachMessageAsAPrivateEmlFile() throws {
        let workspace = try TestWorkspace()
        let outbox = OutboxTransport(directory: workspace.path("out/newsletter/outbox"), clock: FixedClock(Date(timeIntervalSince1970: 1_772_438_400)))
        let data = Data("From: <a@exemple.be>\r\nSubject: x\r\n\r\ncorps\r\n".utf8)
        let reply = try outbox.send(OutgoingMail(sender: "a@exemple.be", recipient: "b@exemple.be", data: data, messageID: "1a.2b.crieur@exemple.be"))
        #expect(reply.outcome == .sent)
        #expect(workspace.names("out/newsletter/outbox") == ["20260302T080000Z-1a.2b.crieur_exemple.be.eml"])
        let path = workspace.path("out/newsletter/outbox/20260302T080000Z-1a.2b.crieur_exemple.be.eml")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func deliveryLogKeepsOneRecordPerAttemptInAPrivateFile() throws {
        let workspace = try TestWorkspace()
        let log = DeliveryLog(workspace: workspace.workspace)
        #expect(try log.records().isEmpty)
        let time = Date(timeIntervalSince1970: 1_772_438_400)
        let first = DeliveryRecord(issue: "2026-03", subscriber: "s-42", attempt: 1,
                                   reply: DeliveryReply(outcome: .temporaryFailure, code: 450, text: "4.2.0 boîte pleine"), time: time)
        let second = DeliveryRecord(issue: "2026-03", subscriber: "s-42", attempt: 2,
                                    reply: DeliveryReply(outcome: .sent, code: 250, text: "2.0.0 Ok"), time: time.addingTimeInterval(900))
        try log.record(first)
        try log.record(second)
        #expect(try log.records() == [first, second])
        let line = try workspace.read("data/deliveries/2026-03.jsonl").split(separator: "\n").first.map(String.init)
        #expect(line == #"{"attempt":1,"code":450,"issue":"2026-03","reply":"4.2.0 boîte pleine","result":"temporaryFailure","subscriber":"s-42","time":"2026-03-02T08:00:00Z"}"#)
        let mode = try FileManager.default.attributesOfItem(atPath: log.path(issue: "2026-03"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: log.folder)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func groupedRecordsAreInTheFileBeforeTheyAreSynced() throws {
        let workspace = try TestWorkspace()
        let log = DeliveryLog(workspace: workspace.workspace, syncEvery: 100)
        let reply = DeliveryReply(outcome: .sent, code: 250, text: "ok")
        for index in 0..<3 {
            try log.record(DeliveryRecord(issue: "i", subscriber: "s-\(index)", attempt: 1, reply: reply, time: Date(timeIntervalSince1970: 0)))
        }
        // Another reader (a sender restarted after a kill) already sees them.
        #expect(try DeliveryLog(workspace: workspace.workspace).records().map(\.subscriber) == ["s-0", "s-1", "s-2"])
        try log.sync()
        let mode = try FileManager.default.attributesOfItem(atPath: log.path(issue: "i"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func truncatedLastRecordIsSkippedButADamagedEarlierLineIsReported() throws {
        let workspace = try TestWorkspace()
        let log = DeliveryLog(workspace: workspace.workspace)
        try log.record(DeliveryRecord(issue: "i", subscriber: "s", attempt: 1, reply: DeliveryReply(outcome: .sent, code: 250, text: "ok"), time: Date(timeIntervalSince1970: 0)))
        let good = try workspace.read("data/deliveries/i.jsonl")
        try workspace.write(good + #"{"attempt":1,"co"#, to: "data/deliveries/i.jsonl")
        #expect(try log.records().count == 1)
        try workspace.write("pas du json\n" + good, to: "data/deliveries/i.jsonl")
        #expect(throws: DeliveryLogError.unreadableLine(file: "data/deliveries/i.jsonl", line: 1)) { try log.records() }
    }
}

@Suite struct MailTransportsTests {
    @Test func withoutARelayMessagesGoToTheOutbox() throws {
        let workspace = try TestWorkspace()
        let transport = try MailTransports.configured(settings: SMTPSettings(), environment: [:], workspace: workspace.workspace,
                                                      clock: FixedClock(Date(timeIntervalSince1970: 0)))
        #expect(transport.count == 1)
        #expect((transport.first as? OutboxTransport)?.directory == workspace.path("out/newsletter/outbox"))
    }

    @Test func aConfiguredOrOverriddenRelayGivesSMTP() throws {
        let workspace = try TestWorkspace()
        var settings = SMTPSettings()
        settings.url = "smtp://relais.exemple.be:587"
        let configured = try MailTransports.configured(settings: settings, environment: [:], workspace: workspace.workspace, clock: SystemClock())
        #expect(configured.count == 1)
        #expect((configured.first as? SMTPTransport)?.url == "smtp://relais.exemple.be:587")
        let overridden = try MailTransports.configured(settings: SMTPSettings(), environment: ["CRIEUR_SMTP_URL": "smtp://127.0.0.1:2525"],
                                                       workspace: workspace.workspace, clock: SystemClock())
        #expect((overridden.first as? SMTPTransport)?.url == "smtp://127.0.0.1:2525")
    }

    @Test func oneSMTPTransportPerConfiguredConnection() throws {
        let workspace = try TestWorkspace()
        var settings = SMTPSettings()
        settings.url = "smtp://relais.exemple.be:587"
        settings.connections = 4
        let transports = try MailTransports.configured(settings: settings, environment: [:], workspace: workspace.workspace, clock: SystemClock())
        #expect(transports.count == 4)
        #expect(Set(transports.map { ObjectIdentifier($0 as! SMTPTransport) }).count == 4, "each connection its own handle")
    }
}
