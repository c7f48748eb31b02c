import Foundation
@testable import CrieurKit

/// A workspace with two lists, `infos` (single opt-in) and `web` (double opt-in).
enum LedgerFixture {
    static let config = """
    newsletter: { lists: { infos: { title: "Les nouvelles", doubleOptIn: false }, web: { title: "Par le site", doubleOptIn: true } }, defaultList: "infos", consentWording: "v3" }
    """

    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func workspace() throws -> TestWorkspace {
        try TestWorkspace(extraConfig: config)
    }

    static func ledger(_ workspace: TestWorkspace, at date: Date = start) -> ConsentLedger {
        ConsentLedger(workspace: workspace.workspace, clock: FixedClock(date))
    }

    static func address(_ text: String) -> EmailAddress {
        try! EmailAddress(validating: text)
    }

    /// Subscribes one address and returns the subscriber.
    @discardableResult
    static func subscribe(_ workspace: TestWorkspace, _ text: String, list: String? = nil, name: String? = nil,
                          pending: Bool = false, at date: Date = start) throws -> Subscriber {
        let outcome = try ledger(workspace, at: date).subscribe(
            [SubscriptionRequest(address: address(text), name: name, list: list, source: "formulaire papier n°42", pending: pending)],
            settings: try workspace.config().newsletter)[0]
        switch outcome {
        case .added(let subscriber), .renewed(let subscriber), .alreadySubscribed(let subscriber): return subscriber
        case .refused(let error): throw error
        }
    }

    /// Every regular file under `data/` whose bytes contain `needle`, ignoring case.
    static func filesContaining(_ needle: String, in workspace: TestWorkspace) throws -> [String] {
        let folder = workspace.path("data")
        return try FileSystem.names(in: folder).filter { name in
            guard case .contents(let data)? = try? FileSystem.read("\(folder)/\(name)", maxBytes: Int.max) else { return false }
            return String(decoding: data, as: UTF8.self).lowercased().contains(needle.lowercased())
        }
    }
}
