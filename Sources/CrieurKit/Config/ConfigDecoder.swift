/// Decodes a `Decodable` settings type (`FacebookSettings`, `ReadabilitySettings`,
/// `NewsletterSchedule`…) straight from a group of the configuration, for
/// `ConfigSection.decode`. Strict like the rest: numbers are numbers (`1` is
/// never `true`, `1.5` never an `Int`), every key the type asks for is logged so
/// that the others are reported as unknown, and an error keeps the coding path
/// from which `problem(for:in:named:)` finds the value's line and column.
struct ConfigDecoder: Decoder {
    let node: JSON5Node
    let codingPath: [any CodingKey]
    let log: Log
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Which keys of which groups the type asked for.
    final class Log {
        private var groups: [(path: [String], object: JSON5Object)] = []
        private var asked: [[String]: Set<String>] = [:]

        func opened(_ object: JSON5Object, at path: [String]) {
            if asked[path] == nil {
                asked[path] = []
                groups.append((path, object))
            }
        }

        func asked(_ key: String, at path: [String]) {
            asked[path, default: []].insert(key)
        }

        /// The keys never asked for, as problems, with the closest asked one suggested.
        func unknownKeys(under prefix: String) -> [ConfigProblem] {
            var result: [ConfigProblem] = []
            for (path, object) in groups {
                let known = asked[path] ?? []
                let base = ([prefix] + path).joined(separator: ".")
                for member in object.members where !known.contains(member.key) {
                    let guess = EditDistance.closest(to: member.key, among: Array(known))
                    result.append(ConfigSection.unknownKey("\(base).\(member.key)", guess: guess.map { "\(base).\($0)" },
                                                           at: member.keyPosition))
                }
            }
            return result
        }
    }

    /// A position in a list, as a coding key (1-based in messages).
    struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { "\((intValue ?? 0) + 1)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    static func path(_ codingPath: [any CodingKey]) -> [String] {
        codingPath.map { $0.intValue.map { "\($0 + 1)" } ?? $0.stringValue }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = node.content else {
            throw DecodingError.typeMismatch([String: JSONValue].self, .init(codingPath: codingPath, debugDescription: "group"))
        }
        log.opened(object, at: Self.path(codingPath))
        return KeyedDecodingContainer(Keyed<Key>(object: object, codingPath: codingPath, log: log))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node.content else {
            throw DecodingError.typeMismatch([JSONValue].self, .init(codingPath: codingPath, debugDescription: "list"))
        }
        return Unkeyed(elements: elements, codingPath: codingPath, log: log)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(node: node, codingPath: codingPath, log: log)
    }

    // MARK: scalars, shared by the three containers

    static func decode<T: Decodable>(_ type: T.Type, from node: JSON5Node, at codingPath: [any CodingKey], log: Log) throws -> T {
        func mismatch() -> DecodingError {
            DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "value"))
        }
        if case .null = node.content, !(T.self is any ExpressibleByNilLiteral.Type) {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath, debugDescription: "null"))
        }
        switch T.self {
        case is String.Type:
            guard case .string(let text) = node.content else { throw mismatch() }
            return text as! T
        case is Bool.Type:
            guard case .bool(let flag) = node.content else { throw mismatch() }
            return flag as! T
        case is Double.Type:
            guard case .number(let number) = node.content else { throw mismatch() }
            return number as! T
        case is Float.Type:
            guard case .number(let number) = node.content else { throw mismatch() }
            return Float(number) as! T
        case is Int.Type:
            guard case .number(let number) = node.content, number == number.rounded(), let whole = Int(exactly: number) else {
                throw mismatch()
            }
            return whole as! T
        default:
            if let integer = T.self as? any FixedWidthInteger.Type {
                guard case .number(let number) = node.content, number == number.rounded(),
                      let whole = Int(exactly: number), let value = integer.init(exactly: whole) else { throw mismatch() }
                return value as! T
            }
            return try T(from: ConfigDecoder(node: node, codingPath: codingPath, log: log))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: JSON5Object
        let codingPath: [any CodingKey]
        let log: Log

        var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

        private func member(_ key: Key) throws -> JSON5Node {
            log.asked(key.stringValue, at: ConfigDecoder.path(codingPath))
            guard let member = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return member.value
        }

        func contains(_ key: Key) -> Bool {
            log.asked(key.stringValue, at: ConfigDecoder.path(codingPath))
            return object[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try member(key).content { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try ConfigDecoder.decode(type, from: member(key), at: codingPath + [key], log: log)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try ConfigDecoder(node: member(key), codingPath: codingPath + [key], log: log).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ConfigDecoder(node: member(key), codingPath: codingPath + [key], log: log).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "superDecoder is not supported"))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            ConfigDecoder(node: try member(key), codingPath: codingPath + [key], log: log)
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [JSON5Node]
        let codingPath: [any CodingKey]
        let log: Log
        var currentIndex = 0

        init(elements: [JSON5Node], codingPath: [any CodingKey], log: Log) {
            self.elements = elements
            self.codingPath = codingPath
            self.log = log
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next() throws -> (JSON5Node, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "end of list"))
            }
            defer { currentIndex += 1 }
            return (elements[currentIndex], codingPath + [IndexKey(intValue: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = elements[currentIndex].content else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (node, path) = try next()
            return try ConfigDecoder.decode(type, from: node, at: path, log: log)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (node, path) = try next()
            return try ConfigDecoder(node: node, codingPath: path, log: log).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (node, path) = try next()
            return try ConfigDecoder(node: node, codingPath: path, log: log).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (node, path) = try next()
            return ConfigDecoder(node: node, codingPath: path, log: log)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let node: JSON5Node
        let codingPath: [any CodingKey]
        let log: Log

        func decodeNil() -> Bool {
            if case .null = node.content { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try ConfigDecoder.decode(type, from: node, at: codingPath, log: log)
        }
    }

    // MARK: errors in French, with the position

    /// The value at `path` under `root`, or the deepest one that exists.
    static func node(at path: [any CodingKey], under root: JSON5Node) -> JSON5Node {
        var node = root
        for key in path {
            switch node.content {
            case .object(let object):
                guard let member = object[key.stringValue] else { return node }
                node = member.value
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return node }
                node = elements[index]
            default:
                return node
            }
        }
        return node
    }

    /// What the type expected, in French.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "un texte entre guillemets"
        case is Bool.Type: return "true ou false"
        case is Double.Type, is Float.Type: return "un nombre"
        case is any FixedWidthInteger.Type: return "un nombre entier"
        case is [JSONValue].Type: return "une liste [ … ]"
        default: return "un groupe { … }"
        }
    }

    /// `error`, thrown while decoding the group `name` (whose value is `root`), as a French problem.
    static func problem(for error: any Error, in root: JSON5Node, named name: String) -> ConfigProblem {
        func full(_ path: [any CodingKey]) -> String { ([name] + Self.path(path)).joined(separator: ".") }
        switch error {
        case DecodingError.typeMismatch(let type, let context):
            let found = node(at: context.codingPath, under: root)
            return ConfigProblem("« \(full(context.codingPath)) » doit être \(expected(type)), pas \(found.typeNameInFrench).",
                                 at: found.position)
        case DecodingError.valueNotFound(_, let context):
            let found = node(at: context.codingPath, under: root)
            return ConfigProblem("« \(full(context.codingPath)) » ne peut pas être vide (null).", at: found.position)
        case DecodingError.keyNotFound(let key, let context):
            let found = node(at: context.codingPath, under: root)
            return ConfigProblem("Il manque « \(full(context.codingPath + [key])) » dans ce groupe.", at: found.position)
        case DecodingError.dataCorrupted(let context):
            let found = node(at: context.codingPath, under: root)
            return ConfigProblem("« \(full(context.codingPath)) » : \(context.debugDescription)", at: found.position)
        default:
            return ConfigProblem("Le groupe « \(name) » n'est pas lisible : \(error).", at: root.position)
        }
    }
}
