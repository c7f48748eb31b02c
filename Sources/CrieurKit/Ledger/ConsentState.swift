import Foundation

/// The current state of every subscriber, obtained by replaying the consent
/// ledger's events in order. Pure: it never touches a file. Events that do not
/// apply (a confirmation for someone not pending) change nothing, so replaying
/// a ledger twice or after a crash gives the same state.
public struct ConsentState: Sendable {
    public private(set) var subscribers: [String: Subscriber] = [:]
    /// Subscriber ids in the order they first appeared: a stable sending order.
    public private(set) var order: [String] = []
    private var idByAddressAndList: [String: String] = [:]
    private var idByConfirmationToken: [String: String] = [:]
    private var idByUnsubscribeToken: [String: String] = [:]
    /// The token a confirmed subscriber confirmed with, still answered so that a
    /// second click on the confirmation link is not an error.
    private var usedConfirmationToken: [String: String] = [:]
    public private(set) var eventCount = 0

    public init() {}

    public init(replaying events: [ConsentEvent]) {
        for event in events { apply(event) }
    }

    public mutating func apply(_ event: ConsentEvent) {
        eventCount += 1
        let id = event.subscriber
        switch event.kind {
        case .subscribed:
            var subscriber = subscribers[id] ?? Subscriber(id: id, list: event.list, state: .pending, subscribedAt: event.time)
            if subscribers[id] == nil { order.append(id) }
            forgetTokens(of: subscriber)
            subscriber.address = event.address
            subscriber.name = event.name
            subscriber.source = event.source
            subscriber.wording = event.wording
            subscriber.subscribedAt = event.time
            subscriber.state = event.status == .pending ? .pending : .confirmed
            subscriber.confirmedAt = subscriber.state == .confirmed ? event.time : nil
            subscriber.withdrawnAt = nil
            subscriber.unsubscribeToken = event.unsubscribeToken
            subscriber.confirmationToken = subscriber.state == .pending ? event.confirmationToken : nil
            if let address = event.address { idByAddressAndList[Self.key(address, event.list)] = id }
            if let token = subscriber.unsubscribeToken { idByUnsubscribeToken[token] = id }
            if let token = subscriber.confirmationToken { idByConfirmationToken[token] = id }
            subscribers[id] = subscriber
        case .confirmed:
            guard var subscriber = subscribers[id], subscriber.state == .pending else { return }
            usedConfirmationToken[id] = subscriber.confirmationToken
            subscriber.state = .confirmed
            subscriber.confirmedAt = event.time
            subscriber.confirmationToken = nil
            subscribers[id] = subscriber
        case .withdrawn:
            guard var subscriber = subscribers[id], subscriber.state == .pending || subscriber.state == .confirmed else { return }
            forgetConfirmationTokens(of: subscriber)
            subscriber.state = .withdrawn
            subscriber.withdrawnAt = event.time
            subscriber.confirmationToken = nil
            subscribers[id] = subscriber
        case .erased:
            guard var subscriber = subscribers[id] else { return }
            forgetTokens(of: subscriber)
            if let address = subscriber.address { idByAddressAndList[Self.key(address, subscriber.list)] = nil }
            subscriber.state = .erased
            subscriber.erasedAt = event.time
            subscriber.address = nil
            subscriber.name = nil
            subscriber.source = nil
            subscriber.unsubscribeToken = nil
            subscriber.confirmationToken = nil
            subscribers[id] = subscriber
        }
    }

    private mutating func forgetTokens(of subscriber: Subscriber) {
        if let token = subscriber.unsubscribeToken { idByUnsubscribeToken[token] = nil }
        forgetConfirmationTokens(of: subscriber)
    }

    private mutating func forgetConfirmationTokens(of subscriber: Subscriber) {
        if let token = subscriber.confirmationToken { idByConfirmationToken[token] = nil }
        if let token = usedConfirmationToken.removeValue(forKey: subscriber.id) { idByConfirmationToken[token] = nil }
    }

    /// Addresses compare without case (see `EmailAddress.key`).
    private static func key(_ address: String, _ list: String) -> String {
        "\(list)\u{0}\(address.lowercased())"
    }

    public func subscriber(address: EmailAddress, list: String) -> Subscriber? {
        idByAddressAndList[Self.key(address.value, list)].flatMap { subscribers[$0] }
    }

    /// The person's subscriptions on every list, in ledger order.
    public func subscribers(address: EmailAddress) -> [Subscriber] {
        order.compactMap { subscribers[$0] }.filter { $0.address.map { EmailAddress.key(of: $0) } == address.key }
    }

    /// The pending subscriber this confirmation token was sent to, or the
    /// subscriber who already confirmed with it.
    public func subscriber(confirmationToken token: String) -> Subscriber? {
        idByConfirmationToken[token].flatMap { subscribers[$0] }
    }

    public func subscriber(unsubscribeToken token: String) -> Subscriber? {
        idByUnsubscribeToken[token].flatMap { subscribers[$0] }
    }

    /// Every subscriber in ledger order.
    public var all: [Subscriber] { order.compactMap { subscribers[$0] } }
}
