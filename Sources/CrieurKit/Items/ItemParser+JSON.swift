import Foundation

/// `.json` items: one object with the same fields as the header (English or
/// French names) and the body under `body`, `texte` or `text`.
extension ItemParser {
    private static let bodyKeys: Set<String> = ["body", "texte", "text"]

    static func jsonDocument(_ text: String, problems: inout [ItemProblem]) -> ItemDocument? {
        let data = Data(text.utf8)
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            problems.append(malformedJSON(data))
            return nil
        }
        guard case .object(let members) = root else {
            problems.append(ItemProblem(
                line: nil, message: "Le fichier JSON doit contenir un seul objet, entre accolades { }.",
                fix: "Écrivez l'annonce comme {\"title\": \"…\", \"channels\": [\"facebook\"], \"body\": \"…\"}."
            ))
            return nil
        }
        var fields: [HeaderField] = []
        var body: (key: String, text: String)?
        var writtenKeys: [HeaderKey: String] = [:]
        var refusedKeys: Set<HeaderKey> = []
        // Objects have no order; sorting keeps the report the same from one run to the next.
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            if case .null = value { continue }
            if bodyKeys.contains(NameFolding.foldKey(key)) {
                if let body {
                    problems.append(duplicateJSONKey(first: body.key, second: key))
                } else if let text = jsonString(value, key: key, problems: &problems) {
                    let text = TextDecoding.withLineFeeds(text)
                    problems += TextDecoding.forbiddenCharacterProblems(in: text, firstLine: nil, field: key)
                    body = (key, text)
                }
                continue
            }
            guard let headerKey = HeaderKey(written: key) else {
                problems.append(unknownKey(key, line: nil, format: .json))
                if let meant = HeaderKey.suggestion(for: key) { refusedKeys.insert(meant) }
                continue
            }
            if let first = writtenKeys[headerKey] {
                problems.append(duplicateJSONKey(first: first, second: key))
                continue
            }
            writtenKeys[headerKey] = key
            guard let flat = flatten(value, key: key, headerKey: headerKey, problems: &problems) else {
                refusedKeys.insert(headerKey)
                continue
            }
            fields.append(HeaderField(key: headerKey, value: headerValue(flat), line: nil))
        }
        if body == nil {
            problems.append(ItemProblem(
                line: nil, message: "Il manque le texte de l'annonce.",
                fix: "Ajoutez \"body\" avec le texte, par exemple \"body\": \"Le CPAS est fermé lundi.\"."
            ))
        }
        let item = buildItem(
            fields: fields, bodyText: body?.text, bodyFirstLine: 1, emptyBodyLine: nil, missingFieldLine: nil,
            format: .json, refusedKeys: refusedKeys, problems: &problems
        )
        return item.map { ItemDocument(item: $0, bodyText: $0.bodyText, bodyFirstLine: 1, title: $0.title) }
    }

    /// A field's value as one line of text, or nil after a problem.
    static func flatten(
        _ value: JSONValue, key: String, headerKey: HeaderKey, problems: inout [ItemProblem]
    ) -> String? {
        let text: String
        switch (headerKey, value) {
        case (.urgent, .bool(let flag)):
            text = flag ? "oui" : "non"
        case (.channels, .array(let elements)), (.tags, .array(let elements)):
            var names: [String] = []
            for element in elements {
                guard case .string(let name) = element else {
                    problems.append(ItemProblem(
                        line: nil, message: "La liste \(quote(key)) ne doit contenir que des textes entre guillemets.",
                        fix: "Écrivez par exemple \"\(key)\": [\"\(headerKey == .channels ? "newsletter" : "chauffage")\", \"…\"]."
                    ))
                    return nil
                }
                names.append(name)
            }
            text = names.joined(separator: ", ")
        default:
            guard let string = jsonString(value, key: key, problems: &problems) else { return nil }
            text = string
        }
        let forbidden = TextDecoding.forbiddenCharacterProblems(in: text, firstLine: nil, field: key)
        if !forbidden.isEmpty {
            problems += forbidden
            return nil
        }
        if text.contains(where: \.isNewline) {
            problems.append(ItemProblem(
                line: nil, message: "La valeur de \(quote(key)) doit tenir sur une seule ligne.",
                fix: "Retirez les retours à la ligne (\\n) de \(quote(key))."
            ))
            return nil
        }
        return text
    }

    private static func jsonString(_ value: JSONValue, key: String, problems: inout [ItemProblem]) -> String? {
        if case .string(let text) = value { return text }
        problems.append(ItemProblem(
            line: nil, message: "La valeur de \(quote(key)) doit être un texte entre guillemets.",
            fix: "Écrivez par exemple \"\(key)\": \"…\", avec des guillemets droits autour du texte."
        ))
        return nil
    }

    private static func duplicateJSONKey(first: String, second: String) -> ItemProblem {
        let same = first == second ? quote(first) : "\(quote(first)) et \(quote(second))"
        return ItemProblem(
            line: nil, message: "Le même champ est donné deux fois : \(same).",
            fix: "Gardez un seul de ces champs et supprimez l'autre."
        )
    }

    /// JSONDecoder does not say where the syntax breaks; JSONSerialization says
    /// "around character N" (a byte offset), which becomes a line number.
    private static func malformedJSON(_ data: Data) -> ItemProblem {
        var line: Int?
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let match = description.firstMatch(of: /character ([0-9]+)/), let offset = Int(match.1) {
                line = data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            } else if description.contains("end of file") {
                line = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
        }
        let place = line.map { " près de la ligne \($0)" } ?? ""
        return ItemProblem(
            line: line,
            message: "Le fichier JSON est mal formé\(place) : Crieur ne peut pas le lire.",
            fix: "Vérifiez les guillemets, les virgules et les accolades\(line == nil ? "" : " à cet endroit"), "
                + "ou écrivez plutôt l'annonce dans un fichier texte (.txt), plus simple."
        )
    }
}
