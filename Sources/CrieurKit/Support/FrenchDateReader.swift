import Foundation

/// Reads dates and times the way Belgian staff write them, the counterpart of
/// `FrenchDates` (which writes them): every date field of an item
/// (`Publication`, `Fin`, `Quand`) and `--now` go through it.
///
/// Accepted days: `2026-12-07`, `07/12/2026`, `7-12-2026`, `7.12.2026`, and
/// written French dates with their year: `7 décembre 2026`, `1er décembre 2026`,
/// `lundi 7 décembre 2026`, `7 déc. 2026`, `7 decembre 2026` (case and accents
/// do not matter). A weekday may precede any of them and must be the right one.
/// Times: `9:00`, `09:00:00`, `9h`, `9h30`, `9 h 30`, `midi`.
///
/// Pure and linear in the text's length: the text is cut into tokens once, and
/// the readers walk the tokens forward. An unreadable text is a `Failure`,
/// never a crash.
public enum FrenchDateReader {
    /// Why a text is not a date (or a time), for the caller's French message.
    public enum Failure: Error, Hashable, Sendable {
        case unreadable
        /// Well written but not on the calendar, such as 30 February.
        case impossibleDate(CivilDate)
        case impossibleTime
        /// « mardi 7 décembre 2026 »: the 7th is a Monday.
        case wrongWeekday(CivilDate, written: FrenchDates.Weekday)
        /// « 7 décembre » without a year: which December is meant is a guess.
        case missingYear
    }

    /// A day and an optional time: `Publication`, `Fin`, `--now`.
    /// `2026-12-07T09:00`, `07/12/2026 à 9 h`, `lundi 7 décembre 2026 9h30`.
    public static func moment(_ text: String) -> Result<ItemMoment, Failure> {
        var scanner = Scanner(text)
        do {
            let date = try scanner.date()
            var time: CivilTime?
            if !scanner.atEnd {
                _ = scanner.skip(word: "t") || scanner.skip(word: "a")
                time = try scanner.time()
            }
            guard scanner.atEnd else { return .failure(.unreadable) }
            return .success(ItemMoment(date: date, time: time))
        } catch {
            return .failure(error)
        }
    }

    /// The text cut into tokens, and readers of dates and times that move
    /// forward over them; `EventWhen`'s reader builds on it.
    struct Scanner {
        enum Token: Equatable {
            /// ASCII digits only (not Arabic or Devanagari ones), with their count.
            case number(Int, digits: Int)
            /// Letters, lower-cased, without accents.
            case word(String)
            case symbol(Character)
        }

        private(set) var tokens: [Token]
        private(set) var position = 0

        /// Longer values are no date staff wrote: refused without reading them.
        static let maxLength = 200

        init(_ text: String) {
            tokens = text.utf8.count > Self.maxLength ? [.symbol("…")] : Self.tokens(of: text)
        }

        var atEnd: Bool { position == tokens.count }
        var next: Token? { position < tokens.count ? tokens[position] : nil }

        func peek(_ offset: Int) -> Token? {
            position + offset < tokens.count ? tokens[position + offset] : nil
        }

        mutating func advance() { position += 1 }

        /// Consumes `word` when it is next.
        mutating func skip(word: String) -> Bool {
            guard next == .word(word) else { return false }
            position += 1
            return true
        }

        mutating func skip(symbol: Character) -> Bool {
            guard next == .symbol(symbol) else { return false }
            position += 1
            return true
        }

        /// The weekday named by the next word (« lundi », « lundis »), consumed; nil otherwise.
        mutating func weekday() -> FrenchDates.Weekday? {
            guard case .word(let word) = next, let day = Self.weekday(named: word) else { return nil }
            position += 1
            return day
        }

        static func weekday(named word: String) -> FrenchDates.Weekday? {
            let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
            return FrenchDates.Weekday.allCases.first { $0.frenchName == singular }
        }

        /// A day, with an optional weekday before it that must match.
        mutating func date() throws(Failure) -> CivilDate {
            let written = weekday()
            let date = try dateWithoutWeekday()
            guard date.isValid else { throw .impossibleDate(date) }
            if let written, FrenchDates.weekday(of: date) != written {
                throw .wrongWeekday(date, written: written)
            }
            return date
        }

        private mutating func dateWithoutWeekday() throws(Failure) -> CivilDate {
            guard case .number(let first, let firstDigits) = next else { throw .unreadable }
            // 2026-12-07
            if firstDigits == 4 {
                guard case .symbol("-") = peek(1), case .number(let month, let monthDigits) = peek(2), monthDigits <= 2,
                      case .symbol("-") = peek(3), case .number(let day, let dayDigits) = peek(4), dayDigits <= 2
                else { throw .unreadable }
                position += 5
                return CivilDate(year: first, month: month, day: day)
            }
            guard firstDigits <= 2 else { throw .unreadable }
            // 07/12/2026, 7-12-2026, 7.12.2026 (one separator, written twice)
            if case .symbol(let separator) = peek(1), "/.-".contains(separator),
               case .number(let month, let monthDigits) = peek(2) {
                guard monthDigits <= 2, case .symbol(separator) = peek(3),
                      case .number(let year, let yearDigits) = peek(4), yearDigits == 4
                else { throw .unreadable }
                position += 5
                return CivilDate(year: year, month: month, day: first)
            }
            // 1er décembre 2026, 7 déc. 2026
            position += 1
            _ = skip(word: "er")
            guard case .word(let name) = next, let month = Self.month(named: name) else { throw .unreadable }
            position += 1
            _ = skip(symbol: ".")
            guard case .number(let year, let yearDigits) = next, yearDigits == 4 else {
                if case .number = next { throw .unreadable }
                throw .missingYear
            }
            position += 1
            return CivilDate(year: year, month: month, day: first)
        }

        /// A time of day: `9:00`, `09:00:00`, `9h`, `9h30`, `9 h 30`, `midi`.
        mutating func time() throws(Failure) -> CivilTime {
            if skip(word: "midi") { return CivilTime(hour: 12, minute: 0) }
            guard case .number(let hour, let hourDigits) = next, hourDigits <= 2 else { throw .unreadable }
            var minute = 0, second = 0
            if case .symbol(":") = peek(1) {
                guard case .number(let minutes, 2) = peek(2) else { throw .unreadable }
                minute = minutes
                position += 3
                if case .symbol(":") = next {
                    guard case .number(let seconds, 2) = peek(1) else { throw .unreadable }
                    second = seconds
                    position += 2
                }
            } else if case .word("h") = peek(1) {
                position += 2
                if case .number(let minutes, 2) = next {
                    minute = minutes
                    position += 1
                }
            } else {
                throw .unreadable
            }
            let time = CivilTime(hour: hour, minute: minute)
            guard time.isValid, second < 60 else { throw .impossibleTime }
            return time
        }

        /// Month names and the abbreviations French uses, without accents.
        static func month(named word: String) -> Int? {
            switch word {
            case "janvier", "janv", "jan": return 1
            case "fevrier", "fevr", "fev": return 2
            case "mars": return 3
            case "avril", "avr": return 4
            case "mai": return 5
            case "juin": return 6
            case "juillet", "juil": return 7
            case "aout": return 8
            case "septembre", "sept", "sep": return 9
            case "octobre", "oct": return 10
            case "novembre", "nov": return 11
            case "decembre", "dec": return 12
            default: return nil
            }
        }

        /// Digits, letters (folded) and punctuation; spaces separate. A character
        /// that has no place in a date (a quote, an Arabic digit) is a symbol of
        /// its own, which no reader accepts.
        private static func tokens(of text: String) -> [Token] {
            var tokens: [Token] = []
            var digits = 0, value = 0
            var letters = ""
            func flush() {
                if digits > 0 {
                    // More digits than any date has: kept as a number no reader accepts.
                    tokens.append(.number(digits > 9 ? Int.max : value, digits: digits))
                    digits = 0
                    value = 0
                }
                if !letters.isEmpty {
                    tokens.append(.word(letters))
                    letters = ""
                }
            }
            for character in text.lowercased() {
                if let ascii = character.asciiValue, (48...57).contains(ascii) {
                    if !letters.isEmpty { flush() }
                    if digits < 10 { value = value * 10 + Int(ascii - 48) }
                    digits += 1
                } else if character.isLetter {
                    if digits > 0 { flush() }
                    letters += Self.withoutAccent(character)
                } else {
                    flush()
                    if character.isWhitespace { continue }
                    // Dashes as word processors type them are the hyphen staff meant.
                    tokens.append(.symbol("–—‑".contains(character) ? "-" : character))
                }
            }
            flush()
            return tokens
        }

        private static func withoutAccent(_ character: Character) -> String {
            if character.isASCII { return String(character) }
            return String(character).folding(options: [.diacriticInsensitive], locale: nil)
        }
    }
}
