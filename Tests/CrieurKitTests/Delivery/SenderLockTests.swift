import Foundation
import Testing
@testable import CrieurKit

/// The sender's lock (`out/newsletter/.envoi.lock`) is free again as soon as a
/// run ends, even when a process was spawned while it ran: the next run sends.
@Suite struct SenderLockTests {
    /// Writes to the outbox and, while the sender holds its lock, does what a
    /// process spawned at that moment by another thread does: keeps a copy of
    /// every descriptor until it execs (`InheritedDescriptor`).
    private final class SpawningMidSend: MailTransport {
        let outbox: OutboxTransport
        let lockPath: String
        var child: InheritedDescriptor?

        init(_ fixture: SenderFixture) {
            outbox = OutboxTransport(directory: fixture.workspace.path(MailTransports.outboxFolder), clock: fixture.clock)
            lockPath = fixture.workspace.path(NewsletterSender.lockPath)
        }

        func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
            if child == nil { child = try? InheritedDescriptor(of: lockPath) }
            return try outbox.send(mail)
        }
    }

    @Test func theNextRunSendsThoughAProcessSpawnedDuringTheLastOneHasNotExecYet() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Colis", urgent: true)
        let transport = SpawningMidSend(fixture)
        let first = try fixture.sender(transport).run()
        #expect(first.sent == 2)
        let child = try #require(transport.child, "the lock's descriptor was copied while the run held it")
        defer { child.close() }

        try fixture.archiveItem("Chauffage", urgent: true)
        let second = try fixture.sender(transport).run()
        #expect(second.planned.count == 1, "the run was not skipped as if another sender were running")
        #expect(second.sent == 2)
        #expect(try fixture.records().filter { $0.result == .sent }.map(\.subscriber).sorted() == (ids + ids).sorted())
    }
}
