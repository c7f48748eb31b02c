/// Where something is in a text file, as an editor shows it: 1-based line and
/// column, the column counted in characters (Unicode scalars), not bytes. A
/// line ends at LF, CR LF or CR, as in the Bloc-notes: U+2028 and U+2029, line
/// terminators for JSON5, are not shown as line breaks by editors, and they do
/// not end a `//` comment here either (as with Foundation's reader before).
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// « ligne 12, colonne 5 ».
    public var description: String { "ligne \(line), colonne \(column)" }
}

/// A JSON5 value with the position of its first character.
public struct JSON5Node: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSON5Node])
        case object(JSON5Object)
    }

    public var content: Content
    public var position: TextPosition

    /// The same value without positions.
    public var plain: JSONValue {
        switch content {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .string(let value): return .string(value)
        case .array(let elements): return .array(elements.map(\.plain))
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for member in object.members { result[member.key] = member.value.plain }
            return .object(result)
        }
    }

    /// What kind of value this is, in French (« un nombre »…).
    public var typeNameInFrench: String {
        switch content {
        case .null: return JSONValue.null.typeNameInFrench
        case .bool(let value): return JSONValue.bool(value).typeNameInFrench
        case .number(let value): return JSONValue.number(value).typeNameInFrench
        case .string: return JSONValue.string("").typeNameInFrench
        case .array: return JSONValue.array([]).typeNameInFrench
        case .object: return JSONValue.object([:]).typeNameInFrench
        }
    }
}

/// A JSON5 `{ … }`: its members in the order of the file, each key once.
public struct JSON5Object: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var keyPosition: TextPosition
        public var value: JSON5Node
    }

    public private(set) var members: [Member] = []
    private var index: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> Member? {
        index[key].map { members[$0] }
    }

    /// Adds a member; returns the existing one instead when the key is already there.
    mutating func add(_ member: Member) -> Member? {
        if let existing = index[member.key] { return members[existing] }
        index[member.key] = members.count
        members.append(member)
        return nil
    }

    public static func == (a: JSON5Object, b: JSON5Object) -> Bool { a.members == b.members }
}

/// Why a text is not JSON5 Crieur accepts, in plain French for the
/// administrator who edits the file, with where it happens.
public struct JSON5SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text does not follow JSON5.
        case syntax
        /// Bytes that are not UTF-8 (or a file saved in UTF-16).
        case encoding
        /// A key written twice in the same group (JSON5 itself lets the last one win).
        case duplicateKey
        /// `Infinity` or `NaN`: valid JSON5, but no setting takes them.
        case nonFiniteNumber
        /// Groups and lists nested deeper than `JSON5Reader.maxDepth`.
        case tooDeep
    }

    public var kind: Kind
    public var position: TextPosition
    /// What is wrong and what to do, starting with a lower-case letter (it follows the position).
    public var message: String

    public var description: String { "\(position) : \(message)" }
}

/// Reads JSON5 (https://spec.json5.org) from bytes into `JSON5Node`s that keep
/// the line and column of every key and value, so that configuration problems
/// can say where they are. One pass over the text, no backtracking: the time is
/// linear in the size of the file; nesting is limited to `maxDepth`.
///
/// Accepted: everything Foundation's `JSONDecoder` with `allowsJSON5` accepted
/// as a configuration (comments, trailing commas, unquoted keys, single-quoted
/// strings, hexadecimal numbers, a leading or trailing decimal point, a leading
/// `+`, escapes, line continuations, a byte-order mark), and also what the
/// JSON5 specification allows and Foundation refused (`\v`, `\0`, a backslash
/// before any other character, a tab inside a string, an exponent after `0`,
/// Unicode spaces between tokens).
///
/// Refused, with a French message naming the line and column: bytes that are
/// not UTF-8; control characters other than tab inside a string; `Infinity`
/// and `NaN` (no setting takes them); a number too large for a double; a key
/// written twice in the same group (naming both lines: Foundation silently
/// kept the first one, the JSON5 specification the last one, and either way
/// one of the administrator's two lines would be ignored without a word).
public enum JSON5Reader {
    public static let maxDepth = 512

    public static func read(_ bytes: [UInt8]) throws(JSON5SyntaxError) -> JSON5Node {
        try checkEncoding(bytes)
        var parser = Parser(bytes: bytes)
        return try parser.document()
    }

    /// Refuses bytes that are not UTF-8, naming where the first bad sequence is.
    static func checkEncoding(_ bytes: [UInt8]) throws(JSON5SyntaxError) {
        // With or without its byte-order mark (the NUL bytes of ASCII text in UTF-16 or UTF-32).
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw JSON5SyntaxError(kind: .encoding, position: TextPosition(line: 1, column: 1), message:
                "le fichier est enregistré en UTF-16 ou UTF-32 (« Unicode » dans le Bloc-notes). "
                    + "Enregistrez-le en UTF-8 : « Enregistrer sous », puis le codage « UTF-8 ».")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return
            case .error:
                var cursor = PositionCursor()
                cursor.advance(to: offset, in: bytes)
                throw JSON5SyntaxError(kind: .encoding, position: cursor.position, message:
                    "le fichier n'est pas enregistré en UTF-8 (un accent écrit dans un autre codage ?). "
                        + "Enregistrez-le en UTF-8, par exemple dans le Bloc-notes avec « Enregistrer sous » et le codage « UTF-8 ».")
            }
        }
    }
}

/// Turns byte offsets into lines and columns. Offsets must be asked in
/// increasing order: each byte is looked at once over the whole file.
struct PositionCursor {
    private var offset = 0
    private var line = 1
    private var column = 1
    private var afterCR = false

    var position: TextPosition { TextPosition(line: line, column: column) }

    mutating func advance(to target: Int, in bytes: [UInt8]) {
        while offset < target {
            let byte = bytes[offset]
            switch byte {
            case 0x0A:
                if !afterCR { line += 1 }
                column = 1
                afterCR = false
            case 0x0D:
                line += 1
                column = 1
                afterCR = true
            default:
                if byte & 0xC0 != 0x80 { column += 1 }
                afterCR = false
            }
            offset += 1
        }
    }
}

private struct Parser {
    let bytes: [UInt8]
    var i = 0
    var cursor = PositionCursor()

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: positions and errors

    mutating func position(at offset: Int? = nil) -> TextPosition {
        cursor.advance(to: offset ?? i, in: bytes)
        return cursor.position
    }

    mutating func fail(_ message: String, at where_: TextPosition? = nil, kind: JSON5SyntaxError.Kind = .syntax) -> JSON5SyntaxError {
        JSON5SyntaxError(kind: kind, position: where_ ?? position(), message: message)
    }

    var atEnd: Bool { i >= bytes.count }
    var current: UInt8 { bytes[i] }

    /// The character at `i` as staff see it, for messages.
    func shownCharacter() -> String {
        guard let (scalar, _) = scalar(at: i) else { return "" }
        if scalar.value < 0x20 || scalar.value == 0x7F { return "U+" + String(scalar.value, radix: 16, uppercase: true) }
        return String(Character(scalar))
    }

    /// Decodes the scalar starting at `offset` (the text is valid UTF-8) and its length in bytes.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        default: length = 4; value = UInt32(lead & 0x07)
        }
        guard offset + length <= bytes.count else { return nil }
        for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    // MARK: whitespace and comments

    /// Length of the whitespace character at `i`, or 0.
    func whitespaceLength() -> Int {
        switch current {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return 1
        case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
            guard let (scalar, length) = scalar(at: i) else { return 0 }
            switch scalar.value {
            case 0xA0, 0xFEFF, 0x2028, 0x2029: return length
            default: return scalar.properties.generalCategory == .spaceSeparator ? length : 0
            }
        default: return 0
        }
    }

    mutating func skipTrivia() throws(JSON5SyntaxError) {
        while !atEnd {
            let width = whitespaceLength()
            if width > 0 {
                i += width
                continue
            }
            guard current == UInt8(ascii: "/") else { return }
            let start = position()
            guard i + 1 < bytes.count else {
                throw fail("un « / » seul : un commentaire commence par « // » ou « /* ».", at: start)
            }
            if bytes[i + 1] == UInt8(ascii: "/") {
                i += 2
                while !atEnd && current != 0x0A && current != 0x0D { i += 1 }
            } else if bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while true {
                    guard i + 1 < bytes.count else {
                        throw fail("ce commentaire « /* » n'est jamais refermé : ajoutez « */ » à sa fin.", at: start)
                    }
                    if bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/") { break }
                    i += 1
                }
                i += 2
            } else {
                throw fail("un « / » seul : un commentaire commence par « // » ou « /* ».", at: start)
            }
        }
    }

    func isLineTerminator(at offset: Int) -> Bool {
        switch bytes[offset] {
        case 0x0A, 0x0D: return true
        case 0xE2: return offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
        default: return false
        }
    }

    // MARK: the document

    mutating func document() throws(JSON5SyntaxError) -> JSON5Node {
        try skipTrivia()
        guard !atEnd else {
            throw fail("le fichier est vide : il doit contenir au moins un groupe { }.")
        }
        let root = try value(depth: 1, context: .root)
        try skipTrivia()
        if !atEnd {
            let what = shownCharacter()
            throw fail("le fichier continue après l'accolade « } » qui ferme le groupe principal (« \(what) ») : "
                + "tous les réglages doivent être entre la première « { » et la dernière « } ».")
        }
        return root
    }

    /// Where a value is expected, for the message when there is none.
    enum ValueContext {
        case root
        case member(String)
        case element
    }

    mutating func value(depth: Int, context: ValueContext) throws(JSON5SyntaxError) -> JSON5Node {
        let start = position()
        guard !atEnd else {
            switch context {
            case .member(let key): throw fail("le fichier se termine avant la valeur de « \(key) ».")
            default: throw fail("le fichier se termine alors qu'une valeur est attendue.")
            }
        }
        switch current {
        case UInt8(ascii: "{"):
            guard depth <= JSON5Reader.maxDepth else { throw tooDeep() }
            return JSON5Node(content: .object(try object(depth: depth, start: start)), position: start)
        case UInt8(ascii: "["):
            guard depth <= JSON5Reader.maxDepth else { throw tooDeep() }
            return JSON5Node(content: .array(try array(depth: depth, start: start)), position: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return JSON5Node(content: .string(try string()), position: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return JSON5Node(content: .number(try number(start: start)), position: start)
        default:
            if let word = try identifier() {
                switch word {
                case "true": return JSON5Node(content: .bool(true), position: start)
                case "false": return JSON5Node(content: .bool(false), position: start)
                case "null": return JSON5Node(content: .null, position: start)
                case "Infinity", "NaN": throw nonFinite(word, at: start)
                default:
                    var next = i
                    while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
                    if next < bytes.count && bytes[next] == UInt8(ascii: ":"), case .member(let key) = context {
                        throw fail("« \(word) » est le nom d'un réglage, mais une valeur de « \(key) » est attendue ici : "
                            + "si « \(key) » est un groupe, ouvrez-le par « { » (\(key): { \(word): … })"
                            + ", sinon il manque la valeur et une virgule avant « \(word) ».", at: start)
                    }
                    throw fail("« \(word) » n'est pas une valeur : un texte s'écrit entre guillemets (\"\(word)\"), "
                        + "un oui/non s'écrit true ou false.", at: start)
                }
            }
            throw missingValue(context)
        }
    }

    mutating func missingValue(_ context: ValueContext) -> JSON5SyntaxError {
        let what = shownCharacter()
        let kinds = "un texte entre guillemets, un nombre, true, false, un groupe { … } ou une liste [ … ]"
        switch context {
        case .member(let key):
            return fail("il manque la valeur de « \(key) » (\(kinds)) : on trouve « \(what) ».")
        case .element:
            if current == UInt8(ascii: ",") {
                return fail("deux virgules de suite dans une liste : retirez-en une.")
            }
            return fail("un élément de liste est attendu ici (\(kinds)), pas « \(what) ».")
        case .root:
            return fail("le fichier doit commencer par « { » (le groupe des réglages), pas par « \(what) ».")
        }
    }

    mutating func tooDeep() -> JSON5SyntaxError {
        fail("plus de \(JSON5Reader.maxDepth) groupes ou listes les uns dans les autres : le fichier est mal formé.", kind: .tooDeep)
    }

    mutating func nonFinite(_ word: String, at start: TextPosition) -> JSON5SyntaxError {
        fail("« \(word) » n'est pas un nombre qu'un réglage accepte : écrivez un nombre ordinaire, par exemple 30.",
             at: start, kind: .nonFiniteNumber)
    }

    // MARK: groups and lists

    mutating func object(depth: Int, start: TextPosition) throws(JSON5SyntaxError) -> JSON5Object {
        i += 1
        var result = JSON5Object()
        var afterComma = false
        while true {
            try skipTrivia()
            guard !atEnd else { throw unclosed("{", "}", at: start) }
            if current == UInt8(ascii: "}") {
                i += 1
                return result
            }
            if current == UInt8(ascii: "]") {
                throw fail("« ] » ferme une liste, mais le groupe ouvert par « { » \(start) n'est pas fermé : "
                    + "il faut « } » ici, ou bien un « [ » manque plus haut.")
            }
            if current == UInt8(ascii: ",") {
                throw fail(afterComma ? "deux virgules de suite entre des réglages : retirez-en une."
                    : "une virgule sans réglage avant elle : retirez-la.")
            }
            let keyPosition = position()
            let key = try self.key()
            let keyEnd = position()
            try skipTrivia()
            guard !atEnd, current == UInt8(ascii: ":") else {
                if atEnd { throw unclosed("{", "}", at: start) }
                throw fail("il manque « : » entre le nom « \(key) » et sa valeur.", at: keyEnd)
            }
            i += 1
            try skipTrivia()
            let value = try self.value(depth: depth + 1, context: .member(key))
            let valueEnd = position()
            if let first = result.add(JSON5Object.Member(key: key, keyPosition: keyPosition, value: value)) {
                throw fail("« \(key) » est écrit deux fois dans le même groupe (\(first.keyPosition) et \(keyPosition)) : "
                    + "gardez-en un seul.", at: keyPosition, kind: .duplicateKey)
            }
            try skipTrivia()
            guard !atEnd else { throw unclosed("{", "}", at: start) }
            switch current {
            case UInt8(ascii: ","):
                i += 1
                afterComma = true
            case UInt8(ascii: "}"):
                i += 1
                return result
            case UInt8(ascii: "]"):
                throw fail("« ] » ferme une liste, mais le groupe ouvert par « { » \(start) n'est pas fermé : "
                    + "il faut « } » ici, ou bien un « [ » manque plus haut.")
            default:
                if startsKey() {
                    throw fail("il manque une virgule entre deux réglages, après la valeur de « \(key) » "
                        + "(le réglage suivant commence \(position())).", at: valueEnd)
                }
                throw fail("après la valeur de « \(key) », il faut une virgule ou « } », pas « \(shownCharacter()) ».")
            }
        }
    }

    mutating func array(depth: Int, start: TextPosition) throws(JSON5SyntaxError) -> [JSON5Node] {
        i += 1
        var result: [JSON5Node] = []
        while true {
            try skipTrivia()
            guard !atEnd else { throw unclosed("[", "]", at: start) }
            if current == UInt8(ascii: "]") {
                i += 1
                return result
            }
            if current == UInt8(ascii: "}") {
                throw fail("« } » ferme un groupe, mais la liste ouverte par « [ » \(start) n'est pas fermée : "
                    + "il faut « ] » ici, ou bien un « { » manque plus haut.")
            }
            result.append(try value(depth: depth + 1, context: .element))
            let valueEnd = position()
            try skipTrivia()
            guard !atEnd else { throw unclosed("[", "]", at: start) }
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return result
            case UInt8(ascii: "}"):
                throw fail("« } » ferme un groupe, mais la liste ouverte par « [ » \(start) n'est pas fermée : "
                    + "il faut « ] » ici, ou bien un « { » manque plus haut.")
            default:
                if startsKey() || current == UInt8(ascii: "{") || current == UInt8(ascii: "[")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(current) {
                    throw fail("il manque une virgule entre deux éléments de la liste.", at: valueEnd)
                }
                throw fail("dans une liste, il faut une virgule ou « ] » après un élément, pas « \(shownCharacter()) ».")
            }
        }
    }

    mutating func unclosed(_ open: String, _ close: String, at start: TextPosition) -> JSON5SyntaxError {
        let what = open == "{" ? "le groupe ouvert par « { »" : "la liste ouverte par « [ »"
        return fail("\(what) ici n'est jamais fermé : il manque « \(close) » (le fichier se termine avant). "
            + "Vérifiez que chaque « \(open) » a son « \(close) ».", at: start)
    }

    /// True when the character at `i` can start a key (a quote or an identifier).
    func startsKey() -> Bool {
        guard !atEnd else { return false }
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") || current == UInt8(ascii: "\\") { return true }
        guard let (scalar, _) = scalar(at: i) else { return false }
        return Self.isIdentifierStart(scalar)
    }

    // MARK: keys and identifiers

    mutating func key() throws(JSON5SyntaxError) -> String {
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") { return try string() }
        if let word = try identifier() { return word }
        throw fail("un nom de réglage est attendu ici (des lettres, des chiffres, _ ou $, ou un texte entre guillemets), "
            + "pas « \(shownCharacter()) ».")
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "$" || scalar == "_" { return true }
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber: return true
        default: return false
        }
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// An ECMAScript identifier name (`\uXXXX` escapes included), or nil when none starts at `i`.
    mutating func identifier() throws(JSON5SyntaxError) -> String? {
        var scalars = String.UnicodeScalarView()
        while !atEnd {
            let found: Unicode.Scalar
            let width: Int
            if current == UInt8(ascii: "\\") {
                let scalarStart = position()
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u"), let value = hexValue(at: i + 2, count: 4),
                      let escaped = Unicode.Scalar(value) else {
                    throw fail("« \\ » dans un nom de réglage : écrivez le nom entre guillemets ou sans « \\ ».", at: scalarStart)
                }
                found = escaped
                width = 6
                let allowed = scalars.isEmpty ? Self.isIdentifierStart(found) : Self.isIdentifierPart(found)
                guard allowed else {
                    throw fail("« \\u\(String(value, radix: 16)) » n'est pas une lettre permise dans un nom de réglage.", at: scalarStart)
                }
            } else {
                guard let (scalar, length) = scalar(at: i) else { break }
                let allowed = scalars.isEmpty ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar)
                guard allowed else { break }
                found = scalar
                width = length
            }
            scalars.append(found)
            i += width
        }
        return scalars.isEmpty ? nil : String(scalars)
    }

    /// `count` hexadecimal digits at `offset`, or nil.
    func hexValue(at offset: Int, count: Int) -> UInt32? {
        guard offset + count <= bytes.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<count {
            guard let digit = Self.hexDigit(bytes[offset + k]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: strings

    mutating func string() throws(JSON5SyntaxError) -> String {
        let start = position()
        let quote = current
        let shownQuote = quote == UInt8(ascii: "\"") ? "\"" : "'"
        i += 1
        var text: [UInt8] = []
        var runStart = i
        while true {
            guard !atEnd else {
                throw fail("ce texte entre guillemets n'est jamais refermé : ajoutez « \(shownQuote) » à sa fin.", at: start)
            }
            let byte = current
            if byte == quote {
                text.append(contentsOf: bytes[runStart..<i])
                i += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == 0x0A || byte == 0x0D {
                throw fail("ce texte entre guillemets n'est pas refermé avant la fin de la ligne : ajoutez « \(shownQuote) » "
                    + "à sa fin (un texte sur plusieurs lignes s'écrit avec \\n).", at: start)
            }
            if byte < 0x20 && byte != 0x09 {
                throw fail("un caractère invisible (U+\(Self.hex4(UInt32(byte)))) est dans ce texte : retirez-le.")
            }
            if byte != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            text.append(contentsOf: bytes[runStart..<i])
            try escape(into: &text, quote: shownQuote, stringStart: start)
            runStart = i
        }
    }

    /// Reads the escape at `i` (a backslash) and appends what it stands for.
    mutating func escape(into text: inout [UInt8], quote: String, stringStart: TextPosition) throws(JSON5SyntaxError) {
        let escapeStart = position()
        i += 1
        guard !atEnd else {
            throw fail("ce texte entre guillemets n'est jamais refermé : ajoutez « \(quote) » à sa fin.", at: stringStart)
        }
        let byte = current
        switch byte {
        case UInt8(ascii: "b"): text.append(0x08); i += 1
        case UInt8(ascii: "f"): text.append(0x0C); i += 1
        case UInt8(ascii: "n"): text.append(0x0A); i += 1
        case UInt8(ascii: "r"): text.append(0x0D); i += 1
        case UInt8(ascii: "t"): text.append(0x09); i += 1
        case UInt8(ascii: "v"): text.append(0x0B); i += 1
        case UInt8(ascii: "0"):
            if i + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 1]) {
                throw fail("« \\0 » suivi d'un chiffre n'est pas permis dans un texte : retirez la barre « \\ ».", at: escapeStart)
            }
            text.append(0)
            i += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw fail("« \\\(Character(Unicode.Scalar(byte))) » n'est pas permis dans un texte : retirez la barre « \\ » "
                + "(une barre s'écrit « \\\\ »).", at: escapeStart)
        case UInt8(ascii: "x"):
            guard let value = hexValue(at: i + 1, count: 2) else {
                throw fail("« \\x » doit être suivi de deux chiffres hexadécimaux (par exemple \\xE9 pour « é »).", at: escapeStart)
            }
            appendScalar(Unicode.Scalar(UInt8(value)), to: &text)
            i += 3
        case UInt8(ascii: "u"):
            guard let value = hexValue(at: i + 1, count: 4) else {
                throw fail("« \\u » doit être suivi de quatre chiffres hexadécimaux (par exemple \\u00E9 pour « é »).", at: escapeStart)
            }
            i += 5
            if let scalar = Unicode.Scalar(value) {
                appendScalar(scalar, to: &text)
            } else if (0xD800..<0xDC00).contains(value), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                      bytes[i + 1] == UInt8(ascii: "u"), let low = hexValue(at: i + 2, count: 4), (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)) {
                appendScalar(scalar, to: &text)
                i += 6
            } else {
                throw fail("« \\u\(Self.hex4(value)) » est une moitié de caractère sans l'autre : "
                    + "écrivez le caractère lui-même.", at: escapeStart)
            }
        case 0x0D:
            // A line continuation: the backslash and the line break stand for nothing.
            i += 1
            if !atEnd && current == 0x0A { i += 1 }
        case 0x0A: i += 1
        default:
            if isLineTerminator(at: i) {
                i += 3
                return
            }
            // Any other character stands for itself (`\'`, `\"`, `\\`, `\/`, `\é`…).
            guard let (_, length) = scalar(at: i) else {
                throw fail("ce texte entre guillemets n'est jamais refermé : ajoutez « \(quote) » à sa fin.", at: stringStart)
            }
            text.append(contentsOf: bytes[i..<(i + length)])
            i += length
        }
    }

    /// `value` as at least four upper-case hexadecimal digits.
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func appendScalar(_ scalar: Unicode.Scalar, to text: inout [UInt8]) {
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    // MARK: numbers

    mutating func number(start: TextPosition) throws(JSON5SyntaxError) -> Double {
        let tokenStart = i
        var negative = false
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
            negative = current == UInt8(ascii: "-")
            i += 1
        }
        guard !atEnd else { throw fail("« \(negative ? "-" : "+") » seul n'est pas un nombre : écrivez le nombre après le signe.", at: start) }
        if let (scalar, _) = scalar(at: i), Self.isIdentifierStart(scalar) {
            let word = try identifier() ?? ""
            if word == "Infinity" || word == "NaN" { throw nonFinite(String(decoding: bytes[tokenStart..<i], as: UTF8.self), at: start) }
            throw fail("« \(String(decoding: bytes[tokenStart..<i], as: UTF8.self)) » n'est pas un nombre.", at: start)
        }
        let magnitude: Double
        if current == UInt8(ascii: "0"), i + 1 < bytes.count, bytes[i + 1] | 0x20 == UInt8(ascii: "x") {
            i += 2
            var exact: UInt64 = 0
            var overflowed = false
            var approximate = 0.0
            var digits = 0
            while !atEnd, let digit = Self.hexDigit(current) {
                let (shifted, overflow1) = exact.multipliedReportingOverflow(by: 16)
                let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
                if overflow1 || overflow2 { overflowed = true }
                exact = sum
                approximate = approximate * 16 + Double(digit)
                digits += 1
                i += 1
            }
            guard digits > 0 else {
                throw fail("« 0x » doit être suivi de chiffres hexadécimaux (0 à 9, A à F).", at: start)
            }
            magnitude = overflowed ? approximate : Double(exact)
        } else {
            var integer = ""
            var fraction = ""
            var exponent = ""
            while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(current) {
                integer.append(Character(Unicode.Scalar(current)))
                i += 1
            }
            if !atEnd && current == UInt8(ascii: ".") {
                i += 1
                while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(current) {
                    fraction.append(Character(Unicode.Scalar(current)))
                    i += 1
                }
            }
            guard !integer.isEmpty || !fraction.isEmpty else {
                throw fail("« \(String(decoding: bytes[tokenStart..<i], as: UTF8.self)) » n'est pas un nombre : "
                    + "écrivez des chiffres, par exemple 30 ou 0.5.", at: start)
            }
            if integer.count > 1 && integer.hasPrefix("0") {
                throw fail("un nombre ne commence pas par 0 : écrivez \(integer.drop { $0 == "0" }.isEmpty ? "0" : String(integer.drop { $0 == "0" })) "
                    + "au lieu de \(integer).", at: start)
            }
            if !atEnd && (current == UInt8(ascii: "e") || current == UInt8(ascii: "E")) {
                i += 1
                if !atEnd && (current == UInt8(ascii: "+") || current == UInt8(ascii: "-")) {
                    exponent.append(Character(Unicode.Scalar(current)))
                    i += 1
                }
                var digits = 0
                while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(current) {
                    exponent.append(Character(Unicode.Scalar(current)))
                    digits += 1
                    i += 1
                }
                guard digits > 0 else {
                    throw fail("« \(String(decoding: bytes[tokenStart..<i], as: UTF8.self)) » n'est pas un nombre : "
                        + "après « e », il faut l'exposant (par exemple 1e3 pour 1000).", at: start)
                }
            }
            let text = (integer.isEmpty ? "0" : integer) + "." + (fraction.isEmpty ? "0" : fraction) + (exponent.isEmpty ? "" : "e" + exponent)
            guard let parsed = Double(text) else {
                throw fail("« \(String(decoding: bytes[tokenStart..<i], as: UTF8.self)) » n'est pas un nombre lisible.", at: start)
            }
            magnitude = parsed
        }
        if !atEnd, let (scalar, _) = scalar(at: i), Self.isIdentifierPart(scalar) || scalar == "." {
            var end = i
            while end < bytes.count, let (next, length) = self.scalar(at: end), Self.isIdentifierPart(next) || next == "." { end += length }
            throw fail("« \(String(decoding: bytes[tokenStart..<end], as: UTF8.self)) » n'est pas un nombre : "
                + "un nombre ne contient que des chiffres (et un point pour les décimales) ; un texte s'écrit entre guillemets.", at: start)
        }
        guard magnitude.isFinite else {
            throw fail("« \(String(decoding: bytes[tokenStart..<i], as: UTF8.self)) » est un nombre trop grand.", at: start)
        }
        return negative ? -magnitude : magnitude
    }
}
