import Foundation

/// The occurrences of a recurring item (`Répéter:`): occurrence 1 is the item as
/// written; occurrence k moves `Publication`, `Fin` and `Jusqu'au`'s companions
/// by k − 1 periods. Pure.
extension Item {
    /// The item as it reads in its `index`-th occurrence (1 is the item itself).
    public func occurrence(_ index: Int) -> Item {
        guard let repetition, index > 1 else { return self }
        var shifted = self
        shifted.publication = publication.map { repetition.moment($0, shiftedBy: index - 1) }
        shifted.expires = expires.map { repetition.moment($0, shiftedBy: index - 1) }
        shifted.when = when.map { repetition.event($0, shiftedBy: index - 1) }
        return shifted
    }

    /// The occurrence to act on at `now`: the latest one that has started and not
    /// ended, else the next one to start; nil when the repetition is over
    /// (`Jusqu'au:` passed). An item that does not repeat has one occurrence.
    public func currentOccurrence(at now: Date, calendar: CivilCalendar) -> Int? {
        guard repetition != nil, publication != nil else { return 1 }
        var index = 1
        // Bounded: a weekly item over two centuries, whatever the dates say.
        while index < 10_000 {
            let occurrence = self.occurrence(index)
            guard let start = occurrence.publication else { return index }
            if let until = repeatUntil, calendar.start(of: start) > calendar.end(of: until) { return nil }
            if calendar.start(of: start) > now { return index }
            let end = occurrenceEnd(index, calendar: calendar)
            if end >= now { return index }
            index += 1
        }
        return nil
    }

    /// Where occurrence `index` stops being current: its `Fin` or its event's
    /// last day (`DisplayWindow.givenEnd`), else the day before the next occurrence starts.
    func occurrenceEnd(_ index: Int, calendar: CivilCalendar) -> Date {
        let occurrence = self.occurrence(index)
        if let end = DisplayWindow.givenEnd(expires: occurrence.expires, when: occurrence.when) { return calendar.end(of: end) }
        guard let next = self.occurrence(index + 1).publication else { return .distantFuture }
        return calendar.start(of: next).addingTimeInterval(-1)
    }

    /// When occurrence `index + 1` starts, if the repetition goes on that far.
    public func nextOccurrenceStart(after index: Int, calendar: CivilCalendar) -> Date? {
        guard repetition != nil, let start = occurrence(index + 1).publication else { return nil }
        if let until = repeatUntil, calendar.start(of: start) > calendar.end(of: until) { return nil }
        return calendar.start(of: start)
    }
}
