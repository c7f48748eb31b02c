import Foundation
import Testing
@testable import CrieurKit

/// The public pages driven in process, as the web server would run `crieur
/// web`, with the worker's pickup applied by hand: what each page shows, what
/// reaches the drop folder, and what the ledger records.
@Suite struct WebGatewayTests {
    static let config = """
    organisation: { name: "CPAS de Soumagne", phone: "04 377 97 00" },
    newsletter: { lists: { infos: { title: "Les nouvelles du CPAS", doubleOptIn: true }, seniors: { title: "Infos seniors" } }, consentWording: "2026-03" },
    web: { baseURL: "https://www.soumagne.be/lettre", replyWaitSeconds: 0, perAddressPerDay: 3 },
    """
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func gateway(_ workspace: TestWorkspace, at date: Date = start) throws -> WebGateway {
        var gateway = WebGateway(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(date))
        gateway.sleep = { _ in }
        return gateway
    }

    static func pickup(_ workspace: TestWorkspace, at date: Date = start) throws -> [String: WebReply] {
        try WebPickup(workspace: workspace.workspace, config: workspace.config(), clock: FixedClock(date)).applyPending()
    }

    static func post(_ page: String, _ body: String, query: String = "") -> CGIRequest {
        CGIRequest(method: "POST", pathInfo: "/" + page, scriptName: "/lettre", query: query,
                   contentType: "application/x-www-form-urlencoded", body: Data(body.utf8))
    }

    static func get(_ page: String, query: String = "") -> CGIRequest {
        CGIRequest(method: "GET", pathInfo: "/" + page, scriptName: "/lettre", query: query)
    }

    static func drops(_ workspace: TestWorkspace) -> [String] { workspace.names("web/drop") }

    static func events(_ workspace: TestWorkspace) throws -> [ConsentEvent] {
        try ConsentLedger(workspace: workspace.workspace, clock: FixedClock(start)).read().entries.map(\.event)
    }

    @Test func formSubscriptionThenConfirmationThenOneClickRecordPendingConfirmedWithdrawnWithProofs() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let gateway = try Self.gateway(workspace)
        let form = gateway.handle(Self.post("inscription", "email=Anne.Dupont%40Exemple.BE&nom=Anne+Dupont&liste=infos&accord=oui&site_web="))
        #expect(form.status == 200)
        #expect(form.body.contains("Votre demande est enregistrée"))
        #expect(Self.drops(workspace).count == 1)
        let replies = try Self.pickup(workspace)
        #expect(replies.values.map(\.outcome) == [.confirmationSent])
        #expect(Self.drops(workspace).isEmpty)

        let subscribed = try #require(try Self.events(workspace).first)
        #expect(subscribed.kind == .subscribed && subscribed.status == .pending)
        #expect(subscribed.source?.hasPrefix("formulaire web (demande ") == true)
        #expect(subscribed.wording == "2026-03" && subscribed.name == "Anne Dupont" && subscribed.list == "infos")
        #expect(subscribed.time == Self.start)

        let token = try #require(subscribed.confirmationToken)
        let later = Self.start.addingTimeInterval(600)
        _ = try Self.gateway(workspace, at: later).handle(Self.post("confirmation", "jeton=\(token)"))
        #expect(try Self.pickup(workspace, at: later).values.map(\.outcome) == [.confirmed])

        let unsubscribe = try #require(subscribed.unsubscribeToken)
        let oneClick = try Self.gateway(workspace, at: later).handle(Self.post("desinscription", "List-Unsubscribe=One-Click", query: "jeton=\(unsubscribe)"))
        #expect(oneClick.status == 200)
        #expect(try Self.pickup(workspace, at: later).values.map(\.outcome) == [.unsubscribed])

        let events = try Self.events(workspace)
        #expect(events.map(\.kind) == [.subscribed, .confirmed, .withdrawn])
        #expect(events[1].source?.hasPrefix("page web de confirmation") == true)
        #expect(events[2].source?.hasPrefix("désinscription en un clic (RFC 8058)") == true)
        let log = try workspace.read("data/\(WebPickup.logFileName)")
        #expect(log.split(separator: "\n").count == 3)
        #expect(!log.lowercased().contains("anne"), "the request log keeps ids and a hash, never the address")
    }

    @Test func getOnConfirmationOrUnsubscribeLinkShowsAButtonAndChangesNothing() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let subscriber = try LedgerFixture.subscribe(workspace, "anne@exemple.be", pending: true)
        let before = try workspace.read("data/consent.jsonl")
        let gateway = try Self.gateway(workspace)
        let confirm = gateway.handle(Self.get("confirmation", query: "jeton=\(subscriber.confirmationToken!)"))
        let leave = gateway.handle(Self.get("desinscription", query: "jeton=\(subscriber.unsubscribeToken!)"))
        #expect(confirm.status == 200 && confirm.body.contains("<form method=\"post\" action=\"/lettre/confirmation\">"))
        #expect(leave.status == 200 && leave.body.contains("Me désinscrire"))
        #expect(Self.drops(workspace).isEmpty)
        _ = try Self.pickup(workspace)
        #expect(try workspace.read("data/consent.jsonl") == before)
    }

    @Test func badOldOrReusedTokenGetsAFrenchPageWithoutATrace() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let gateway = try Self.gateway(workspace)
        let malformed = gateway.handle(Self.get("confirmation", query: "jeton=%3Cscript%3E"))
        #expect(malformed.status == 400 && malformed.body.contains("Ce lien ne fonctionne pas"))
        #expect(!malformed.body.contains("<script>"))
        let unknown = String(repeating: "ab", count: 24)
        _ = gateway.handle(Self.post("desinscription", "jeton=\(unknown)"))
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.unknownToken])
        // A refused POST (malformed link) is recorded too.
        _ = gateway.handle(Self.post("confirmation", "jeton=court"))
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.recorded])
        #expect(try workspace.read("data/\(WebPickup.logFileName)").split(separator: "\n").count == 2)
        let page = WebPages(config: try workspace.config()).answer(WebReply(outcome: .unknownToken))
        #expect(page.body.contains("déjà utilisé") && page.body.contains("04 377 97 00"))
    }

    @Test func filledHoneypotIsRecordedAndSubscribesNobody() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let page = try Self.gateway(workspace).handle(Self.post("inscription", "email=bot%40exemple.be&liste=infos&accord=oui&site_web=http%3A%2F%2Fspam"))
        #expect(page.body.contains("Votre demande est enregistrée"), "a robot is not told it was caught")
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.recorded])
        #expect(try Self.events(workspace).isEmpty)
        #expect(try workspace.read("data/\(WebPickup.logFileName)").contains("champ piège"))
    }

    @Test func subscriptionsBeyondTheDailyLimitForOneAddressAreRefused() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        var outcomes: [WebReply.Outcome] = []
        for minute in 0..<4 {
            let at = Self.start.addingTimeInterval(Double(minute) * 60)
            _ = try Self.gateway(workspace, at: at).handle(Self.post("inscription", "email=anne%40exemple.be&liste=infos&accord=oui"))
            outcomes += try Self.pickup(workspace, at: at).values.map(\.outcome)
        }
        #expect(outcomes == [.confirmationSent, .confirmationSent, .confirmationSent, .limited])
        let nextDay = Self.start.addingTimeInterval(86_400 + 600)
        _ = try Self.gateway(workspace, at: nextDay).handle(Self.post("inscription", "email=anne%40exemple.be&liste=infos&accord=oui"))
        #expect(try Self.pickup(workspace, at: nextDay).values.map(\.outcome) == [.confirmationSent])
    }

    /// « anne+1@… », « anne+2@… » and, at Gmail, « a.nne@… » reach one mailbox: the daily limit counts them together,
    /// else a stranger could have the centre send that mailbox any number of confirmations.
    @Test func subaddressesAndGmailDotsOfOneMailboxShareTheDailyLimit() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        var outcomes: [WebReply.Outcome] = []
        for (minute, address) in ["anne%2B1%40exemple.be", "Anne%2Blettre%40exemple.be", "anne%2B%40exemple.be", "anne%40exemple.be"].enumerated() {
            let at = Self.start.addingTimeInterval(Double(minute) * 60)
            _ = try Self.gateway(workspace, at: at).handle(Self.post("inscription", "email=\(address)&liste=infos&accord=oui"))
            outcomes += try Self.pickup(workspace, at: at).values.map(\.outcome)
        }
        #expect(outcomes == [.confirmationSent, .confirmationSent, .confirmationSent, .limited])
        outcomes = []
        for (minute, address) in ["jean.dupont%40gmail.com", "j.e.a.n.dupont%2Bx%40Gmail.com", "JeanDupont%40googlemail.com", "jeandupont%40gmail.com"].enumerated() {
            let at = Self.start.addingTimeInterval(Double(minute) * 60)
            _ = try Self.gateway(workspace, at: at).handle(Self.post("inscription", "email=\(address)&liste=infos&accord=oui"))
            outcomes += try Self.pickup(workspace, at: at).values.map(\.outcome)
        }
        #expect(outcomes == [.confirmationSent, .confirmationSent, .confirmationSent, .limited])
        // Elsewhere a dot counts: another person.
        _ = try Self.gateway(workspace).handle(Self.post("inscription", "email=a.nne%40exemple.be&liste=infos&accord=oui"))
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.confirmationSent])
    }

    /// An erased address cannot be subscribed on line, but the page must not say so: anybody could
    /// type an address and learn that its owner was on the centre's list and asked to be erased.
    @Test func anErasedAddressGetsTheSameAnswerAsAnyOtherSoTheFormDoesNotTellWhoLeft() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        _ = try ConsentLedger(workspace: workspace.workspace, clock: FixedClock(Self.start)).erase(address: try EmailAddress(validating: "zoe@exemple.be"))
        var pages: [String: CGIResponse] = [:]
        for person in ["zoe", "anne"] {
            _ = try Self.gateway(workspace).handle(Self.post("inscription", "email=\(person)%40exemple.be&liste=seniors&accord=oui"))
            let reply = try #require(try Self.pickup(workspace).values.first)
            pages[person] = WebPages(config: try workspace.config()).answer(reply)
        }
        #expect(pages["zoe"] == pages["anne"])
        #expect(pages["zoe"]?.status == 200 && pages["zoe"]?.body.contains("Plus qu&#39;une étape") == true)
        #expect(try Self.events(workspace).map(\.address) == ["anne@exemple.be"], "the erased address is not subscribed")
        #expect(try workspace.read("data/\(WebPickup.logFileName)").contains("\"refusedAddress\""), "the request log says what happened")
    }

    @Test func incompleteFormIsShownAgainWithItsProblemsAndTheTypedTextEscaped() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let page = try Self.gateway(workspace).handle(Self.post("inscription", "email=%22%3E%3Cb%3E&nom=%3Ci%3EAnne"))
        #expect(page.status == 400)
        #expect(page.body.contains("role=\"alert\""))
        #expect(page.body.contains("Cochez la case") && page.body.contains("Choisissez au moins une lettre"))
        #expect(page.body.contains("&quot;&gt;&lt;b&gt;") && page.body.contains("&lt;i&gt;Anne"))
        #expect(!page.body.contains("<i>Anne"))
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.recorded])
        #expect(try Self.events(workspace).isEmpty)
    }

    @Test func aLongTextTypedAsTheAddressIsQuotedShortInTheProblem() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let planted = "Votre aide sociale est suspendue. Appelez le 0900 12 345 ou payez sur notre site " + String(repeating: "x", count: 500)
        let body = "email=" + planted.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let page = try Self.gateway(workspace).handle(Self.post("inscription", body))
        #expect(page.status == 400)
        let problem = try #require(page.body.components(separatedBy: "\n").first { $0.contains("n&#39;est pas valable") || $0.contains("n'est pas valable") })
        #expect(!problem.contains(String(repeating: "x", count: 100)), "\(problem)")
        #expect(problem.contains("Votre aide sociale est suspendue. Appelez le 0900 12 345 ou payez sur notre site…"), "\(problem)")
    }

    @Test func formShowsTheCentreTheListsAndTheConsentSentence() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let page = try Self.gateway(workspace).handle(Self.get(""))
        #expect(page.status == 200)
        #expect(page.body.contains("<html lang=\"fr\">") && page.body.contains("CPAS de Soumagne"))
        #expect(page.body.contains("Infos seniors") && page.body.contains("<label for=\"email\">"))
        #expect(page.body.contains("J&#39;accepte que CPAS de Soumagne garde mon adresse"))
        #expect(page.encoded.starts(with: Data("Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n".utf8)))
    }

    @Test func bodyLongerThanTheLimitIsRefusedBeforeReading() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        #expect(CGIRequest.bodyLength(["CONTENT_LENGTH": "9000"], limit: 8_192) == .tooLarge)
        #expect(CGIRequest.bodyLength(["CONTENT_LENGTH": "-1"], limit: 8_192) == .invalid)
        #expect(CGIRequest.bodyLength(["CONTENT_LENGTH": "40"], limit: 8_192) == .bytes(40))
        #expect(try Self.gateway(workspace).refusedBody(tooLarge: true).status == 413)
    }

    @Test func baseURLPointsTheMessagesLinksAtThePages() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let config = try workspace.config()
        #expect(config.smtp.unsubscribeURL == "https://www.soumagne.be/lettre/desinscription")
        #expect(config.smtp.confirmURL == "https://www.soumagne.be/lettre/confirmation")
        let problems = configProblems("{ web: { baseURL: \"http://www.soumagne.be/lettre\" } }")
        #expect(problems.contains { $0.contains("web.baseURL") })
    }

    @Test func unreadableRequestIsSetAsideAndTheOthersApplied() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        try workspace.write("pas du JSON", to: "web/drop/\(String(repeating: "0", count: 32)).json")
        _ = try Self.gateway(workspace).handle(Self.post("inscription", "email=anne%40exemple.be&liste=infos&accord=oui"))
        #expect(try Self.pickup(workspace).values.map(\.outcome) == [.confirmationSent])
        #expect(workspace.names("web/rejected") == ["\(String(repeating: "0", count: 32)).json"])
        #expect(Self.drops(workspace).isEmpty)
    }

    @Test func answersAreRemovedAfterTenMinutes() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        _ = try Self.gateway(workspace).handle(Self.post("inscription", "email=anne%40exemple.be&liste=infos&accord=oui"))
        let now = Date()
        _ = try Self.pickup(workspace, at: now)
        #expect(workspace.names("web/replies").count == 1)
        _ = try Self.pickup(workspace, at: now.addingTimeInterval(300))
        #expect(workspace.names("web/replies").count == 1, "still there for a page that waits")
        _ = try Self.pickup(workspace, at: now.addingTimeInterval(900))
        #expect(workspace.names("web/replies").isEmpty)
    }

    @Test func pageShowsTheWorkersAnswerWhenItComesWithinTheWait() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config.replacingOccurrences(of: "replyWaitSeconds: 0", with: "replyWaitSeconds: 20"))
        var gateway = WebGateway(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(Self.start))
        gateway.sleep = { Thread.sleep(forTimeInterval: $0) }
        // The worker's pickup, in another thread, applies the request as soon as it is in the drop folder.
        let root = workspace.root, config = try workspace.config()
        let worker = Thread {
            let drop = WebDropFolder(workspace: Workspace(root: root)).dropDirectory
            for _ in 0..<400 where ((try? FileSystem.names(in: drop)) ?? []).filter({ !$0.hasPrefix(".") }).isEmpty {
                Thread.sleep(forTimeInterval: 0.05)
            }
            _ = try? WebPickup(workspace: Workspace(root: root), config: config, clock: FixedClock(Self.start)).applyPending()
        }
        worker.start()
        let page = gateway.handle(Self.post("inscription", "email=anne%40exemple.be&liste=seniors&accord=oui"))
        #expect(page.body.contains("Plus qu&#39;une étape") && page.body.contains("« Infos seniors »"), "\(page.body)")
    }
}
