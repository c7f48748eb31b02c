/// Reading `Publication:`, `Fin:` and `Quand:` the way Belgian staff write
/// dates (`FrenchDateReader`, `EventWhen.read`), with a French problem naming
/// the line and showing accepted forms when a value cannot be used.
extension ItemParser {
    static let momentExamples = "Écrivez la date comme 01/10/2026, 2026-10-01 ou 1er octobre 2026, "
        + "avec si besoin l'heure : 01/10/2026 9h00."

    static let whenExamples = "Écrivez par exemple « 12/12/2026 », « 12/12/2026 de 9 h 30 à 12 h », "
        + "« 1er décembre 2026 à 9 h », « du 24/12/2026 au 31/12/2026 » ou « chaque jeudi de 13 h à 16 h »."

    static func readMoment(_ field: HeaderField, problems: inout [ItemProblem]) -> ItemMoment? {
        let which = field.key == .expires ? "La date de fin" : field.key == .repeatUntil ? "La date « Jusqu'au »" : "La date de publication"
        if field.value.isEmpty {
            problems.append(ItemProblem(line: field.line, message: "\(which) est vide.", fix: momentExamples + " Ou supprimez la ligne."))
            return nil
        }
        switch FrenchDateReader.moment(field.value) {
        case .success(let moment):
            return moment
        case .failure(let failure):
            problems.append(dateProblem(failure, subject: "\(which) \(quote(field.value))", line: field.line, examples: momentExamples))
            return nil
        }
    }

    static func readWhen(_ field: HeaderField, problems: inout [ItemProblem]) -> EventWhen? {
        if field.value.isEmpty {
            problems.append(ItemProblem(
                line: field.line, message: "La ligne « Quand » est vide.",
                fix: whenExamples + " Ou supprimez la ligne si l'annonce ne parle pas d'un moment précis."
            ))
            return nil
        }
        let subject = "La date « Quand » \(quote(field.value))"
        switch EventWhen.read(field.value) {
        case .success(let when):
            return when
        case .failure(.date(let failure)):
            problems.append(dateProblem(failure, subject: subject, line: field.line, examples: whenExamples))
        case .failure(.endTimeNotAfterStart(let start, let end)):
            problems.append(ItemProblem(
                line: field.line,
                message: "Dans « Quand », l'heure de fin (\(FrenchDates.time(end))) ne vient pas après l'heure de début "
                    + "(\(FrenchDates.time(start))).",
                fix: "Écrivez d'abord l'heure de début, puis l'heure de fin, par exemple « 12/12/2026 de 9 h 30 à 12 h »."
            ))
        case .failure(.lastDayBeforeFirst(let first, let last)):
            problems.append(ItemProblem(
                line: field.line,
                message: "Dans « Quand », le dernier jour (\(FrenchDates.date(last, referenceYear: nil))) vient avant le premier "
                    + "(\(FrenchDates.date(first, referenceYear: nil))).",
                fix: "Écrivez d'abord le premier jour, puis le dernier, par exemple « du 24/12/2026 au 31/12/2026 »."
            ))
        }
        return nil
    }

    /// One problem for a date that could not be read; `subject` names the value
    /// (« La date de fin « 30/02/2026 » »).
    static func dateProblem(_ failure: FrenchDateReader.Failure, subject: String, line: Int?, examples: String) -> ItemProblem {
        switch failure {
        case .unreadable:
            return ItemProblem(line: line, message: "\(subject) n'est pas comprise.", fix: examples)
        case .impossibleDate(let date):
            let reason = (1...12).contains(date.month)
                ? "\(FrenchDates.monthName(date.month)) \(date.year) n'a que \(CivilDate.daysIn(month: date.month, year: date.year)) jours"
                : "il n'y a que 12 mois"
            return ItemProblem(
                line: line, message: "\(subject) n'existe pas : \(reason).",
                fix: "Vérifiez le jour et le mois dans un calendrier."
            )
        case .impossibleTime:
            return ItemProblem(
                line: line, message: "L'heure dans \(lowercasedFirst(subject)) n'existe pas.",
                fix: "Écrivez une heure entre 0h00 et 23h59, par exemple 9h00 ou 14:30."
            )
        case .wrongWeekday(let date, let written):
            let actual = FrenchDates.weekday(of: date).frenchName
            let day = "\(FrenchDates.dayOfMonth(date.day)) \(FrenchDates.monthName(date.month)) \(date.year)"
            return ItemProblem(
                line: line, message: "Le \(day) est un \(actual), pas un \(written.frenchName).",
                fix: "Corrigez le jour de la semaine (« \(actual) \(day) ») ou la date."
            )
        case .missingYear:
            return ItemProblem(
                line: line, message: "\(subject) n'a pas d'année.",
                fix: "Ajoutez l'année, par exemple « 7 décembre 2026 » ou « 07/12/2026 »."
            )
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
