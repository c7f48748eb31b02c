/// Reading `Publication:` and `Fin:` the way Belgian staff write dates.
extension ItemParser {
    /// What a date value turned out to be.
    ///
    /// Accepted: `2026-10-01`, `2026-10-01 09:00`, `2026-10-01T09:00:00`,
    /// `01/10/2026`, `1/10/2026`, `01-10-2026`, `01.10.2026`, each optionally
    /// followed by a time `9:00`, `09:00`, `9h00`, `9 h 30` or `9h` (« à » allowed
    /// before it).
    enum MomentReading: Equatable {
        case moment(ItemMoment)
        case unreadable
        /// Well written but not on the calendar, such as 30 February.
        case impossibleDate(CivilDate)
        case impossibleTime

        init(_ text: String) {
            let text = text.trimmingCharacters(in: .whitespaces)
            let date: CivilDate
            let timeText: Substring?
            // [0-9] rather than \d: \d also matches Arabic or Devanagari digits.
            if let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|\s+(?:à\s+)?)(.+))?/) {
                date = CivilDate(year: Int(match.1) ?? 0, month: Int(match.2) ?? 0, day: Int(match.3) ?? 0)
                timeText = match.4
            } else if let match = text.wholeMatch(of: /([0-9]{1,2})[\/.\-]([0-9]{1,2})[\/.\-]([0-9]{4})(?:\s+(?:à\s+)?(.+))?/) {
                date = CivilDate(year: Int(match.3) ?? 0, month: Int(match.2) ?? 0, day: Int(match.1) ?? 0)
                timeText = match.4
            } else {
                self = .unreadable
                return
            }
            var time: CivilTime?
            if let timeText {
                switch Self.time(String(timeText)) {
                case nil:
                    self = .unreadable
                    return
                case .some(nil):
                    self = .impossibleTime
                    return
                case .some(let valid?):
                    time = valid
                }
            }
            self = date.isValid ? .moment(ItemMoment(date: date, time: time)) : .impossibleDate(date)
        }

        /// nil when not a time at all; `.some(nil)` when a time that does not exist (25:00).
        private static func time(_ text: String) -> CivilTime?? {
            let hour: Int, minute: Int, second: Int
            if let match = text.wholeMatch(of: /([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?/) {
                (hour, minute, second) = (Int(match.1) ?? 99, Int(match.2) ?? 99, match.3.flatMap { Int($0) } ?? 0)
            } else if let match = text.wholeMatch(of: /([0-9]{1,2})\s*[hH]\s*([0-9]{2})?/) {
                (hour, minute, second) = (Int(match.1) ?? 99, match.2.flatMap { Int($0) } ?? 0, 0)
            } else {
                return nil
            }
            let time = CivilTime(hour: hour, minute: minute)
            return .some(time.isValid && second < 60 ? time : nil)
        }
    }
}
