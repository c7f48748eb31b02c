extension CrieurConfig.Organisation {
    /// The centre's name as it follows « de » in a sentence: « la lettre
    /// d'information du CPAS de Soumagne », « le bottin social de la Commune de
    /// Blegny ». The `organisation.nameWithDe` setting when given, else guessed
    /// from the name (`guessNameWithDe`).
    public var withDe: String {
        nameWithDe ?? Self.guessNameWithDe(name)
    }

    /// French contracts « de » with the article the name takes: « du » before a
    /// masculine institution (« CPAS », « Centre »…), « de la » before a
    /// feminine one (« Commune », « Ville »…), « de l' » before a vowel, « des »,
    /// « du », « de la » for a name written with its own article (« Le Relais »),
    /// and plain « de » otherwise (a place name: « de Soumagne »). A guess: the
    /// setting corrects it.
    public static func guessNameWithDe(_ name: String) -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard let first = name.first else { return "" }
        let words = name.split(separator: " ", maxSplits: 1)
        let firstWord = words.first.map { $0.lowercased() } ?? ""
        let rest = words.count > 1 ? String(words[1]) : ""
        for (article, contracted) in [("le", "du"), ("la", "de la"), ("les", "des")] where firstWord == article && !rest.isEmpty {
            return "\(contracted) \(rest)"
        }
        for apostrophe in ["l'", "l’"] where name.lowercased().hasPrefix(apostrophe) && name.count > 2 {
            return "de l'\(name.dropFirst(2))"
        }
        if "aeiouyàâäéèêëîïôöùûü".contains(first.lowercased()) { return "de l'\(name)" }
        if masculine.contains(firstWord) { return "du \(name)" }
        if feminine.contains(firstWord) { return "de la \(name)" }
        return "de \(name)"
    }

    /// Institutions that take « le » (first word of the name, lower case).
    static let masculine: Set<String> = [
        "cpas", "c.p.a.s.", "centre", "service", "conseil", "collège", "home", "relais", "plan", "foyer",
        "département", "secrétariat", "guichet", "bureau", "comité", "réseau",
    ]
    /// Institutions that take « la ».
    static let feminine: Set<String> = [
        "commune", "ville", "maison", "administration", "province", "région", "fédération", "régie", "cellule",
        "coordination", "société", "permanence", "plateforme",
    ]

    /// The forms a name after « de » may start with.
    static let deForms = ["de ", "du ", "des ", "de la ", "de l'", "de l’", "d'", "d’"]

    /// Reads `organisation.nameWithDe`; a value that does not start with a form
    /// of « de » is reported (someone wrote the bare name).
    static func readNameWithDe(_ section: ConfigSection) -> String? {
        guard let value = section.optionalString("nameWithDe")?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard deForms.contains(where: { value.lowercased().hasPrefix($0) }) else {
            section.report("« organisation.nameWithDe » doit commencer par « du », « de la », « de l' », « des » ou « de », "
                + "comme on l'écrit après « la lettre d'information » : par exemple \"du CPAS de Soumagne\", pas « \(value) ».",
                about: "nameWithDe")
            return nil
        }
        return value
    }
}
