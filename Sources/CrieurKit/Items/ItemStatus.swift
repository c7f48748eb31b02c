/// Whether an item is in force or withdrawn by staff (`Statut: annulé`).
public enum ItemStatus: String, Hashable, Sendable, Codable {
    case active
    case cancelled

    /// The status staff mean by `written` (« annulé », « Annulée », « retiré », « actif »…), nil when none.
    init?(written: String) {
        switch NameFolding.fold(written) {
        case "annule", "annulee", "annulation", "retire", "retiree", "supprime", "supprimee", "cancelled", "canceled", "withdrawn":
            self = .cancelled
        case "actif", "active", "publie", "publiee", "en cours", "active.", "published":
            self = .active
        default:
            return nil
        }
    }
}
