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

    /// Reads what `rfc3339` writes; also a local `AAAA-MM-JJ HH:MM:SS` without
    /// offset (records written before offsets were kept), read in the centre's zone.
    public func parseRFC3339(_ text: String) -> Date? {
        guard text.count > 19, let sign = text.dropFirst(19).first, sign == "+" || sign == "-" else {
            return parseLocalTimestamp(text)
        }
        let parts = text.dropFirst(20).split(separator: ":").compactMap { $0.count == 2 ? Int($0) : nil }
        guard text.count == 25, parts.count == 2, let local = parseLocalTimestamp(String(text.prefix(19))) else { return nil }
        let offset = (parts[0] * 3600 + parts[1] * 60) * (sign == "-" ? -1 : 1)
        // `local` read the clock time in the centre's zone; the written offset says which instant it was.
        return local.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: local) - offset))
    }
}
