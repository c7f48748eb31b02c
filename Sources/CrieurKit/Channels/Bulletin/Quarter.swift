/// A quarter of the calendar year, written `2026-T4` as Belgian communes name
/// their bulletin's issues (T for *trimestre*): T1 is January to March, T4
/// October to December.
///
/// Pure. Parsing fails with a French message for staff; a quarter built from
/// numbers out of range is a broken invariant.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init(year: Int, number: Int) {
        precondition((1...4).contains(number) && (1...9999).contains(year), "no quarter \(year)-T\(number)")
        self.year = year
        self.number = number
    }

    /// The quarter a day falls in.
    public init(containing date: CivilDate) {
        self.init(year: date.year, number: (date.month - 1) / 3 + 1)
    }

    /// Reads `AAAA-Tn` (the `T` in either case, spaces around ignored).
    public static func parse(_ text: String) throws(QuarterError) -> Quarter {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
              let year = Int(parts[0]), (1...9999).contains(year),
              parts[1].count == 2, parts[1].first == "T" || parts[1].first == "t",
              let number = Int(parts[1].dropFirst()), (1...4).contains(number) else {
            throw QuarterError(text: text)
        }
        return Quarter(year: year, number: number)
    }

    public var firstDay: CivilDate { CivilDate(year: year, month: number * 3 - 2, day: 1) }

    public var lastDay: CivilDate {
        let month = number * 3
        return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
    }

    public func contains(_ date: CivilDate) -> Bool { firstDay <= date && date <= lastDay }

    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
    }

    /// `2026-T4`, also the name of the draft's files.
    public var description: String { "\(year)-T\(number)" }

    /// "4e trimestre 2026 (octobre à décembre)".
    public var frenchName: String {
        let ordinal = number == 1 ? "1er" : "\(number)e"
        let months = "\(FrenchDates.monthName(number * 3 - 2)) à \(FrenchDates.monthName(number * 3))"
        return "\(ordinal) trimestre \(year) (\(months))"
    }

    public static func < (a: Quarter, b: Quarter) -> Bool {
        (a.year, a.number) < (b.year, b.number)
    }
}

/// A quarter that cannot be read, said to staff in French.
public struct QuarterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as it was given.
    public var text: String

    public var description: String {
        "« \(text) » n'est pas un trimestre : écrivez l'année, un tiret, puis T1, T2, T3 ou T4 (par exemple 2026-T4)."
    }
}
