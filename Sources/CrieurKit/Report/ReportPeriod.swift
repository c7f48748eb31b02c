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

extension ReportPeriod {
    /// A quarter, from the first instant of its first day to the first instant after its last day.
    public init(_ quarter: Quarter, calendar: CivilCalendar) {
        self.init(label: quarter.description,
                  start: calendar.instant(quarter.firstDay, hour: 0, minute: 0),
                  end: calendar.instant(quarter.lastDay.adding(days: 1), hour: 0, minute: 0))
    }
}
