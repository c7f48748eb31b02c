import Foundation

/// Reads one `{ … }` group of the configuration, remembering which keys were
/// used so that a misspelt key is reported instead of silently ignored.
public final class ConfigSection {
    public let path: String
    private let values: [String: JSONValue]
    private var used: Set<String> = []
    private(set) var problems: [ConfigProblem] = []
    private var children: [ConfigSection] = []

    init(path: String, values: [String: JSONValue], isPresent: Bool = true) {
        self.path = path
        self.values = values
        self.isPresent = isPresent
    }

    /// The keys of this group, sorted: for groups whose keys are names chosen by
    /// the administrator (the newsletter's lists).
    public var keys: [String] { values.keys.sorted() }

    /// True when the group was written in the file (even empty).
    public let isPresent: Bool

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func value(_ key: String) -> JSONValue? {
        used.insert(key)
        if case .null = values[key] { return nil }
        return values[key]
    }

    private func wrongType(_ key: String, expected: String, got: JSONValue) {
        problems.append(ConfigProblem(
            "« \(name(key)) » doit être \(expected), pas \(got.typeNameInFrench)."))
    }

    public func string(_ key: String, default fallback: String) -> String {
        guard let raw = value(key) else { return fallback }
        guard case .string(let text) = raw else { wrongType(key, expected: "un texte entre guillemets", got: raw); return fallback }
        return text
    }

    public func optionalString(_ key: String) -> String? {
        guard let raw = value(key) else { return nil }
        guard case .string(let text) = raw else { wrongType(key, expected: "un texte entre guillemets", got: raw); return nil }
        return text.isEmpty ? nil : text
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = value(key) else { return fallback }
        guard case .number(let number) = raw, number == number.rounded(), let whole = Int(exactly: number) else {
            wrongType(key, expected: "un nombre entier", got: raw)
            return fallback
        }
        guard range.contains(whole) else {
            problems.append(ConfigProblem(
                "« \(name(key)) » vaut \(whole) : choisissez un nombre entre \(range.lowerBound) et \(range.upperBound)."))
            return fallback
        }
        return whole
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let raw = value(key) else { return fallback }
        guard case .bool(let flag) = raw else { wrongType(key, expected: "true ou false", got: raw); return fallback }
        return flag
    }

    public func strings(_ key: String, default fallback: [String]) -> [String] {
        guard let raw = value(key) else { return fallback }
        guard case .array(let list) = raw else { wrongType(key, expected: "une liste de textes [\"…\"]", got: raw); return fallback }
        var result: [String] = []
        for element in list {
            guard case .string(let text) = element else {
                wrongType(key, expected: "une liste de textes [\"…\"]", got: element)
                return fallback
            }
            result.append(text)
        }
        return result
    }

    /// A nested group; an absent one reads as empty so every setting keeps its default.
    public func section(_ key: String) -> ConfigSection {
        let raw = value(key)
        var nested: [String: JSONValue] = [:]
        if let raw {
            if case .object(let object) = raw { nested = object } else { wrongType(key, expected: "un groupe { … }", got: raw) }
        }
        let child = ConfigSection(path: name(key), values: nested, isPresent: raw != nil)
        children.append(child)
        return child
    }

    /// A group read by a `Decodable` type of its own (its defaults fill the gaps).
    public func decode<T: Decodable>(_ type: T.Type, _ key: String, default fallback: T) -> T {
        guard let raw = value(key) else { return fallback }
        do {
            let data = try JSONEncoder().encode(raw)
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            problems.append(ConfigProblem("Le groupe « \(name(key)) » n'est pas lisible : \(ConfigSection.describe(error))."))
            return fallback
        }
    }

    /// A problem found by the caller while interpreting a value of this group.
    func report(_ message: String) {
        problems.append(ConfigProblem(message))
    }

    /// Every problem of this group and its children, unknown keys included.
    func allProblems() -> [ConfigProblem] {
        var result = problems
        let known = Array(used)
        for key in values.keys.sorted() where !used.contains(key) {
            var message = "Réglage inconnu « \(name(key)) »."
            if let guess = EditDistance.closest(to: key, among: known) {
                message += " Vouliez-vous dire « \(name(guess)) » ?"
            }
            result.append(ConfigProblem(message))
        }
        for child in children { result += child.allProblems() }
        return result
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "valeur de mauvais type pour « \(where_) »"
        case DecodingError.keyNotFound(let key, _):
            return "« \(key.stringValue) » manque"
        default:
            return "\(error)"
        }
    }
}

/// One thing wrong in `config/crieur.json5`, said to the administrator in French.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The configuration cannot be used; every problem found is listed.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ConfigProblem]

    public var description: String {
        (["La configuration \(file) contient des erreurs :"] + problems.map { "  - \($0.message)" }).joined(separator: "\n")
    }
}
