import Testing

@testable import CrieurKit

struct LetterTableTests {
    /// Every scalar of the table and beyond it (Greek, Cyrillic, combining marks, emoji).
    static let scalars: [Unicode.Scalar] =
        (0..<0x600).compactMap(Unicode.Scalar.init) + ["\u{1E9E}", "\u{2019}", "\u{202F}", "\u{1F600}", "\u{10400}"]

    @Test func answersAsUnicodePropertiesDo() {
        for c in Self.scalars {
            #expect(LetterTable.isLetter(c) == c.properties.isAlphabetic, "U+\(String(c.value, radix: 16))")
            #expect(LetterTable.isUppercase(c) == c.properties.isUppercase, "U+\(String(c.value, radix: 16))")
            #expect(
                LetterTable.changesWhenLowercased(c) == c.properties.changesWhenLowercased, "U+\(String(c.value, radix: 16))")
            #expect(LetterTable.isDigit(c) == ("0"..."9").contains(c))
        }
    }

    @Test(arguments: ["", "CPAS", "l'été à Liège", "e\u{0301}te\u{0301} 😀 Ωμέγα \u{10400}", "a\r\nb\t\u{0}"])
    func buildsTheSameStringAsAUnicodeScalarView(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(LetterTable.string(scalars) == String(String.UnicodeScalarView(scalars)))
        #expect(Array(LetterTable.string(scalars).utf8) == Array(text.utf8))
    }
}
