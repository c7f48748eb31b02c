import Foundation

/// When a message that failed for a temporary reason is tried again: after 5
/// minutes, then 15, 30 minutes, 1, 2 and 4 hours, then every 8 hours, until
/// four days after the first attempt (as Postfix's `maximal_queue_lifetime`
/// gives up after days, not after a number of tries). Past that the message is
/// abandoned with a final record. A permanent failure (5xx) is never retried.
/// Pure: times are given.
public struct RetryPolicy: Sendable, Equatable {
    /// Wait after the 1st, 2nd… failed attempt; the last one repeats.
    public var delays: [TimeInterval]
    /// How long after the first attempt a message is still tried.
    public var lifetime: TimeInterval

    public static let standard = RetryPolicy(
        delays: [5 * 60, 15 * 60, 30 * 60, 3_600, 2 * 3_600, 4 * 3_600, 8 * 3_600], lifetime: 4 * 86_400)

    /// What the final record of an abandoned message says.
    public static let abandonReply = "abandon après 4 jours d'essais sans succès"

    public init(delays: [TimeInterval], lifetime: TimeInterval) {
        precondition(!delays.isEmpty, "a retry policy needs at least one delay")
        self.delays = delays
        self.lifetime = lifetime
    }

    /// When attempt `attempt + 1` is due after attempt `attempt` failed
    /// temporarily at `failedAt`; nil when it would fall past the lifetime
    /// counted from `firstAttempt`: the message is then abandoned.
    public func nextAttempt(after attempt: Int, failedAt: Date, firstAttempt: Date) -> Date? {
        precondition(attempt >= 1, "attempts are numbered from 1")
        let next = failedAt.addingTimeInterval(delays[min(attempt, delays.count) - 1])
        return next.timeIntervalSince(firstAttempt) <= lifetime ? next : nil
    }
}
