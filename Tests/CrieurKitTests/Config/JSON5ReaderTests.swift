import Foundation
import Testing
@testable import CrieurKit

/// `JSON5Reader`: what it accepts (at least everything Foundation's JSON5
/// reader accepted), and where and how it says what is wrong.
@Suite struct JSON5ReaderTests {
    private func read(_ text: String) throws(JSON5SyntaxError) -> JSONValue {
        try JSON5Reader.read(Array(text.utf8)).plain
    }

    private func refusal(_ text: String) -> JSON5SyntaxError? {
        refusal(Array(text.utf8))
    }

    private func refusal(_ bytes: [UInt8]) -> JSON5SyntaxError? {
        do {
            _ = try JSON5Reader.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("{a:1}", JSONValue.object(["a": .number(1)])),
        ("// comment\n{ /* inline */ a: 1, } // end", .object(["a": .number(1)])),
        ("{ $a_b: 1, éa: 2, \"x y\": 3, 'z': 4 }", .object(["$a_b": .number(1), "éa": .number(2), "x y": .number(3), "z": .number(4)])),
        ("{ a\\u0062: 1 }", .object(["ab": .number(1)])),
        ("{ true: 1, null: 2 }", .object(["true": .number(1), "null": .number(2)])),
        ("{ a: [1, [2, 3,], {},], }", .object(["a": .array([.number(1), .array([.number(2), .number(3)]), .object([:])])])),
        ("{ a: +1, b: .5, c: 5., d: -.5, e: 1.e3, f: 1E+2, g: 0x1F, h: -0X10, i: +0x10, j: 0e5, k: -0 }",
         .object(["a": .number(1), "b": .number(0.5), "c": .number(5), "d": .number(-0.5), "e": .number(1000),
                  "f": .number(100), "g": .number(31), "h": .number(-16), "i": .number(16), "j": .number(0), "k": .number(0)])),
        ("{ a: 'it\\'s', b: \"say \\\"hi\\\"\", c: \"\\x41\\u00e9\\uD83D\\uDE00\", d: \"a\\\nb\", e: \"a\\\r\nb\" }",
         .object(["a": .string("it's"), "b": .string("say \"hi\""), "c": .string("Aé😀"), "d": .string("ab"), "e": .string("ab")])),
        ("{ a: \"\\b\\f\\n\\r\\t\\v\\0\\/\\q\\\\\" }", .object(["a": .string("\u{8}\u{C}\n\r\t\u{B}\u{0}/q\\")])),
        ("{ a: \"tab\there\", b: \"line\u{2028}sep\" }", .object(["a": .string("tab\there"), "b": .string("line\u{2028}sep")])),
        ("\u{FEFF}{ a: null, b: true, c: false }", .object(["a": .null, "b": .bool(true), "c": .bool(false)])),
        ("{\u{00A0}a:\u{2003}1\u{2028}}\r\n", .object(["a": .number(1)])),
        ("{ \"\": 12345678901234567890 }", .object(["": .number(12345678901234567168)])),
    ])
    func acceptsJSON5(text: String, expected: JSONValue) throws {
        #expect(try read(text) == expected)
    }

    /// Everything Foundation's `JSONDecoder` with `allowsJSON5` read as a
    /// `JSONValue`, this reader reads the same, except the refusals chosen on
    /// purpose (a key written twice, `Infinity`/`NaN`, a text with NUL bytes
    /// that Foundation guessed was UTF-16 or UTF-32, a backslash in an unquoted
    /// key that is not `\uXXXX`); inputs it refused stay refused or read as
    /// JSON5 says.
    @Test func readsTheSameAsFoundationOnEverythingFoundationAccepts() throws {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repository.deleteLastPathComponent() }
        var inputs: [String] = [
            "{a:1}", "{a:+1}", "{a:.5}", "{a:5.}", "{a:0x1F}", "{a:-0x10}", "{a:007}", "{a:1e400}", "{a:'x'}",
            "{a:\"a\\qb\"}", "{a:\"a\\x41b\"}", "{a:\"a\\0b\"}", "{a:\"\\uD800\"}", "{a:\"\\uD83D\\uDE00\"}", "{a:\"tab\there\"}",
            "{a:\"ctl\u{01}x\"}", "{$a_b:1}", "{éa:1}", "{a:1,}", "{a:[1,],}", "{a:[1,,2]}", "{,}", "{a:1}//c", "{a:1}/*c",
            "{a:1} x", "\u{FEFF}{a:1}", "{true:1}", "{a:.}", "{a:0x}", "{a:1.e3}", "{a:-.5}", "{\"a\":1 \"b\":2}", "{a:null}",
            "{a:-0}", "{a:0.0000001}", "{a:12345678901234567890}", "{a:0xFFFFFFFFFFFFFFFFFF}", "{a:'it\\'s'}", "{a:\"\\u00e9\"}",
            "{\"\":1}", "{a:-}", "{a:01.5}", "{a:0e5}", "{a:1E+2}", "{a:Infinityx}", "{a:0X1f}", "{a:\"\\8\"}", "{a:\"\\01\"}",
            "{a:1\r\n}", "{a:1}\n\n", " {a:1} ", "{'a':1}", "{a:+0x10}", "{a:1 /*x*/ ,b:2}", "{a:[{b:[]},{}]}", "{a:1_000}",
            "{a:\"\u{7F}\"}", "{a:0.5e-3}", "{a:-0x}", "{a:0b1}", "{a:00}", "{a:0}", "[1,2]", "\"x\"", "12", "", "{", "}",
            "{a:{b:{c:[1,2,{d:'e'}]}}}", "// a\u{2028}b\n{a:1}", "{a:1,// x\u{2029}y: 2\n}", "{a:\"é\"}", "{ a: 1, a: 2 }", "{a:Infinity}", "{a:-Infinity}", "{a:NaN}",
        ]
        for file in ["config/crieur.json5", "benchmarks/readability/config-snippet.json5"] {
            inputs.append(try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8))
        }
        let corpus = repository.appendingPathComponent("fuzz/corpus/FuzzConfig")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() {
            if let text = try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) { inputs.append(text) }
        }
        var compared = 0
        for text in inputs {
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            guard let theirs = try? decoder.decode(JSONValue.self, from: Data(text.utf8)) else { continue }
            compared += 1
            do {
                let ours = try read(text)
                #expect(Self.sameUpToRounding(ours, theirs), "\(text.debugDescription): \(ours) vs \(theirs)")
            } catch {
                #expect([.duplicateKey, .nonFiniteNumber, .encoding].contains(error.kind) || Self.hasBackslashInAKey(theirs),
                        "\(text.debugDescription): \(error)")
            }
        }
        #expect(compared > 40)
    }

    /// Equal, numbers within a few units in the last place: ours rounds decimal
    /// text correctly (`Double(String)`), Foundation's may be one unit off on
    /// long decimals (9.999199999999997996, found by FuzzConfig).
    static func sameUpToRounding(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)):
            return x == y || abs(x - y) <= 4 * max(abs(x), abs(y)).ulp
        case let (.array(xs), .array(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy(sameUpToRounding)
        case let (.object(xs), .object(ys)):
            return xs.count == ys.count && xs.allSatisfy { key, x in ys[key].map { sameUpToRounding(x, $0) } ?? false }
        default:
            return a == b
        }
    }

    /// Foundation kept a backslash in an unquoted key as written.
    static func hasBackslashInAKey(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): return members.contains { $0.key.contains("\\") || hasBackslashInAKey($0.value) }
        case .array(let elements): return elements.contains(where: hasBackslashInAKey)
        default: return false
        }
    }

    @Test func longDecimalIsRoundedCorrectly() throws {
        #expect(try read("{ a: 9.999199999999997996 }") == .object(["a": .number(9.999199999999998)]))
    }

    @Test func missingCommaBetweenTwoSettingsNamesWhereTheCommaGoes() {
        let error = refusal("""
            {
              organisation: {
                name: "CPAS de Namur"
                address: "Rue de Fer 1",
              },
            }
            """)
        #expect(error?.position == TextPosition(line: 3, column: 26))
        #expect(error?.message.hasPrefix("il manque une virgule entre deux réglages, après la valeur de « name »") == true)
        #expect(error?.message.contains("ligne 4, colonne 5") == true, "names where the next setting starts")
        #expect(error?.description.hasPrefix("ligne 3, colonne 26 : il manque une virgule") == true)
    }

    @Test func missingCommaInAListNamesWhereTheCommaGoes() {
        let error = refusal("{\n  knownAcronyms: [\"PST\" \"RIS\"],\n}")
        #expect(error?.position == TextPosition(line: 2, column: 24))
        #expect(error?.message == "il manque une virgule entre deux éléments de la liste.")
    }

    @Test func unclosedStringNamesItsOpeningQuote() {
        let error = refusal("{\n  organisation: {\n    name: \"CPAS de Namur,\n    phone: \"081\",\n  },\n}")
        #expect(error?.position == TextPosition(line: 3, column: 11))
        #expect(error?.message.hasPrefix("ce texte entre guillemets n'est pas refermé avant la fin de la ligne") == true)
    }

    @Test func stringUnclosedAtTheEndOfTheFileNamesItsOpeningQuote() {
        let error = refusal("{ a: 'CPAS")
        #expect(error?.position == TextPosition(line: 1, column: 6))
        #expect(error?.message == "ce texte entre guillemets n'est jamais refermé : ajoutez « ' » à sa fin.")
    }

    @Test func unclosedGroupNamesItsOpeningBrace() {
        let error = refusal("{\n  queue: {\n    settleSeconds: 1,\n")
        #expect(error?.position == TextPosition(line: 2, column: 10))
        #expect(error?.message.hasPrefix("le groupe ouvert par « { » ici n'est jamais fermé : il manque « } »") == true)
    }

    @Test func wrongClosingBracketSaysWhichOneIsOpen() {
        let error = refusal("{\n  a: [1, 2},\n}")
        #expect(error?.position == TextPosition(line: 2, column: 11))
        #expect(error?.message.contains("la liste ouverte par « [ » ligne 2, colonne 6 n'est pas fermée") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("{ name \"CPAS\" }", TextPosition(line: 1, column: 7), "il manque « : » entre le nom « name » et sa valeur."),
        ("{ name: CPAS }", TextPosition(line: 1, column: 9), "« CPAS » n'est pas une valeur : un texte s'écrit entre guillemets (\"CPAS\")"),
        ("{ a: 1,, b: 2 }", TextPosition(line: 1, column: 8), "deux virgules de suite entre des réglages"),
        ("{ a: [1,, 2] }", TextPosition(line: 1, column: 9), "deux virgules de suite dans une liste"),
        ("{ a: }", TextPosition(line: 1, column: 6), "il manque la valeur de « a »"),
        ("{ a: 007 }", TextPosition(line: 1, column: 6), "un nombre ne commence pas par 0 : écrivez 7 au lieu de 007."),
        ("{ a: 1_000 }", TextPosition(line: 1, column: 6), "« 1_000 » n'est pas un nombre"),
        ("{ a: 1e400 }", TextPosition(line: 1, column: 6), "« 1e400 » est un nombre trop grand."),
        ("{ a: -Infinity }", TextPosition(line: 1, column: 6), "« -Infinity » n'est pas un nombre qu'un réglage accepte"),
        ("{ a: NaN }", TextPosition(line: 1, column: 6), "« NaN » n'est pas un nombre qu'un réglage accepte"),
        ("{ a: \"\\uD800\" }", TextPosition(line: 1, column: 7), "« \\uD800 » est une moitié de caractère"),
        ("{ a: \"x\u{1}\" }", TextPosition(line: 1, column: 8), "un caractère invisible (U+0001)"),
        ("{ a: 1 } /* fin", TextPosition(line: 1, column: 10), "ce commentaire « /* » n'est jamais refermé"),
        ("{ a: 1 } }", TextPosition(line: 1, column: 10), "le fichier continue après l'accolade « } »"),
        ("  \n", TextPosition(line: 2, column: 1), "le fichier est vide"),
        ("{ 1a: 2 }", TextPosition(line: 1, column: 3), "un nom de réglage est attendu ici"),
        ("{ conn\\xections: 1 }", TextPosition(line: 1, column: 7), "« \\ » dans un nom de réglage"),
    ])
    func syntaxErrorIsNamedInFrenchWithItsLineAndColumn(text: String, position: TextPosition, start: String) {
        let error = refusal(text)
        #expect(error?.position == position, "\(String(describing: error))")
        #expect(error?.message.hasPrefix(start) == true, "\(String(describing: error))")
    }

    @Test func keyWrittenTwiceInOneGroupIsRefusedNamingBothLines() {
        let error = refusal("{\n  queue: {\n    retryMinutes: 5,\n    settleSeconds: 1,\n    retryMinutes: 10,\n  },\n  retryMinutes: 3,\n}")
        #expect(error?.kind == .duplicateKey)
        #expect(error?.position == TextPosition(line: 5, column: 5))
        #expect(error?.message == "« retryMinutes » est écrit deux fois dans le même groupe (ligne 3, colonne 5 et ligne 5, colonne 5) : "
            + "gardez-en un seul.")
    }

    @Test func columnsCountCharactersAndLinesEndAtCRLFCRAndLFOnly() {
        #expect(refusal("{\r\n  nom: \"Liège\" x }")?.position == TextPosition(line: 2, column: 15))
        #expect(refusal("{\r  a: 1,\r  b: ?\r}")?.position == TextPosition(line: 3, column: 6))
        #expect(refusal("{ 'éèà': 1, b: % }")?.position == TextPosition(line: 1, column: 16))
        #expect(refusal("{ a: 1,\u{2028}b: % }")?.position == TextPosition(line: 1, column: 12), "U+2028 is no line break in editors")
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirPositionNeverACrash() {
        for bad: [UInt8] in [[0xFC], [0xF8], [0xFE, 0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80]] {
            let bytes = Array("{\n  organisation: {\n    n".utf8) + bad + Array("m: 1 } }".utf8)
            let error = refusal(bytes)
            #expect(error?.kind == .encoding, "\(bad)")
            #expect(error?.position == TextPosition(line: 3, column: 6), "\(bad)")
            #expect(error?.message.hasPrefix("le fichier n'est pas enregistré en UTF-8") == true)
        }
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("{}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(refusal(utf16)?.message.hasPrefix("le fichier est enregistré en UTF-16 ou UTF-32") == true)
        let utf16WithoutMark = Array("{}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(refusal(utf16WithoutMark)?.message.hasPrefix("le fichier est enregistré en UTF-16 ou UTF-32") == true)
        #expect(refusal([0x31, 0, 0, 0])?.kind == .encoding, "UTF-32, which Foundation's reader guessed")
    }

    @Test func nestingIsLimitedWithAFrenchMessage() throws {
        let depth = JSON5Reader.maxDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try read(deepest) != .null)
        let tooDeep = "[" + deepest + "]"
        #expect(refusal(tooDeep)?.kind == .tooDeep)
        #expect(refusal(tooDeep)?.position == TextPosition(line: 1, column: depth + 1))
    }
}
