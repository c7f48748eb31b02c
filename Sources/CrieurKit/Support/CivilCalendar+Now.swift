import Foundation

extension CivilCalendar {
    /// `--now`: `AAAA-MM-JJTHH:MM[:SS]` (seconds kept), or any moment
    /// `FrenchDateReader` reads (`2026-12-01`, `01/12/2026 9h`,
    /// `1er décembre 2026 à 9 h`), in the centre's zone; nil when unreadable.
    public func parseNow(_ text: String) -> Date? {
        if let instant = parseLocalTimestamp(text) { return instant }
        guard case .success(let moment) = FrenchDateReader.moment(text) else { return nil }
        return start(of: moment)
    }
}
