/// The French report written beside a refused item (`NAME.rapport.txt`): what is
/// wrong, where, and what to do, for a staff member with no technical training.
public enum RejectionReport {
    /// `at`: when, in French words (« le mardi 1er décembre 2026 à 10 h »).
    public static func render(fileName: String, problems: [ItemProblem], at when: String,
                              details: String? = nil) -> String {
        var lines = [
            "Annonce refusée : \(fileName)",
            "Refusée \(when).",
            "",
            problems.count == 1
                ? "Crieur n'a pas publié cette annonce. Il y a 1 chose à corriger :"
                : "Crieur n'a pas publié cette annonce. Il y a \(problems.count) choses à corriger :",
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
