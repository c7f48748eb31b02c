/// A JSON (or JSON5) document as a tree, so that keys can be checked one by one
/// (unknown keys get a "did you mean") before typed values are read. Decoded
/// strictly: `1` is a number, never `true`.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    var typeNameInFrench: String {
        switch self {
        case .null: return "vide (null)"
        case .bool: return "oui/non (true/false)"
        case .number: return "un nombre"
        case .string: return "un texte entre guillemets"
        case .array: return "une liste [ … ]"
        case .object: return "un groupe { … }"
        }
    }
}
