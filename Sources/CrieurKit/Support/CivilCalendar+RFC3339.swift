import Foundation

extension CivilCalendar {
    /// The instant as RFC 3339 in the centre's zone, with its offset
    /// (`2026-12-01T00:00:00+01:00`): what Atom dates and the screen page's
    /// `data-debut`/`data-fin` attributes hold, read the same by any parser.
    public func rfc3339(_ instant: Date) -> String {
        let local = timestamp(instant).replacingOccurrences(of: " ", with: "T")
        let offset = timeZone.secondsFromGMT(for: instant)
        let minutes = abs(offset) / 60
        return local + (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
