import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The real `crieur work` service, sending to a relay that went silent after
/// the final dot, receives SIGTERM: it stops within seconds, not after the
/// relay's reply timeout (60 s by default), records the attempt, and says the
/// message may have been accepted.
@Suite(.serialized) struct SenderStopTests {
    @Test func serviceStopsPromptlyOnSIGTERMDuringAStalledSend() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let peer = try StallingSMTPServer(.afterFinalDot)
        let service = try CrieurBinary.start(["--root", fixture.test.root, "--now", "2026-12-03T14:00:00", "work"],
                                             environment: ["CRIEUR_SMTP_URL": peer.url])
        // Driven: the relay has the whole first message and has stopped answering.
        try peer.waitFor("stalled")
        let asked = ProcessInfo.processInfo.systemUptime
        kill(service.processIdentifier, SIGTERM)
        let errors = (service.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        service.waitUntilExit()
        let elapsed = ProcessInfo.processInfo.systemUptime - asked
        let log = String(decoding: errors, as: UTF8.self)

        #expect(service.terminationReason == .exit && service.terminationStatus == 0, "\(log)")
        #expect(elapsed < 10, "stopped \(elapsed) s after SIGTERM (the relay would have held it 60 s)")
        #expect(log.contains("service arrêté proprement"), "\(log)")
        #expect(log.contains("Il l'a peut-être accepté"), "\(log)")
        #expect(!log.contains("exemple.be"), "logs name subscriber ids, not addresses")
        let records = try fixture.records()
        #expect(records.count == 1, "the interrupted attempt is recorded, nothing else was tried")
        #expect(records.first?.result == .temporaryFailure)
        #expect(records.first?.reply.contains("peut-être accepté") == true, "\(records)")
        print("SIGTERM during a stalled send: crieur work exited \(String(format: "%.2f", elapsed)) s after the signal")
    }

    @Test func aStopDuringARateLimitWaitSendsNothingMore() throws {
        let fixture = try SenderFixture(extraConfig: "smtp: { perMinute: 1 },")
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let stop = TestFlag()
        let clock = fixture.clock
        // The service's wait returns early when SIGTERM arrives; here the stop comes during the wait.
        let sender = NewsletterSender(workspace: fixture.workspace, config: try fixture.config(),
                                      transport: OutboxTransport(directory: fixture.test.path("out/newsletter/outbox"), clock: clock),
                                      clock: clock, logger: fixture.logs.logger(clock: clock), sleep: { _ in stop.set() })
        let report = try sender.run(stopRequested: { stop.isSet })
        #expect(stop.isSet, "the second message waited for the rate limit")
        #expect(report.sent == 1)
        #expect(report.interrupted)
        #expect(fixture.test.names(MailTransports.outboxFolder).count == 1, "nothing sent before its slot")
    }
}
