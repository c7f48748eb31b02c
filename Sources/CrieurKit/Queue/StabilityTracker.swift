import Foundation

/// Tells a finished file from one still being copied (a network share is not
/// atomic): a file is taken once its size and modification time have stayed the
/// same across two looks at least `settle` apart, and it has not been modified
/// for `settle` either. Times are the real wall clock, never `--now`.
public struct StabilityTracker: Sendable {
    public let settle: TimeInterval
    private var sightings: [String: Sighting] = [:]

    private struct Sighting: Sendable {
        var size: Int
        var modified: Date
        var firstSeen: Date
    }

    public init(settle: TimeInterval) {
        self.settle = settle
    }

    /// Records this look at a file and says whether it may be taken now.
    public mutating func isStable(name: String, size: Int, modified: Date, now: Date) -> Bool {
        if settle <= 0 { return true }
        guard let previous = sightings[name], previous.size == size, previous.modified == modified else {
            sightings[name] = Sighting(size: size, modified: modified, firstSeen: now)
            return false
        }
        return now.timeIntervalSince(previous.firstSeen) >= settle && now.timeIntervalSince(modified) >= settle
    }

    /// True while some file seen is waiting to settle: the caller should look again soon.
    public var hasPending: Bool { !sightings.isEmpty }

    /// Forgets files that are gone or were claimed.
    public mutating func keepOnly(_ names: Set<String>) {
        sightings = sightings.filter { names.contains($0.key) }
    }

    public mutating func forget(_ name: String) {
        sightings[name] = nil
    }
}
