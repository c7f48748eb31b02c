import Foundation

/// Which addresses are « en échec » now: a `failing` record of `data/bounces.jsonl`
/// names one of the address's subscriptions, and no subscription of that
/// address was confirmed since (a new confirmed subscription lifts it). Not a
/// withdrawal of consent: the newsletter skips the address, the ledger is
/// untouched. Pure replay of the records over the consent state.
public struct AddressFailures: Sendable {
    /// Every subscription of an address en échec, with the record that put it there.
    public private(set) var failing: [String: BounceRecord] = [:]
    /// How many addresses are en échec.
    public private(set) var addressCount = 0

    public static let none = AddressFailures()

    private init() {}

    public init(records: [BounceRecord], state: ConsentState) {
        var byAddress: [String: [Subscriber]] = [:]
        var addressOf: [String: String] = [:]
        for subscriber in state.all {
            guard let address = subscriber.address else { continue }
            let key = EmailAddress.key(of: address)
            byAddress[key, default: []].append(subscriber)
            addressOf[subscriber.id] = key
        }
        var failingAddresses: [String: BounceRecord] = [:]
        for record in records where record.kind == .failing {
            for key in Set(record.subscribers.compactMap { addressOf[$0] }) {
                let lastConfirmation = byAddress[key]?.compactMap(\.confirmedAt).max()
                if lastConfirmation.map({ $0 < record.time }) ?? true { failingAddresses[key] = record }
            }
        }
        for (key, record) in failingAddresses {
            for subscriber in byAddress[key] ?? [] { failing[subscriber.id] = record }
        }
        addressCount = failingAddresses.count
    }

    /// From `data/bounces.jsonl` and `state`.
    public static func load(workspace: Workspace, state: ConsentState) throws -> AddressFailures {
        AddressFailures(records: try BounceLog(workspace: workspace).records(), state: state)
    }

    /// True when this subscription's address is en échec.
    public func isFailing(_ subscriberID: String) -> Bool {
        failing[subscriberID] != nil
    }
}
