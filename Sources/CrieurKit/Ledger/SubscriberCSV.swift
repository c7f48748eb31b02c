import Foundation

/// Turns a subscribers file (`crieur subscribers import FICHIER.csv`) into
/// subscription requests. The header names the columns, in any order: `email`
/// and `source` are required, `name`, `list` and `wording` optional (French
/// names `courriel`, `preuve`, `nom`, `liste`, `version` work too). Encoding,
/// BOM and line ends are tolerated as for announcements (UTF-8, UTF-16,
/// Windows-1252; CRLF).
///
/// Pure: it reads bytes and returns the valid rows and, with their line
/// numbers, the French reasons the others were refused. A file-level problem
/// (not text, bad header) refuses every line.
public enum SubscriberCSV {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var request: SubscriptionRequest
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// Nil for the file as a whole.
        public var line: Int?
        public var message: String

        public var description: String { line.map { "ligne \($0) : \(message)" } ?? message }
    }

    public struct Parsed: Sendable {
        public var rows: [Row] = []
        public var problems: [Problem] = []
        /// True when the file itself is unusable: nothing at all may be imported.
        public var fileRefused = false
    }

    public static let maxBytes = 50 * 1_048_576

    private static let columns: [String: String] = [
        "email": "email", "e-mail": "email", "mail": "email", "courriel": "email", "adresse": "email",
        "source": "source", "preuve": "source",
        "name": "name", "nom": "name",
        "list": "list", "liste": "list",
        "wording": "wording", "version": "wording",
    ]

    public static func parse(_ data: Data) -> Parsed {
        var parsed = Parsed()
        func refuse(_ message: String, line: Int? = nil) -> Parsed {
            parsed.problems = [Problem(line: line, message: message)]
            parsed.fileRefused = true
            return parsed
        }
        let text: String
        do {
            text = try TextDecoding.decodeCollecting(data, maxBytes: maxBytes).text
        } catch {
            return refuse(error.problems[0].message)
        }
        let (records, unclosed) = CSV.parse(text)
        if let unclosed {
            return refuse("un guillemet ouvert n'est jamais fermé : vérifiez les guillemets de cette ligne.", line: unclosed)
        }
        guard let header = records.first else { return refuse("Le fichier est vide.") }
        var index: [String: Int] = [:]
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = columns[name] else {
                return refuse("colonne inconnue « \(raw) ». La première ligne doit être par exemple « email,source,name,list ».", line: header.line)
            }
            index[column] = position
        }
        guard let emailColumn = index["email"], let sourceColumn = index["source"] else {
            return refuse("la première ligne doit nommer au moins les colonnes « email » et « source », par exemple « email,source,name,list ».",
                          line: header.line)
        }
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == header.fields.count else {
                parsed.problems.append(Problem(line: record.line, message:
                    "\(record.fields.count) colonne(s) au lieu de \(header.fields.count) : une virgule en trop ou en moins ? "
                    + "Mettez entre guillemets un texte qui contient une virgule."))
                continue
            }
            func field(_ name: String) -> String? {
                index[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let address: EmailAddress
            do {
                address = try EmailAddress(validating: record.fields[emailColumn])
            } catch {
                parsed.problems.append(Problem(line: record.line, message: error.description))
                continue
            }
            guard !record.fields[sourceColumn].trimmingCharacters(in: .whitespaces).isEmpty else {
                parsed.problems.append(Problem(line: record.line, message:
                    "la preuve du consentement (colonne « source ») est vide, par exemple « formulaire papier n°42 »."))
                continue
            }
            parsed.rows.append(Row(line: record.line, request: SubscriptionRequest(
                address: address, name: field("name"), list: field("list"), source: record.fields[sourceColumn],
                wording: field("wording"))))
        }
        return parsed
    }
}
