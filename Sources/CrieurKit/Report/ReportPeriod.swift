import Foundation

/// The span a PST report covers: `[start, end)` on the centre's clock, with
/// the label staff know it by (`2026-T4`).
public struct ReportPeriod: Sendable, Equatable {
    public var label: String
    public var start: Date
    public var end: Date

    public init(label: String, start: Date, end: Date) {
        precondition(start < end, "a report period ends after it starts")
        self.label = label
        self.start = start
        self.end = end
    }

    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }
}
