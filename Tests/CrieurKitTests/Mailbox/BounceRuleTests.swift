import Foundation
import Testing
@testable import CrieurKit

/// When bounces put an address « en échec », and how a new confirmed
/// subscription lifts it. Explicit timestamps, no clock.
@Suite struct BounceRuleTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static func day(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 86_400) }

    static func delivery(_ issue: Int, _ subscriber: String = "s-1") -> BounceRule.Delivery {
        BounceRule.Delivery(issue: "numero-\(issue)", subscriber: subscriber, time: day(issue * 7))
    }

    static func bounce(_ issue: Int?, _ severity: IncomingMail.Bounce.Severity, subscriber: String = "s-1", read: Int? = nil) -> BounceRecord {
        BounceRecord(kind: .bounce, time: day(read ?? ((issue ?? 0) * 7 + 1)), report: "rapport-\(UUID())", subscribers: [subscriber],
                     issue: issue.map { "numero-\($0)" }, severity: severity, status: severity == .permanent ? "5.1.1" : "4.2.2")
    }

    @Test func threeSoftBouncesInARowStopTheAddressTwoDoNot() {
        let deliveries = (1...3).map { Self.delivery($0) }
        #expect(BounceRule.failure(deliveries: deliveries, bounces: [Self.bounce(1, .temporary), Self.bounce(2, .temporary)], since: nil) == nil)
        #expect(BounceRule.failure(deliveries: deliveries, bounces: (1...3).map { Self.bounce($0, .temporary) }, since: nil)
            == "3 retours passagers de suite")
    }

    @Test func aMessageThatArrivedBetweenSoftBouncesStartsTheCountAgain() {
        let deliveries = (1...5).map { Self.delivery($0) }
        let bounces = [1, 2, 4, 5].map { Self.bounce($0, .temporary) }
        #expect(BounceRule.failure(deliveries: deliveries, bounces: bounces, since: nil) == nil, "issue 3 reached the person")
        #expect(BounceRule.failure(deliveries: deliveries + [Self.delivery(6)], bounces: bounces + [Self.bounce(6, .temporary)], since: nil)
            == "3 retours passagers de suite")
    }

    @Test func aLateReportForAnEarlierMessageCountsInTheOrderTheMessagesWent() {
        // Issue 2's delay notice is read after issue 3's: still three messages in a row.
        let deliveries = (1...3).map { Self.delivery($0) }
        let bounces = [Self.bounce(1, .temporary), Self.bounce(3, .temporary), Self.bounce(2, .temporary, read: 30)]
        #expect(BounceRule.failure(deliveries: deliveries, bounces: bounces, since: nil) == "3 retours passagers de suite")
    }

    @Test func severalReportsAboutOneMessageCountOnceAsTheWorst() {
        let deliveries = (1...3).map { Self.delivery($0) }
        let delays = [Self.bounce(1, .temporary), Self.bounce(1, .temporary, read: 9), Self.bounce(2, .temporary)]
        #expect(BounceRule.failure(deliveries: deliveries, bounces: delays, since: nil) == nil, "two messages came back, not three")
        let thenFailed = [Self.bounce(1, .temporary), Self.bounce(1, .permanent, read: 12)]
        #expect(BounceRule.failure(deliveries: deliveries, bounces: thenFailed, since: nil) == "un retour définitif (5.1.1)")
    }

    @Test func oneHardBounceIsEnough() {
        #expect(BounceRule.failure(deliveries: [Self.delivery(1)], bounces: [Self.bounce(1, .permanent)], since: nil)
            == "un retour définitif (5.1.1)")
        #expect(BounceRule.failure(deliveries: [], bounces: [Self.bounce(nil, .permanent, read: 3)], since: nil) == "un retour définitif (5.1.1)",
                "a report matched to no delivery still counts")
    }

    @Test func onlyWhatFollowsTheLastConfirmedSubscriptionCounts() {
        let deliveries = (1...4).map { Self.delivery($0) }
        let bounces = (1...4).map { Self.bounce($0, .temporary) }
        #expect(BounceRule.failure(deliveries: deliveries, bounces: bounces, since: Self.day(15)) == nil, "issues 3 and 4 only")
        #expect(BounceRule.failure(deliveries: deliveries, bounces: [Self.bounce(1, .permanent)], since: Self.day(8)) == nil)
    }

    // MARK: The address en échec, through the real ledgers

    @Test func anAddressEnEchecIsSkippedAndANewConfirmedSubscriptionLiftsIt() throws {
        let test = try LedgerFixture.workspace()
        let subscriber = try LedgerFixture.subscribe(test, "parti@example.be", at: Self.day(0))
        let other = try LedgerFixture.subscribe(test, "reste@example.be", at: Self.day(0))
        let log = BounceLog(workspace: test.workspace)
        try log.append([BounceRecord(kind: .failing, time: Self.day(10), report: "r-1", subscribers: [subscriber.id], reason: "retour définitif")])
        func failures() throws -> AddressFailures {
            AddressFailures(records: try log.records(), state: try LedgerFixture.ledger(test).read().state)
        }
        #expect(try failures().isFailing(subscriber.id))
        #expect(try !failures().isFailing(other.id))
        #expect(try failures().addressCount == 1)
        // Consent is untouched: still « inscrit ».
        #expect(try LedgerFixture.ledger(test).read().state.subscribers[subscriber.id]?.state == .confirmed)

        // The same person, already confirmed, subscribes again at the counter: the failure is lifted.
        let again = try LedgerFixture.ledger(test, at: Self.day(20)).subscribe(
            [SubscriptionRequest(address: LedgerFixture.address("Parti@example.be"), source: "formulaire papier n°43")],
            settings: try test.config().newsletter)
        guard case .renewed(let renewed) = again.first else { Issue.record("not renewed: \(again)"); return }
        #expect(renewed.id == subscriber.id)
        #expect(try !failures().isFailing(subscriber.id))
        #expect(try failures().addressCount == 0)
        // Without a failure, the same request writes nothing.
        let idle = try LedgerFixture.ledger(test, at: Self.day(21)).subscribe(
            [SubscriptionRequest(address: LedgerFixture.address("reste@example.be"), source: "formulaire papier n°44")],
            settings: try test.config().newsletter)
        #expect(idle.first.map { if case .alreadySubscribed = $0 { return true } else { return false } } == true)
    }

    @Test func aPendingSubscriptionDoesNotLiftTheFailureUntilItIsConfirmed() throws {
        let test = try LedgerFixture.workspace()
        let subscriber = try LedgerFixture.subscribe(test, "plein@example.be", at: Self.day(0))
        let log = BounceLog(workspace: test.workspace)
        try log.append([BounceRecord(kind: .failing, time: Self.day(10), report: "r-1", subscribers: [subscriber.id],
                                     reason: "3 retours passagers de suite")])
        let renewed = try LedgerFixture.subscribe(test, "plein@example.be", pending: true, at: Self.day(20))
        let state = { try LedgerFixture.ledger(test).read().state }
        #expect(AddressFailures(records: try log.records(), state: try state()).isFailing(subscriber.id))
        _ = try LedgerFixture.ledger(test, at: Self.day(21)).confirm(token: try #require(renewed.confirmationToken))
        #expect(!AddressFailures(records: try log.records(), state: try state()).isFailing(subscriber.id))
        // A later failure counts again.
        try log.append([BounceRecord(kind: .failing, time: Self.day(30), report: "r-2", subscribers: [subscriber.id], reason: "retour définitif")])
        #expect(AddressFailures(records: try log.records(), state: try state()).isFailing(subscriber.id))
    }

    @Test func aFailureOnOneListStopsTheAddressOnEveryList() throws {
        let test = try LedgerFixture.workspace()
        let infos = try LedgerFixture.subscribe(test, "double@example.be", list: "infos", at: Self.day(0))
        let web = try LedgerFixture.subscribe(test, "double@example.be", list: "web", at: Self.day(0))
        try BounceLog(workspace: test.workspace).append([BounceRecord(kind: .failing, time: Self.day(10), report: "r", subscribers: [infos.id])])
        let failures = try AddressFailures.load(workspace: test.workspace, state: try LedgerFixture.ledger(test).read().state)
        #expect(failures.isFailing(web.id))
        #expect(failures.addressCount == 1)
    }

    // MARK: Small codecs

    @Test func addressesAreTakenOutOfTheServersWords() {
        #expect(BounceMatcher.withoutAddresses("550 5.1.1 <Parti@Example.be>: Recipient address rejected")
            == "550 5.1.1 <[adresse]>: Recipient address rejected")
        #expect(BounceMatcher.withoutAddresses("Recipient ancien@commune.example.be not found, ni a@b.be,c@d.be")
            == "Recipient [adresse] not found, ni [adresse],[adresse]")
        #expect(BounceMatcher.withoutAddresses("452 4.2.2 Mailbox full") == "452 4.2.2 Mailbox full")
    }

    @Test func folderNamesAreWrittenInModifiedUTF7() {
        #expect(IMAPMailbox.encodedFolderName("INBOX") == "INBOX")
        #expect(IMAPMailbox.encodedFolderName("Traités par Crieur") == "Trait&AOk-s par Crieur")
        #expect(IMAPMailbox.encodedFolderName("R&D") == "R&-D")
        #expect(IMAPMailbox.encodedFolderName("日本語") == "&ZeVnLIqe-")
        #expect(IMAPMailbox.quoted("Traités") == "\"Trait&AOk-s\"")
    }
}
