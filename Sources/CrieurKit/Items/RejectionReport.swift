/// The French report written beside an item (`NAME.rapport.txt`): what is
/// wrong, where, and what to do, for a staff member with no technical training.
/// Beside a refused item in `queue/rejected/`, or beside an item in `queue/done/`
/// that some channels left out or that expired before its publication.
public enum RejectionReport {
    public enum Kind: Sendable {
        /// Nothing was published.
        case refused
        /// Published on some channels, or expired: the report says what was not done.
        case published
    }

    public static func render(fileName: String, problems: [ItemProblem], at timestamp: String,
                              details: String? = nil, kind: Kind = .refused) -> String {
        let things = problems.count == 1 ? "1 chose à corriger" : "\(problems.count) choses à corriger"
        var lines = [
            kind == .refused ? "Annonce refusée : \(fileName)" : "Annonce : \(fileName)",
            "Date : \(timestamp)",
            "",
            kind == .refused
                ? "Crieur n'a pas publié cette annonce. Il y a \(things) :"
                : "Crieur n'a pas publié cette annonce partout. Voici ce qu'il faut savoir :",
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
