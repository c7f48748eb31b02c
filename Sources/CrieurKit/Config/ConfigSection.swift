import Foundation

/// Reads one `{ … }` group of the configuration, remembering which keys were
/// used so that a misspelt key is reported instead of silently ignored. Every
/// problem names where it is: the value's line and column for a wrong type or
/// an out-of-range value, the key's for an unknown key, the group's opening
/// brace for a problem of the group as a whole.
public final class ConfigSection {
    public let path: String
    private let object: JSON5Object
    /// Where the group's `{` is; nil when the group is not in the file.
    public let position: TextPosition?
    /// Where problems of this group point: its own `{`, else its parent's.
    private let anchor: TextPosition?
    private var used: Set<String> = []
    private(set) var problems: [ConfigProblem] = []
    private var children: [ConfigSection] = []

    init(path: String, object: JSON5Object, position: TextPosition?, anchor: TextPosition? = nil) {
        self.path = path
        self.object = object
        self.position = position
        self.anchor = position ?? anchor
    }

    /// The keys of this group, sorted: for groups whose keys are names chosen by
    /// the administrator (the newsletter's lists).
    public var keys: [String] { object.members.map(\.key).sorted() }

    /// True when the group was written in the file (even empty).
    public var isPresent: Bool { position != nil }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func value(_ key: String) -> JSON5Node? {
        used.insert(key)
        guard let member = object[key] else { return nil }
        if case .null = member.value.content { return nil }
        return member.value
    }

    private func wrongType(_ key: String, expected: String, got: JSON5Node) {
        problems.append(ConfigProblem(
            "« \(name(key)) » doit être \(expected), pas \(got.typeNameInFrench).", at: got.position))
    }

    public func string(_ key: String, default fallback: String) -> String {
        guard let raw = value(key) else { return fallback }
        guard case .string(let text) = raw.content else { wrongType(key, expected: "un texte entre guillemets", got: raw); return fallback }
        return text
    }

    public func optionalString(_ key: String) -> String? {
        guard let raw = value(key) else { return nil }
        guard case .string(let text) = raw.content else { wrongType(key, expected: "un texte entre guillemets", got: raw); return nil }
        return text.isEmpty ? nil : text
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = value(key) else { return fallback }
        guard case .number(let number) = raw.content, number == number.rounded(), let whole = Int(exactly: number) else {
            wrongType(key, expected: "un nombre entier", got: raw)
            return fallback
        }
        guard range.contains(whole) else {
            problems.append(ConfigProblem(
                "« \(name(key)) » vaut \(whole) : choisissez un nombre entre \(range.lowerBound) et \(range.upperBound).",
                at: raw.position))
            return fallback
        }
        return whole
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let raw = value(key) else { return fallback }
        guard case .bool(let flag) = raw.content else { wrongType(key, expected: "true ou false", got: raw); return fallback }
        return flag
    }

    public func strings(_ key: String, default fallback: [String]) -> [String] {
        guard let raw = value(key) else { return fallback }
        guard case .array(let list) = raw.content else { wrongType(key, expected: "une liste de textes [\"…\"]", got: raw); return fallback }
        var result: [String] = []
        for element in list {
            guard case .string(let text) = element.content else {
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
        var nested = JSON5Object()
        var position: TextPosition?
        if let raw {
            if case .object(let object) = raw.content {
                nested = object
                position = raw.position
            } else {
                wrongType(key, expected: "un groupe { … }", got: raw)
            }
        }
        let child = ConfigSection(path: name(key), object: nested, position: position, anchor: raw?.position ?? anchor)
        children.append(child)
        return child
    }

    /// A group read by a `Decodable` type of its own (its defaults fill the
    /// gaps), as strictly as the other groups: a key the type never asks for is
    /// reported like any unknown key, and a wrong value names its line.
    public func decode<T: Decodable>(_ type: T.Type, _ key: String, default fallback: T) -> T {
        guard let raw = value(key) else { return fallback }
        let log = ConfigDecoder.Log()
        do {
            let result = try T(from: ConfigDecoder(node: raw, codingPath: [], log: log))
            problems += log.unknownKeys(under: name(key))
            return result
        } catch {
            problems.append(ConfigDecoder.problem(for: error, in: raw, named: name(key)))
            return fallback
        }
    }

    /// A problem found by the caller while interpreting this group as a whole;
    /// it names the line of the group's `{` (of its parent's when it is absent).
    public func report(_ message: String) {
        problems.append(ConfigProblem(message, at: anchor))
    }

    /// A problem found by the caller with the setting `key` of this group; it
    /// names the line of the key (of the group when the key is absent).
    public func report(_ message: String, about key: String) {
        problems.append(ConfigProblem(message, at: object[key]?.keyPosition ?? anchor))
    }

    /// Every problem of this group and its children, unknown keys included.
    func allProblems() -> [ConfigProblem] {
        var result = problems
        let known = Array(used)
        for member in object.members where !used.contains(member.key) {
            result.append(ConfigSection.unknownKey(name(member.key), guess: EditDistance.closest(to: member.key, among: known).map(name),
                                                   at: member.keyPosition))
        }
        for child in children { result += child.allProblems() }
        return result
    }

    static func unknownKey(_ fullName: String, guess: String?, at position: TextPosition) -> ConfigProblem {
        var message = "Réglage inconnu « \(fullName) »."
        if let guess { message += " Vouliez-vous dire « \(guess) » ?" }
        return ConfigProblem(message, at: position)
    }
}

/// One thing wrong in `config/crieur.json5`, said to the administrator in
/// French, with where it is in the file when it concerns a key, a value or the
/// text itself.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The sentence, without the position.
    public var message: String
    public var position: TextPosition?

    public init(_ message: String, at position: TextPosition? = nil) {
        self.message = message
        self.position = position
    }

    /// « ligne 12, colonne 5 : il manque une virgule… »; the message alone when
    /// it concerns no place in the file.
    public var description: String {
        guard let position else { return message }
        return "\(position) : \(message)"
    }
}

/// The configuration cannot be used; every problem found is listed, in the
/// order of the file.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ConfigProblem]

    public init(file: String, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        (["La configuration \(file) contient des erreurs :"] + problems.map { "  - \($0.description)" }).joined(separator: "\n")
    }
}
