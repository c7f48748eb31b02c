import Foundation

/// Reads one file of `directory/` into a validated `DirectoryEntry`.
///
/// The format is an item's: a header of `Key: value` lines (`DirectoryKey`),
/// a line `---`, then what the service offers. The bytes are decoded like an
/// item's (`TextDecoding`: BOM, CRLF, Windows-1252), and values are checked
/// with the item parser's own pieces (links, dates, header values).
///
/// Pure. On failure it throws one `ItemRejection` listing every problem, each
/// in French with its line and what to do, as for announcements.
public struct DirectoryEntryParser: Sendable {
    public var maxBytes: Int

    public init(maxBytes: Int = 262_144) {
        self.maxBytes = maxBytes
    }

    public func parse(_ data: Data, fileName: String) throws(ItemRejection) -> DirectoryEntry {
        let decoded = try TextDecoding.decodeCollecting(data, maxBytes: maxBytes)
        var problems = decoded.problems
        let lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let separator = lines.firstIndex(where: Self.isSeparator) else {
            problems.append(ItemProblem(
                line: nil, message: "Il manque la ligne « --- » qui sépare la fiche (nom, adresse…) de la présentation du service.",
                fix: "Écrivez les lignes « Nom: … », « Thèmes: … », etc., puis une ligne avec seulement « --- », "
                    + "puis ce que le service propose, en phrases simples."))
            throw ItemRejection(problems)
        }
        let fields = Self.fields(lines[..<separator], problems: &problems)
        let offerText = lines[(separator + 1)...].joined(separator: "\n")
        let entry = Self.entry(
            fields, offerText: offerText, offerFirstLine: separator + 2, separatorLine: separator + 1,
            id: ItemIdentity.of(fileName: fileName), problems: &problems)
        guard let entry, problems.isEmpty else {
            throw ItemRejection(problems.sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) })
        }
        return entry
    }

    /// A header value and the line it is on.
    struct Field {
        var value: String
        var line: Int
    }

    static func fields(_ lines: ArraySlice<String>, problems: inout [ItemProblem]) -> [DirectoryKey: Field] {
        var fields: [DirectoryKey: Field] = [:]
        for (index, text) in zip(lines.indices, lines) where !ItemParser.isBlank(text) {
            let line = index + 1
            guard let colon = text.firstIndex(of: ":"),
                  case let written = text[..<colon].trimmingCharacters(in: .whitespaces), !written.isEmpty
            else {
                problems.append(ItemProblem(
                    line: line, message: "Cette ligne de la fiche n'est pas de la forme « Clé: valeur ».",
                    fix: "Écrivez-la comme « Horaires: du lundi au vendredi de 9 h à 12 h », "
                        + "ou déplacez ce texte sous la ligne « --- »."))
                continue
            }
            guard let key = DirectoryKey(written: written) else {
                let fix = DirectoryKey.suggestion(for: written).map { "Vouliez-vous dire « \($0.frenchName) » ? Corrigez le nom de la clé." }
                    ?? "Les clés possibles sont : \(DirectoryKey.frenchList). Corrigez le nom ou supprimez cette ligne."
                problems.append(ItemProblem(line: line, message: "La clé \(ItemParser.quote(written)) n'est pas connue.", fix: fix))
                continue
            }
            if let earlier = fields[key] {
                problems.append(ItemProblem(
                    line: line,
                    message: "La clé « \(key.frenchName) » apparaît deux fois (lignes \(earlier.line) et \(line)).",
                    fix: "Gardez une seule ligne « \(key.frenchName): » et supprimez l'autre."))
                continue
            }
            fields[key] = Field(value: ItemParser.headerValue(String(text[text.index(after: colon)...])), line: line)
        }
        return fields
    }

    static func entry(
        _ fields: [DirectoryKey: Field], offerText: String, offerFirstLine: Int, separatorLine: Int, id: String,
        problems: inout [ItemProblem]
    ) -> DirectoryEntry? {
        func text(_ key: DirectoryKey) -> String? {
            guard let value = fields[key]?.value, !value.isEmpty else { return nil }
            return value
        }
        let name = text(.name)
        if name == nil {
            problems.append(ItemProblem(
                line: fields[.name]?.line ?? 1, message: "Le nom du service manque.",
                fix: "Ajoutez en haut une ligne comme « Nom: Service énergie du CPAS »."))
        }
        let themes = themeList(text(.themes))
        if themes.isEmpty {
            problems.append(ItemProblem(
                line: fields[.themes]?.line ?? 1, message: "Le service n'a pas de thème : il n'apparaîtrait nulle part dans le bottin.",
                fix: "Ajoutez une ligne comme « Thèmes: Énergie, Logement » (un ou plusieurs thèmes, séparés par des virgules)."))
        }
        if offerText.allSatisfy(\.isWhitespace) {
            problems.append(ItemProblem(
                line: separatorLine, message: "La présentation du service est vide.",
                fix: "Sous la ligne « --- », écrivez en deux ou trois phrases simples ce que le service propose."))
        }
        if [DirectoryKey.address, .phone, .email, .website].allSatisfy({ text($0) == nil }) {
            problems.append(ItemProblem(
                line: 1, message: "La fiche ne dit pas comment joindre le service.",
                fix: "Ajoutez au moins une ligne « Adresse: », « Téléphone: », « E-mail: » ou « Site: »."))
        }
        let phone = fields[.phone].flatMap { checkedPhone($0, problems: &problems) }
        let email = fields[.email].flatMap { checkedEmail($0, problems: &problems) }
        let website = fields[.website].flatMap { field -> String? in
            guard !field.value.isEmpty else { return nil }
            return ItemParser.readLink(HeaderField(key: .link, value: field.value, line: field.line), problems: &problems)
        }
        let checked = fields[.checked].flatMap { checkedDate($0, problems: &problems) }
        guard let name, !themes.isEmpty else { return nil }
        return DirectoryEntry(
            id: id, name: name, organisation: text(.organisation), offer: BodyParser.parse(offerText), offerText: offerText,
            audience: text(.audience), address: text(.address), hours: text(.hours), phone: phone, email: email,
            website: website, languages: text(.languages).map(list) ?? [], accessibility: text(.accessibility),
            themes: themes, checked: checked, nameLine: fields[.name]?.line ?? 1, offerFirstLine: offerFirstLine)
    }

    /// Comma- or semicolon-separated values, trimmed, empty ones dropped.
    static func list(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Themes as written, the first spelling kept when two differ only by case or accents.
    static func themeList(_ value: String?) -> [String] {
        var seen: Set<String> = []
        return (value.map(list) ?? []).filter { seen.insert(DirectoryThemes.key($0)).inserted }
    }

    /// A Belgian number has 9 digits (10 for a mobile), more with +32; spaces, dots, slashes allowed.
    /// Short numbers (107, 1733) have 3 or 4 digits.
    static func checkedPhone(_ field: Field, problems: inout [ItemProblem]) -> String? {
        guard !field.value.isEmpty else { return nil }
        let digits = field.value.filter(\.isNumber).count
        let allowed = field.value.allSatisfy { $0.isNumber || " ./-+()".contains($0) }
        let short = (3...4).contains(digits) && field.value.allSatisfy(\.isNumber)
        guard allowed, short || (9...15).contains(digits) else {
            problems.append(ItemProblem(
                line: field.line, message: "Le numéro de téléphone \(ItemParser.quote(field.value)) n'est pas complet ou contient autre chose que des chiffres.",
                fix: "Écrivez le numéro seul, avec son préfixe, par exemple « 084 31 20 50 » ou « 0470 12 34 56 » ; "
                    + "mettez les heures d'appel dans « Horaires »."))
            return nil
        }
        return field.value
    }

    static func checkedEmail(_ field: Field, problems: inout [ItemProblem]) -> String? {
        guard !field.value.isEmpty else { return nil }
        do {
            return try EmailAddress(validating: field.value).value
        } catch {
            problems.append(ItemProblem(
                line: field.line, message: "L'adresse e-mail \(ItemParser.quote(field.value)) n'est pas valable : \(error.reason).",
                fix: "Écrivez une seule adresse complète, comme energie@cpas-exemple.be."))
            return nil
        }
    }

    static func checkedDate(_ field: Field, problems: inout [ItemProblem]) -> CivilDate? {
        guard !field.value.isEmpty else { return nil }
        switch FrenchDateReader.moment(field.value) {
        case .success(let moment):
            return moment.date
        case .failure(let failure):
            problems.append(ItemParser.dateProblem(
                failure, subject: "La date « Vérifié le » \(ItemParser.quote(field.value))", line: field.line,
                examples: "Écrivez la date du jour où vous avez vérifié la fiche, comme 15/03/2026 ou 15 mars 2026."))
            return nil
        }
    }

    private static func isSeparator(_ line: String) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
