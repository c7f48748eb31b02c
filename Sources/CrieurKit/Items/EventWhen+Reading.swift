/// Reading `Quand:` as staff write it, on top of `FrenchDateReader`.
///
/// Accepted (case and accents optional; any date form `FrenchDateReader` takes):
/// - a day: `12/12/2026`, `le samedi 12 décembre 2026`;
/// - a day and time: `01/12/2026 à 9 h`, `1er décembre 2026 9h`;
/// - a time range: `12/12/2026 9 h 30 - 12 h`, `12/12/2026 de 9 h 30 à 12 h`;
/// - a span of days: `du 24/12/2026 au 31/12/2026`, optionally with daily times
///   (`du 24/12/2026 au 31/12/2026, de 9 h à 12 h`);
/// - a weekly rhythm: `chaque jeudi de 13 h à 16 h`, `tous les lundis et jeudis à 9 h`,
///   optionally within a span: `chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027`.
extension EventWhen {
    /// Why a `Quand:` value was refused.
    public enum ReadingFailure: Error, Hashable, Sendable {
        /// A date or time in it is unreadable, impossible or contradicts its weekday.
        case date(FrenchDateReader.Failure)
        /// « de 12 h à 9 h »
        case endTimeNotAfterStart(CivilTime, CivilTime)
        /// « du 31/12/2026 au 24/12/2026 »
        case lastDayBeforeFirst(CivilDate, CivilDate)
    }

    public static func read(_ text: String) -> Result<EventWhen, ReadingFailure> {
        var scanner = FrenchDateReader.Scanner(text)
        do throws(ReadingFailure) {
            let when = try read(&scanner)
            guard scanner.atEnd else { throw .date(.unreadable) }
            return .success(when)
        } catch {
            return .failure(error)
        }
    }

    private static func read(_ scanner: inout FrenchDateReader.Scanner) throws(ReadingFailure) -> EventWhen {
        if scanner.skip(word: "chaque") || (scanner.skip(word: "tous") && scanner.skip(word: "les")) {
            let days = try weekdays(&scanner)
            let times = try timeRange(&scanner)
            _ = scanner.skip(symbol: ",")
            var span: (CivilDate, CivilDate)?
            if scanner.skip(word: "du") { span = try daySpan(&scanner) }
            return EventWhen(firstDay: span?.0, lastDay: span?.1, weekdays: days, startTime: times.start, endTime: times.end)
        }
        if scanner.skip(word: "du") {
            let (first, last) = try daySpan(&scanner)
            _ = scanner.skip(symbol: ",")
            let times = try timeRange(&scanner)
            return EventWhen(firstDay: first, lastDay: last, startTime: times.start, endTime: times.end)
        }
        _ = scanner.skip(word: "le")
        let day = try date(&scanner)
        let times = try timeRange(&scanner)
        return .day(day, from: times.start, to: times.end)
    }

    /// « jeudi », « lundi et jeudi », « lundis, mercredis et vendredis », Monday first.
    private static func weekdays(_ scanner: inout FrenchDateReader.Scanner) throws(ReadingFailure) -> [FrenchDates.Weekday] {
        guard let first = scanner.weekday() else { throw .date(.unreadable) }
        var days: Set<FrenchDates.Weekday> = [first]
        while true {
            if scanner.next == .word("et") || scanner.next == .symbol(",") {
                guard case .word(let word)? = scanner.peek(1), FrenchDateReader.Scanner.weekday(named: word) != nil else { break }
                scanner.advance()
                if let day = scanner.weekday() { days.insert(day) }
            } else {
                break
            }
        }
        return days.sorted { $0.rawValue < $1.rawValue }
    }

    /// After « du »: « 24/12/2026 au 31/12/2026 ».
    private static func daySpan(_ scanner: inout FrenchDateReader.Scanner) throws(ReadingFailure) -> (CivilDate, CivilDate) {
        let first = try date(&scanner)
        guard scanner.skip(word: "au") else { throw .date(.unreadable) }
        let last = try date(&scanner)
        guard first < last else {
            if first == last { return (first, last) }
            throw .lastDayBeforeFirst(first, last)
        }
        return (first, last)
    }

    /// « à 9 h », « 9 h », « de 9 h 30 à 12 h », « 9 h 30 - 12 h », or nothing.
    private static func timeRange(
        _ scanner: inout FrenchDateReader.Scanner
    ) throws(ReadingFailure) -> (start: CivilTime?, end: CivilTime?) {
        if scanner.atEnd || scanner.next == .symbol(",") && scanner.peek(1) == .word("du") { return (nil, nil) }
        _ = scanner.skip(symbol: ",")
        let start: CivilTime
        if scanner.skip(word: "de") {
            start = try time(&scanner)
            guard scanner.skip(word: "a") || scanner.skip(symbol: "-") else { throw .date(.unreadable) }
        } else {
            _ = scanner.skip(word: "a")
            start = try time(&scanner)
            guard scanner.skip(word: "a") || scanner.skip(symbol: "-") else { return (start, nil) }
        }
        let end = try time(&scanner)
        guard start < end else { throw .endTimeNotAfterStart(start, end) }
        return (start, end)
    }

    private static func date(_ scanner: inout FrenchDateReader.Scanner) throws(ReadingFailure) -> CivilDate {
        do {
            return try scanner.date()
        } catch {
            throw .date(error)
        }
    }

    private static func time(_ scanner: inout FrenchDateReader.Scanner) throws(ReadingFailure) -> CivilTime {
        do {
            return try scanner.time()
        } catch {
            throw .date(error)
        }
    }
}
