import Foundation
@testable import CrieurKit

/// A clock the test moves, and that a sender's waits move too.
final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant += seconds } }
}

/// A workspace with subscribers and archived newsletter items, for sender tests.
final class SenderFixture {
    static let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)
    /// When the subscribers gave consent: before every issue of the tests.
    static let consentTime = calendar.instant(CivilDate(year: 2026, month: 12, day: 1), hour: 10, minute: 0)
    /// When the tests send: the Thursday after.
    static let sendTime = calendar.instant(CivilDate(year: 2026, month: 12, day: 3), hour: 14, minute: 0)

    let test: TestWorkspace
    let clock = ManualClock(SenderFixture.sendTime)
    let logs = LogCollector()
    var workspace: Workspace { test.workspace }

    init(extraConfig: String = "") throws {
        test = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            \(extraConfig)
            """)
    }

    func config() throws -> CrieurConfig { try test.config() }

    /// Subscribes the addresses (confirmed unless listed in `pending`); returns their ids in order.
    @discardableResult
    func subscribe(_ addresses: [String], pending: Set<String> = [], at time: Date = SenderFixture.consentTime) throws -> [String] {
        let ledger = ConsentLedger(workspace: workspace, clock: FixedClock(time))
        let requests = try addresses.map {
            SubscriptionRequest(address: try EmailAddress(validating: $0), name: "Zoé \($0.prefix(while: { $0 != "@" }))",
                                source: "formulaire papier n°42", pending: pending.contains($0))
        }
        return try ledger.subscribe(requests, settings: try config().newsletter).map { outcome -> String in
            guard case .added(let subscriber) = outcome else { fatalError("not added: \(outcome)") }
            return subscriber.id
        }
    }

    /// Confirms pending subscriptions with their tokens, as the confirmation link would.
    func confirm(_ ids: [String]) throws {
        let ledger = ConsentLedger(workspace: workspace, clock: FixedClock(SenderFixture.consentTime))
        let state = try ledger.read().state
        for id in ids { _ = try ledger.confirm(token: state.subscribers[id]!.confirmationToken!) }
    }

    /// Archives a newsletter item published at `consentTime`'s day.
    @discardableResult
    func archiveItem(_ title: String, urgent: Bool) throws -> PublishedItem {
        let body = Body(blocks: [.paragraph([[.text("La distribution a lieu jeudi à 10 h. Venez avec votre carte.")]])])
        let item = Item(title: title, channels: [.newsletter], urgent: urgent, body: body, bodyText: "", bodyFirstLine: 1)
        return try workspace.archive.record(PublishedItem(item, itemName: "\(title).txt", publishedOn: CivilDate(year: 2026, month: 12, day: 2)),
                                            imageData: nil)
    }

    func sender(_ transport: any MailTransport, policy: RetryPolicy = .standard) throws -> NewsletterSender {
        try sender(transports: [transport], policy: policy)
    }

    func sender(transports: [any MailTransport], policy: RetryPolicy = .standard) throws -> NewsletterSender {
        let clock = self.clock
        return NewsletterSender(workspace: workspace, config: try config(), transports: transports, clock: clock,
                                logger: logs.logger(clock: clock), sleep: { clock.advance($0) }, policy: policy)
    }

    func records() throws -> [DeliveryRecord] { try DeliveryLog(workspace: workspace).records() }
}

/// Counts how many messages each envelope recipient received.
func deliveriesPerRecipient(_ server: SMTPTestServer) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for message in try server.received() {
        for recipient in message.recipients { counts[recipient, default: 0] += 1 }
    }
    return counts
}
