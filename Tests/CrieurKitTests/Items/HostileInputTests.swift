import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

@Test func markupInTitleStaysLiteral() throws {
    let item = try #require(S.item("Titre: <script>alert(1)</script> {{x}}\nCanaux: ecran\n---\n<b>Texte</b> {{ y }}\n"))
    #expect(item.title == "<script>alert(1)</script> {{x}}")
    #expect(item.body.blocks == [.paragraph([[.text("<b>Texte</b> {{ y }}")]])])
}

@Test(arguments: ["\r", "\n", "\u{0B}", "\u{85}", "\u{2028}", "\u{0}"])
func titleNeverGetsAnExtraLine(separator: String) {
    let text = "Titre: Bonjour\(separator)Bcc: tous@example.org\nCanaux: newsletter\n---\nTexte.\n"
    if let item = S.item(text) {
        #expect(!item.title.contains { $0.isNewline })
        #expect(!item.title.contains("Bcc"))
    } else {
        #expect(!S.problems(text).isEmpty)
    }
}

@Test func twoMegabytesAreRefusedWithoutCrashing() {
    let text = S.validHeader + "---\n" + String(repeating: "Une phrase assez longue pour remplir. ", count: 56_000)
    let problems = S.problems(text)
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("Mo") == true)
}

@Test func randomBytesNeverCrashTheParser() {
    var generator = SplitMix(seed: 42)
    for length in [1, 2, 3, 17, 256, 4096] {
        for _ in 0..<30 {
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(UInt8(generator.next() & 0xFF)) }
            let data = Data(bytes)
            for name in ["x.txt", "x.json"] {
                switch S.document(data, fileName: name) {
                case .success(let document): #expect(document.bodyFirstLine >= 1)
                case .failure(let rejection): #expect(!rejection.problems.isEmpty)
                }
            }
        }
    }
}

@Test(arguments: [
    "---", "---\n---", ":", ": valeur\n---\nx", "Titre:\n---", "Titre: a\nCanaux: ecran\n---",
    "[", "**", "[a](", "https://", "Titre: a\nCanaux: ecran\n---\n- \n* \n•\n  suite\n[](https://x)",
    "{", "{\"title\": [[[[[]]]]]}",
])
func oddShapesNeverCrash(text: String) {
    for name in ["x.txt", "x.json"] {
        switch S.document(text, fileName: name) {
        case .success(let document): #expect(document.bodyFirstLine >= 1)
        case .failure(let rejection): #expect(rejection.problems.allSatisfy { !$0.message.isEmpty })
        }
    }
}

/// A tiny deterministic generator so the random test is reproducible.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test func runawayValuesAreQuotedShortly() {
    let long = String(repeating: "x", count: 300_000)
    let problems = S.problems("Titre: A\nCanaux: \(long)\nLien: \(long)\n\(long): y\n---\nTexte.\n")
    #expect(problems.count == 3)
    #expect(problems.allSatisfy { $0.message.count < 200 })
}

@Test func controlCharacterInPlainBodyIsRefusedByCheck() {
    guard case .failure(let rejection) = S.document("Un texte.\nAvec un \u{1B} caché.\n") else {
        Issue.record("a control character must be refused even without a header")
        return
    }
    #expect(rejection.problems.map(\.line) == [2])
}
