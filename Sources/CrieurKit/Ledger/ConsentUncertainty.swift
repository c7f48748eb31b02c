/// The consent ledger cannot be trusted to say who still agrees to receive the
/// newsletter, and nothing is sent until a person acts. Unlike a damaged line
/// (`ConsentLedgerDamage`), nothing unreadable is left to set aside: lines are
/// missing, or a set-aside line waits for a decision.
///
/// Every command that sends, lists or changes consent refuses with this
/// French message (exit 65).
public enum ConsentUncertainty: Error, Sendable, Equatable, CustomStringConvertible {
    /// `data/consent.jsonl` is missing or empty although the seal or the
    /// delivery records show that it held subscribers.
    case missing(evidence: String)
    /// The ledger is shorter than it was last written: lines were lost (a
    /// restore of an older copy, a hand edit, a disk fault).
    case truncated(size: Int, sealed: Int)
    /// A set-aside line that names nobody may have been anyone's withdrawal.
    case undecidedLine(hold: String, line: Int)
    /// `data/consent.holds.jsonl` has a line that cannot be read: it may have held someone back.
    case unreadableHolds(line: Int)

    public var description: String {
        switch self {
        case .missing(let evidence):
            return """
            Le registre des consentements (data/\(ConsentLedger.fileName)) a disparu ou est vide ; pourtant, \(evidence). \
            Par prudence, Crieur n'envoie plus la lettre d'information et ne modifie plus le registre : sans lui, \
            personne ne sait qui s'est désinscrit.
            Restaurez data/\(ConsentLedger.fileName) depuis la dernière sauvegarde (droits 0600), puis relancez. \
            S'il n'existe aucune sauvegarde : vérifiez à la main les désinscriptions reçues (boîte du centre, guichet), \
            puis lancez « crieur consent repair --accept-loss » pour repartir de ce qui reste.
            """
        case .truncated(let size, let sealed):
            return """
            Le registre des consentements (data/\(ConsentLedger.fileName)) est plus court qu'à sa dernière écriture \
            (\(size) octets au lieu de \(sealed) au moins) : des lignes ont disparu (copie plus ancienne remise en place, \
            modification à la main ou erreur du disque). Ces lignes étaient peut-être des désinscriptions : par prudence, \
            Crieur n'envoie plus la lettre d'information et ne modifie plus le registre.
            Restaurez la version la plus récente de data/\(ConsentLedger.fileName), puis relancez. S'il n'en existe pas : \
            vérifiez à la main les désinscriptions récentes, refaites-les après « crieur consent repair --accept-loss ».
            """
        case .undecidedLine(let hold, let line):
            return """
            La ligne \(line) mise de côté du registre des consentements (data/\(ConsentLedger.damagedFileName)) ne dit pas \
            de qui elle parle : c'était peut-être une désinscription. Par prudence, la lettre d'information n'est envoyée \
            à personne tant qu'une personne n'a pas décidé. Relisez la ligne (crieur consent repair --list), refaites à la \
            main la désinscription si c'en était une (crieur consent withdraw EMAIL), puis lancez \
            « crieur consent repair --confirm \(hold) ».
            """
        case .unreadableHolds(let line):
            return "La liste des abonnés mis en attente (data/\(ConsentHolds.fileName)) est abîmée à la ligne \(line). "
                + "Par prudence, la lettre d'information n'est plus envoyée : restaurez ce fichier depuis une sauvegarde, "
                + "ou retirez seulement la ligne incomplète si c'est la dernière."
        }
    }
}
