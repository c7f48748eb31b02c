import Foundation
import Testing
@testable import CrieurKit

@Suite struct ConsentLedgerTests {
    @Test func replayGivesTheStateOfEachSubscriberAfterItsLastEvent() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be", name: "Jean")
        let marie = try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        let later = LedgerFixture.start.addingTimeInterval(3600)
        _ = try LedgerFixture.ledger(workspace, at: later).withdraw(address: LedgerFixture.address("jean@example.be"), source: "guichet")

        let state = try LedgerFixture.ledger(workspace).read().state
        #expect(state.eventCount == 3)
        #expect(state.subscribers[jean.id]?.state == .withdrawn)
        #expect(state.subscribers[jean.id]?.withdrawnAt == later)
        #expect(state.subscribers[jean.id]?.name == "Jean")
        #expect(state.subscribers[jean.id]?.wording == "v3")
        #expect(state.subscribers[jean.id]?.source == "formulaire papier n°42")
        #expect(state.subscribers[marie.id]?.state == .pending)
        #expect(state.order == [jean.id, marie.id])
    }

    @Test func replayingTheSameEventsFromAnArrayGivesTheSameState() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        let reading = try LedgerFixture.ledger(workspace).read()
        let replayed = ConsentState(replaying: reading.entries.map(\.event))
        #expect(replayed.all == reading.state.all)
    }

    @Test func ledgerFileIsPrivateToItsOwner() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        var st = stat()
        #expect(stat(workspace.path("data/consent.jsonl"), &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func doubleOptInListKeepsANewSubscriberPendingUntilConfirmed() throws {
        let workspace = try LedgerFixture.workspace()
        let pending = try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        #expect(pending.state == .pending)
        #expect(!pending.isActive)
        let token = try #require(pending.confirmationToken)

        let confirmed = try LedgerFixture.ledger(workspace).confirm(token: token)
        #expect(confirmed.state == .confirmed)
        #expect(confirmed.confirmationToken == nil)
        // A second click on the link is not an error and writes nothing.
        let again = try LedgerFixture.ledger(workspace).confirm(token: token)
        #expect(again.state == .confirmed)
        #expect(try LedgerFixture.ledger(workspace).read().state.eventCount == 2)
    }

    @Test func pendingRequestOnASingleOptInListStaysPending() throws {
        let workspace = try LedgerFixture.workspace()
        let subscriber = try LedgerFixture.subscribe(workspace, "jean@example.be", pending: true)
        #expect(subscriber.state == .pending)
        #expect(subscriber.confirmationToken != nil)
    }

    @Test func unknownConfirmationTokenIsRefused() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        #expect(throws: ConsentError.unknownToken) {
            try LedgerFixture.ledger(workspace).confirm(token: String(repeating: "0", count: 48))
        }
    }

    @Test func withdrawnSubscriberCannotBeConfirmedByAnOldLink() throws {
        let workspace = try LedgerFixture.workspace()
        let pending = try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        _ = try LedgerFixture.ledger(workspace).withdraw(address: LedgerFixture.address("marie@example.be"), source: "test")
        #expect(throws: ConsentError.unknownToken) {
            try LedgerFixture.ledger(workspace).confirm(token: pending.confirmationToken!)
        }
    }

    @Test func tokensAndIdsAreRandomAndLongEnough() throws {
        let workspace = try LedgerFixture.workspace()
        var tokens = Set<String>(), ids = Set<String>()
        for index in 0..<50 {
            let subscriber = try LedgerFixture.subscribe(workspace, "personne\(index)@example.be", list: "web")
            for token in [subscriber.unsubscribeToken!, subscriber.confirmationToken!] {
                #expect(token.count * 4 >= 128)  // hexadecimal: 4 bits per character
                #expect(token.allSatisfy { $0.isHexDigit })
                tokens.insert(token)
            }
            #expect(subscriber.id.hasPrefix("s-") && subscriber.id.count == 18)
            #expect(!subscriber.id.contains("personne"))
            ids.insert(subscriber.id)
        }
        #expect(tokens.count == 100)
        #expect(ids.count == 50)
    }

    @Test func sameAddressInOtherCapitalsIsTheSameSubscriber() throws {
        let workspace = try LedgerFixture.workspace()
        let first = try LedgerFixture.subscribe(workspace, "Jean.Dupont@Example.BE")
        let outcome = try LedgerFixture.ledger(workspace).subscribe(
            [SubscriptionRequest(address: LedgerFixture.address(" jean.dupont@example.be "), source: "web")],
            settings: try workspace.config().newsletter)
        #expect(outcome == [.alreadySubscribed(first)])
        #expect(first.address == "Jean.Dupont@example.be")
    }

    @Test func sameAddressOnTwoListsIsTwoSubscribers() throws {
        let workspace = try LedgerFixture.workspace()
        let infos = try LedgerFixture.subscribe(workspace, "jean@example.be")
        let web = try LedgerFixture.subscribe(workspace, "jean@example.be", list: "web")
        #expect(infos.id != web.id)
        let ended = try LedgerFixture.ledger(workspace).withdraw(address: LedgerFixture.address("jean@example.be"), source: "test")
        #expect(Set(ended.map(\.id)) == [infos.id, web.id])
    }

    @Test func withdrawalFromOneListKeepsTheOther() throws {
        let workspace = try LedgerFixture.workspace()
        let infos = try LedgerFixture.subscribe(workspace, "jean@example.be")
        let web = try LedgerFixture.subscribe(workspace, "jean@example.be", list: "web")
        _ = try LedgerFixture.ledger(workspace).withdraw(address: LedgerFixture.address("jean@example.be"), list: "web", source: "test")
        let state = try LedgerFixture.ledger(workspace).read().state
        #expect(state.subscribers[infos.id]?.state == .confirmed)
        #expect(state.subscribers[web.id]?.state == .withdrawn)
    }

    @Test func resubscribingAWithdrawnPersonNeedsANewConsentEventAndKeepsTheId() throws {
        let workspace = try LedgerFixture.workspace()
        let first = try LedgerFixture.subscribe(workspace, "jean@example.be")
        _ = try LedgerFixture.ledger(workspace).withdraw(unsubscribeToken: first.unsubscribeToken!)
        let outcome = try LedgerFixture.ledger(workspace).subscribe(
            [SubscriptionRequest(address: LedgerFixture.address("jean@example.be"), source: "formulaire papier n°77")],
            settings: try workspace.config().newsletter)
        guard case .renewed(let again) = outcome[0] else { Issue.record("not renewed: \(outcome)"); return }
        #expect(again.id == first.id)
        #expect(again.state == .confirmed)
        #expect(again.source == "formulaire papier n°77")
        let events = try LedgerFixture.ledger(workspace).read().entries.map(\.event.kind)
        #expect(events == [.subscribed, .withdrawn, .subscribed])
    }

    @Test func unsubscribeLinkFollowedTwiceWithdrawsOnce() throws {
        let workspace = try LedgerFixture.workspace()
        let subscriber = try LedgerFixture.subscribe(workspace, "jean@example.be")
        let ledger = LedgerFixture.ledger(workspace)
        #expect(try ledger.withdraw(unsubscribeToken: subscriber.unsubscribeToken!).state == .withdrawn)
        #expect(try ledger.withdraw(unsubscribeToken: subscriber.unsubscribeToken!).state == .withdrawn)
        #expect(try ledger.read().state.eventCount == 2)
    }

    @Test func unknownListAndMissingProofAreRefused() throws {
        let workspace = try LedgerFixture.workspace()
        let settings = try workspace.config().newsletter
        let outcomes = try LedgerFixture.ledger(workspace).subscribe([
            SubscriptionRequest(address: LedgerFixture.address("a@example.be"), list: "seniors", source: "web"),
            SubscriptionRequest(address: LedgerFixture.address("b@example.be"), source: "  "),
            SubscriptionRequest(address: LedgerFixture.address("c@example.be"), name: "Line\nBcc: x@y.be", source: "web"),
        ], settings: settings)
        #expect(outcomes == [.refused(.unknownList("seniors", known: ["infos", "web"])), .refused(.missingSource),
                             .refused(.invalidText(field: "nom"))])
        #expect(try FileSystem.info(workspace.path("data/consent.jsonl")) == nil)
    }

    @Test func aNameOverTheLengthLimitIsRefusedForItsLength() throws {
        let workspace = try LedgerFixture.workspace()
        let settings = try workspace.config().newsletter
        let outcomes = try LedgerFixture.ledger(workspace).subscribe([
            SubscriptionRequest(address: LedgerFixture.address("a@example.be"), name: String(repeating: "é", count: 201), source: "web"),
            SubscriptionRequest(address: LedgerFixture.address("b@example.be"), name: String(repeating: "é", count: 200), source: "web"),
        ], settings: settings)
        #expect(outcomes.first == .refused(.textTooLong(field: "nom", length: 201, maxLength: 200)))
        #expect(ConsentError.textTooLong(field: "nom", length: 201, maxLength: 200).description
            == "Le champ « nom » compte 201 caractères, plus que les 200 permis : raccourcissez-le.")
        #expect(try LedgerFixture.ledger(workspace).read().state.eventCount == 1)
    }
}
