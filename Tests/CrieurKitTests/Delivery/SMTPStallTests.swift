import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// Relays that stop answering: silent after EHLO, or after the final dot.
/// The timeouts are short here (1 s) and the bounds on elapsed time generous:
/// what is checked is that the send ends on its own (a timeout, not a hang),
/// and that a stop request ends it at once.
@Suite(.serialized) struct SMTPStallTests {
    func mail() throws -> OutgoingMail {
        try SMTPTransportTests().mail(to: "un@exemple.be")
    }

    @Test func relaySilentAfterEHLOTimesOut() throws {
        let peer = try StallingSMTPServer(.afterEHLO)
        let transport = try SMTPTransport(url: peer.url, connectTimeout: 1, replyTimeout: 1)
        let start = ProcessInfo.processInfo.systemUptime
        let reply = try transport.send(try mail())
        let elapsed = ProcessInfo.processInfo.systemUptime - start
        #expect(reply.outcome == .temporaryFailure)
        #expect(reply.code == 0)
        #expect(reply.text.hasPrefix("le serveur n'a pas répondu à temps"), "\(reply)")
        #expect(!reply.acceptanceUnknown, "nothing of the message was sent")
        #expect(elapsed < 30, "a 1 s timeout, not libcurl's default minutes: \(elapsed) s")
        print("silent after EHLO: timed out after \(String(format: "%.2f", elapsed)) s (connectTimeout 1 s)")
    }

    @Test func relaySilentAfterTheFinalDotTimesOutWithAcceptanceUnknown() throws {
        let peer = try StallingSMTPServer(.afterFinalDot)
        let transport = try SMTPTransport(url: peer.url, connectTimeout: 5, replyTimeout: 1)
        let start = ProcessInfo.processInfo.systemUptime
        let reply = try transport.send(try mail())
        let elapsed = ProcessInfo.processInfo.systemUptime - start
        try peer.waitFor("stalled")
        #expect(reply.outcome == .temporaryFailure)
        #expect(reply.acceptanceUnknown, "the whole message went out: the relay may have taken it")
        #expect(reply.text.contains("peut-être accepté"), "\(reply)")
        #expect(elapsed < 30, "\(elapsed) s")
        print("silent after the final dot: timed out after \(String(format: "%.2f", elapsed)) s (replyTimeout 1 s)")
    }

    @Test func aStopRequestEndsASendBlockedOnASilentRelay() throws {
        let peer = try StallingSMTPServer(.afterFinalDot)
        let stop = TestFlag()
        // A minute of patience: only the stop request can end this send early.
        // Used by the sending thread only, while this one waits.
        nonisolated(unsafe) let transport = try SMTPTransport(url: peer.url, connectTimeout: 60, replyTimeout: 60, shouldAbort: { stop.isSet })
        let message = try mail()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var reply: DeliveryReply?
        let thread = Thread {
            reply = try? transport.send(message)
            done.signal()
        }
        thread.start()
        try peer.waitFor("stalled")
        let asked = ProcessInfo.processInfo.systemUptime
        stop.set()
        done.wait()
        let elapsed = ProcessInfo.processInfo.systemUptime - asked
        #expect(reply?.outcome == .temporaryFailure)
        #expect(reply?.text.hasPrefix("envoi interrompu par l'arrêt du service") == true, "\(String(describing: reply))")
        #expect(reply?.acceptanceUnknown == true)
        #expect(elapsed < 10, "the stop flag is asked at least once a second: \(elapsed) s")
        print("stop request during a stalled send: the send returned \(String(format: "%.2f", elapsed)) s later")
    }

    @Test func timeoutsComeFromTheSMTPSection() throws {
        let workspace = try TestWorkspace(extraConfig: "smtp: { connectTimeout: 12, replyTimeout: 90 },")
        let smtp = try workspace.config().smtp
        #expect(smtp.connectTimeout == 12 && smtp.replyTimeout == 90)
        #expect(SMTPSettings().connectTimeout == 30 && SMTPSettings().replyTimeout == 60)
    }
}
