import Foundation

/// Where time comes from. Injected everywhere so that tests and `--now` previews
/// decide what is due without touching the wall clock.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The machine's wall clock: the only place Crieur calls `Date()`.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock stopped at one instant (`--now`, tests).
public struct FixedClock: Clock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
