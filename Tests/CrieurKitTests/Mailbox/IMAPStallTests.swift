import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// An IMAP server that takes the connection and never says a word: the
/// reading waits for its greeting, and a stop request (SIGTERM in the service)
/// ends it at once rather than after the connection timeout.
@Suite struct IMAPStallTests {
    @Test func aStopRequestEndsAReadingBlockedOnASilentServer() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        #expect(bound)
        let port = UInt16(bigEndian: address.sin_port)

        let test = try TestWorkspace()
        // A minute of patience: only the stop request can end this reading early.
        nonisolated(unsafe) let reader = MailboxReader(
            workspace: test.workspace, settings: MailboxSettings(url: "imap://127.0.0.1:\(port)", connectTimeout: 60),
            environment: ["CRIEUR_IMAP_USER": "cpas", "CRIEUR_IMAP_PASSWORD": "secret"],
            clock: FixedClock(Date(timeIntervalSince1970: 1_795_000_000)), logger: nil)
        let stop = TestFlag()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<MailboxReader.Summary, any Error>?
        let thread = Thread {
            outcome = Result { try reader.read(stopRequested: { stop.isSet }) }
            done.signal()
        }
        thread.start()
        // The reading is connected and waits for the greeting that never comes.
        let connection = accept(listener, nil, nil)
        defer { close(connection) }
        #expect(connection >= 0)
        let asked = ProcessInfo.processInfo.systemUptime
        stop.set()
        #expect(done.wait(timeout: .now() + 30) == .success, "the stop flag is asked at least once a second, not after 60 s")
        let elapsed = ProcessInfo.processInfo.systemUptime - asked
        guard case .failure(let error as MailboxError)? = outcome else {
            Issue.record("the reading did not fail on the stop request: \(String(describing: outcome))")
            return
        }
        #expect(error == .unavailable("Lecture de la boîte aux lettres interrompue par l’arrêt du service ; elle reprendra à la prochaine lecture."))
        print("stop request during a stalled IMAP reading: it returned \(String(format: "%.2f", elapsed)) s later")
    }
}
