/// The French report written beside an item (`NAME.rapport.txt`): what is
/// wrong, where, and what to do, for a staff member with no technical training.
/// Beside a refused item in `queue/rejected/`, or beside an item in `queue/done/`
/// that some channels left out or that expired before its publication.
public enum RejectionReport {
    public enum Kind: Sendable, CaseIterable {
        /// Nothing was published.
        case refused
        /// Published on some channels only: the report says which were left out and why.
        case partlyPublished
        /// Valid, but its end passed while it waited: published nowhere.
        case expired

        /// The report's first line starts with it: `crieur status` tells the kinds apart by it.
        public var heading: String {
            switch self {
            case .refused: return "Annonce refusée : "
            case .partlyPublished: return "Annonce publiée en partie : "
            case .expired: return "Annonce expirée : "
            }
        }

        /// The second line's verb: « Refusée le mardi 1er décembre 2026 à 10 h. »
        var verb: String {
            switch self {
            case .refused: return "Refusée"
            case .partlyPublished: return "Publiée"
            case .expired: return "Classée"
            }
        }
    }

    /// `at`: when, in French words (« le mardi 1er décembre 2026 à 10 h »).
    public static func render(fileName: String, problems: [ItemProblem], at when: String,
                              details: String? = nil, kind: Kind = .refused) -> String {
        let things = problems.count == 1 ? "1 chose à corriger" : "\(problems.count) choses à corriger"
        var lines = [
            kind.heading + fileName,
            "\(kind.verb) \(when).",
            "",
            kind == .partlyPublished
                ? "Crieur n'a pas publié cette annonce partout. Voici ce qu'il faut savoir :"
                : "Crieur n'a pas publié cette annonce. Il y a \(things) :",
            "",
        ]
        for (index, problem) in problems.enumerated() {
            let place = problem.line.map { "Ligne \($0) : " } ?? ""
            lines.append("\(index + 1). \(place)\(problem.message)")
            lines.append("   Que faire : \(problem.fix)")
            lines.append("")
        }
        if let details, !details.isEmpty {
            lines.append(details)
            lines.append("")
        }
        lines += [
            "Quand c'est corrigé, déposez le fichier corrigé dans le dossier « queue/incoming »",
            "(ou utilisez la commande « crieur enqueue »). Vous pouvez ensuite supprimer ce rapport",
            "et l'ancienne version du fichier.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
