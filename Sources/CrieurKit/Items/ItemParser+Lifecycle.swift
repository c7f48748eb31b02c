/// Reading the keys that give an item a life over time: its identity (`Id`),
/// withdrawal (`Statut`, `Raison`), recurrence (`Répéter`, `Jusqu'au`) and the
/// screen's own short text (`Texte écran`).
extension ItemParser {
    struct Lifecycle {
        var id: String?
        var status: ItemStatus = .active
        var reason: String?
        var repetition: Repetition?
        var until: ItemMoment?
        var screenText: String?
    }

    static let maxIDLength = 80

    static func readLifecycle(
        _ byKey: [HeaderKey: HeaderField], publication: ItemMoment?, problems: inout [ItemProblem]
    ) -> Lifecycle {
        var lifecycle = Lifecycle()
        if let field = byKey[.id], let id = readNonEmpty(field, problems: &problems) {
            if id.count > maxIDLength {
                problems.append(ItemProblem(
                    line: field.line, message: "L'identifiant est trop long : \(id.count) caractères, pour \(maxIDLength) au maximum.",
                    fix: "Choisissez quelques mots courts, par exemple « Id: colis-de-noel »."))
            } else {
                lifecycle.id = id
            }
        }
        if let field = byKey[.status] {
            if let status = ItemStatus(written: field.value) {
                lifecycle.status = status
            } else {
                problems.append(ItemProblem(
                    line: field.line, message: "Le statut \(quote(field.value)) n'est pas compris.",
                    fix: "Écrivez « Statut: annulé » pour retirer l'annonce partout, ou supprimez la ligne."))
            }
        }
        if let field = byKey[.reason] {
            lifecycle.reason = readNonEmpty(field, problems: &problems)
            if lifecycle.status != .cancelled, lifecycle.reason != nil, byKey[.status] == nil {
                problems.append(ItemProblem(
                    line: field.line, message: "Une raison est donnée, mais l'annonce n'est pas annulée.",
                    fix: "Ajoutez « Statut: annulé » pour retirer l'annonce, ou supprimez la ligne « Raison: »."))
            }
        }
        if let field = byKey[.repetition] {
            if let repetition = Repetition(written: field.value) {
                lifecycle.repetition = repetition
            } else {
                problems.append(ItemProblem(
                    line: field.line, message: "La répétition \(quote(field.value)) n'est pas comprise.",
                    fix: "Écrivez « Répéter: chaque année », « Répéter: chaque mois » ou « Répéter: chaque semaine »."))
            }
            if publication == nil {
                problems.append(ItemProblem(
                    line: field.line, message: "Une annonce qui revient doit dire quand elle paraît la première fois.",
                    fix: "Ajoutez une ligne « Publication: » avec le premier jour, par exemple « Publication: 01/10/2026 »."))
            }
        }
        if let field = byKey[.repeatUntil] {
            lifecycle.until = readMoment(field, problems: &problems)
            if byKey[.repetition] == nil {
                problems.append(ItemProblem(
                    line: field.line, message: "« Jusqu'au » est donné, mais l'annonce ne se répète pas.",
                    fix: "Ajoutez une ligne « Répéter: chaque année » (ou chaque mois, chaque semaine), ou supprimez « Jusqu'au »."))
            }
        }
        if let field = byKey[.screenText] {
            lifecycle.screenText = readNonEmpty(field, problems: &problems)
        }
        return lifecycle
    }
}
