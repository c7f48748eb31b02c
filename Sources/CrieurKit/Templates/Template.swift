/// A parsed template of Crieur's small template language, ready to fill in
/// many times (once per recipient).
///
/// The language, for the centre's editors:
/// - `{{name}}`, `{{item.title}}`: a value; in an HTML template, text is escaped.
/// - `{{#name}} … {{/name}}`: shown when the value is true or not empty; repeated
///   for each element of a list, inside which `{{title}}` names the element's
///   fields and `{{.}}` the element itself.
/// - `{{^name}} … {{/name}}`: shown when the value is false, empty or an empty list.
/// - `{{! a note }}`: a comment, not shown.
/// A section or comment tag alone on its line takes the line with it.
///
/// There is no way to insert text unescaped from a template: only values the code
/// marked as HTML (`TemplateValue.html`) go in as they are. Values are never read
/// as templates, so `{{` inside an item stays literal. Reading and filling in fail
/// with a `TemplateError` in French that names the line.
public struct Template: Sendable {
    public enum Mode: Sendable { case html, text }

    indirect enum Node: Sendable {
        case text(String)
        case value(path: [String], line: Int)
        case section(path: [String], inverted: Bool, body: [Node], line: Int)
    }

    public let name: String
    public let mode: Mode
    let nodes: [Node]

    public init(parsing source: String, mode: Mode, name: String) throws(TemplateError) {
        self.name = name
        self.mode = mode
        var parser = TemplateParser(source: source, name: name)
        nodes = try parser.parse()
    }

    /// Fills the template in; `context` is the outermost object of names.
    public func render(_ context: TemplateValue) throws(TemplateError) -> String {
        var output = ""
        var scopes = [context]
        var repeating: [String: Int] = [:]
        try render(nodes, scopes: &scopes, repeating: &repeating, into: &output)
        return output
    }

    /// `repeating` holds the lists whose sections are being repeated (where the
    /// name was found and the path) with the line of their section: a section
    /// may not repeat a list it is already inside, else each nesting multiplies
    /// the work by the list's length (12 nested sections over 2 items: 4,096
    /// copies) where a centre's editor only forgot a closing tag.
    private func render(
        _ nodes: [Node], scopes: inout [TemplateValue], repeating: inout [String: Int], into output: inout String
    ) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let path, let line):
                switch try resolve(path, scopes: scopes, line: line).value {
                case .text(let text):
                    output += mode == .html ? HTML.escape(text) : text
                case .html(let html) where mode == .html:
                    output += html
                case .html:
                    throw error(line, "« \(dotted(path)) » est du HTML et ne peut pas aller dans un modèle texte.")
                case .bool:
                    throw error(line, "« \(dotted(path)) » est oui/non : utilisez {{#\(dotted(path))}} … {{/\(dotted(path))}}.")
                case .list:
                    throw error(line, "« \(dotted(path)) » est une liste : utilisez {{#\(dotted(path))}} … {{/\(dotted(path))}}.")
                case .object:
                    throw error(line, "« \(dotted(path)) » est un groupe : nommez un de ses champs, par exemple {{\(dotted(path)).nom}}.")
                }
            case .section(let path, let inverted, let body, let line):
                let (value, scope) = try resolve(path, scopes: scopes, line: line)
                if inverted {
                    if !value.isTruthy { try render(body, scopes: &scopes, repeating: &repeating, into: &output) }
                    continue
                }
                guard value.isTruthy else { continue }
                let elements: [TemplateValue]
                var key: String?
                if case .list(let list) = value {
                    elements = list
                    key = "\(scope)/\(dotted(path))"
                    if let outer = repeating[key!] {
                        throw error(line, "La section « \(dotted(path)) » est déjà ouverte à la ligne \(outer) : une liste ne peut pas se répéter à l'intérieur d'elle-même. Fermez la première avec {{/\(dotted(path))}} avant d'ouvrir celle-ci.")
                    }
                    repeating[key!] = line
                } else {
                    elements = [value]
                }
                defer { if let key { repeating[key] = nil } }
                for element in elements {
                    scopes.append(element)
                    defer { scopes.removeLast() }
                    try render(body, scopes: &scopes, repeating: &repeating, into: &output)
                }
            }
        }
    }

    /// The first name is looked up from the innermost section outwards, the rest
    /// inside it. An unknown name is an error: every value the code offers is
    /// always present (empty when absent), so an unknown name is a typo.
    /// Also returns the index of the scope where the first name was found.
    private func resolve(_ path: [String], scopes: [TemplateValue], line: Int) throws(TemplateError) -> (value: TemplateValue, scope: Int) {
        if path == ["."] { return (scopes[scopes.count - 1], scopes.count - 1) }
        var found: (value: TemplateValue, scope: Int)?
        for index in scopes.indices.reversed() {
            if case .object(let fields) = scopes[index], let value = fields[path[0]] {
                found = (value, index)
                break
            }
        }
        guard let found else {
            throw error(line, "« \(path[0]) » n'existe pas dans ce modèle.\(suggestion(for: path[0], scopes: scopes))")
        }
        var value = found.value
        for (index, key) in path.enumerated().dropFirst() {
            guard case .object(let fields) = value, let next = fields[key] else {
                throw error(line, "« \(dotted(path[...index])) » n'existe pas dans ce modèle.")
            }
            value = next
        }
        return (value, found.scope)
    }

    private func suggestion(for name: String, scopes: [TemplateValue]) -> String {
        var known: [String] = []
        for case .object(let fields) in scopes { known += fields.keys }
        guard let guess = EditDistance.closest(to: name, among: known) else { return "" }
        return " Vouliez-vous dire « \(guess) » ?"
    }

    private func dotted<S: Sequence<String>>(_ path: S) -> String { path.joined(separator: ".") }

    private func error(_ line: Int, _ message: String) -> TemplateError {
        TemplateError(template: name, line: line, message: message)
    }
}
