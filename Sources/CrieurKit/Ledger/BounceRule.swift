import Foundation

/// When bounces stop the newsletter to an address. Pure: takes the address's
/// deliveries and bounces, returns a verdict.
///
/// One hard bounce (a permanent failure, 5.x.x) is enough. Soft bounces
/// (mailbox full, server away: 4.x.x or `Action: delayed`) count per message:
/// three messages in a row that came back stop it, and a message that reached
/// the person in between (sent, and no bounce names it) starts the count again.
/// Several reports about one message (a delay notice, then the failure) count
/// once, as the worst of them. Only what happened after `since` (the address's
/// last confirmed subscription) counts: a new confirmed subscription starts afresh.
public enum BounceRule {
    public static let softBouncesInARow = 3

    /// One message the relay accepted for this address (a `sent` delivery record).
    public struct Delivery: Sendable, Equatable {
        public var issue: String
        public var subscriber: String
        public var time: Date

        public init(issue: String, subscriber: String, time: Date) {
            self.issue = issue
            self.subscriber = subscriber
            self.time = time
        }
    }

    /// Why the address must not be mailed any more, in French; nil while it may be.
    /// `bounces`: the `bounce` records about the address (others are ignored).
    public static func failure(deliveries: [Delivery], bounces: [BounceRecord], since: Date?) -> String? {
        func key(_ issue: String, _ subscriber: String) -> String { issue + "\u{0}" + subscriber }
        var delivered: [String: Delivery] = [:]
        for delivery in deliveries where delivered[key(delivery.issue, delivery.subscriber)] == nil {
            delivered[key(delivery.issue, delivery.subscriber)] = delivery
        }
        // The worst report per message; reports matched to no delivery stand alone, at the time they were read.
        var worst: [String: BounceRecord] = [:]
        var alone: [BounceRecord] = []
        for bounce in bounces where bounce.kind == .bounce && bounce.severity != nil {
            let keys = bounce.issue.map { issue in bounce.subscribers.map { key(issue, $0) }.filter { delivered[$0] != nil } } ?? []
            guard let first = keys.first else {
                alone.append(bounce)
                continue
            }
            if worst[first].map({ $0.severity == .temporary && bounce.severity == .permanent }) ?? true { worst[first] = bounce }
        }
        struct Event {
            var time: Date
            var bounce: BounceRecord?
        }
        var events = delivered.map { Event(time: $0.value.time, bounce: worst[$0.key]) }
        events += alone.map { Event(time: $0.time, bounce: $0) }
        events = events.filter { event in since.map { event.time > $0 } ?? true }
        events.sort { $0.time < $1.time }
        var soft = 0
        for event in events {
            switch event.bounce?.severity {
            case .permanent?:
                return "un retour définitif" + (event.bounce?.status.map { " (\($0))" } ?? "")
            case .temporary?:
                soft += 1
                if soft >= softBouncesInARow { return "\(softBouncesInARow) retours passagers de suite" }
            case nil:
                soft = 0
            }
        }
        return nil
    }
}
