import Foundation

/// Lines of `data/consent.jsonl` that cannot be read: a last line cut short
/// (power cut, full disk) or a line that is not a consent event (edited by
/// hand, disk fault). Never dropped silently: while the ledger is damaged,
/// every command that would change it refuses, and the newsletter is not sent,
/// because the unreadable line could be a withdrawal. `crieur consent repair`
/// sets the lines aside in `data/consent.damaged` (nothing is deleted) and
/// rewrites the ledger without them.
public struct ConsentLedgerDamage: Error, Sendable, CustomStringConvertible {
    public struct DamagedLine: Sendable, Equatable {
        /// 1-based line number in the ledger.
        public var number: Int
        /// The raw bytes, as found.
        public var bytes: Data
        /// True when the line has no line break: the last write was cut short.
        public var unterminated: Bool
    }

    public var lines: [DamagedLine]

    public var description: String {
        var text = "Le registre des consentements (data/\(ConsentLedger.fileName)) est abîmé :\n"
        for line in lines.prefix(5) {
            text += line.unterminated
                ? "  - la ligne \(line.number), la dernière, est incomplète : son écriture a été interrompue (coupure de courant ou disque plein).\n"
                : "  - la ligne \(line.number) n'est pas lisible (fichier modifié à la main ou erreur du disque).\n"
        }
        if lines.count > 5 { text += "  - et \(lines.count - 5) autre(s) ligne(s).\n" }
        text += """
        Par prudence, Crieur ne modifie plus ce registre et n'envoie plus la lettre d'information : \
        la ligne abîmée est peut-être une désinscription. Les abonnés ne sont pas perdus.
        Pour réparer, lancez « crieur consent repair » : la ligne abîmée est affichée et mise de côté dans \
        data/\(ConsentLedger.damagedFileName) (rien n'est effacé). Si elle était peut-être une désinscription, \
        les personnes qu'elle nomme ne reçoivent plus rien jusqu'à votre décision (« crieur consent repair --list »).
        """
        return text
    }
}
