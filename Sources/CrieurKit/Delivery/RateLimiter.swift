import Foundation

/// A relay's sending limits: at most `perMinute` messages in any 60 seconds and
/// `perDay` in any 24 hours (Microsoft 365 accepts 30 a minute and 10,000
/// recipients a day). No limit by default.
///
/// It never sleeps and never reads a clock: the sender asks `nextSendTime(now:)`,
/// waits until then however it likes, and reports each message with `record`.
/// What passes a day's cap simply waits for the next allowed time, possibly the
/// next day. A sender that restarts records the sends of the last day again
/// (from the delivery log) so the limits hold across restarts.
public struct RateLimiter: Sendable {
    private var minute: SendHistory?
    private var day: SendHistory?

    public init(perMinute: Int? = nil, perDay: Int? = nil) {
        minute = perMinute.map { SendHistory(capacity: $0, window: 60) }
        day = perDay.map { SendHistory(capacity: $0, window: 86_400) }
    }

    /// When the next message may leave: `now` itself when it may leave at once.
    public func nextSendTime(now: Date) -> Date {
        var earliest = now
        for history in [minute, day].compactMap({ $0 }) {
            if let free = history.nextFreeTime(), free > earliest { earliest = free }
        }
        return earliest
    }

    /// Counts a message that left at `time`.
    public mutating func record(_ time: Date) {
        minute?.record(time)
        day?.record(time)
    }

    /// The last `capacity` send times in a ring: when it is full, the oldest of
    /// them says when the window has room again.
    private struct SendHistory: Sendable {
        var times: [Date] = []
        var next = 0
        let capacity: Int
        let window: TimeInterval

        init(capacity: Int, window: TimeInterval) {
            precondition(capacity > 0, "a rate limit must allow at least one message")
            self.capacity = capacity
            self.window = window
        }

        func nextFreeTime() -> Date? {
            guard times.count == capacity else { return nil }
            return times[next].addingTimeInterval(window)
        }

        mutating func record(_ time: Date) {
            if times.count < capacity {
                times.append(time)
            } else {
                times[next] = time
                next = (next + 1) % capacity
            }
        }
    }
}
