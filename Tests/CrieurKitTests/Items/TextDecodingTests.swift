import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

@Test func utf8WithoutBOMIsRead() throws {
    let text = try TextDecoding.decode(Data("Titre: Café\n".utf8))
    #expect(text == "Titre: Café\n")
}

@Test func utf8ByteOrderMarkIsDropped() throws {
    let data = Data([0xEF, 0xBB, 0xBF]) + Data("Titre: Été\n".utf8)
    #expect(try TextDecoding.decode(data) == "Titre: Été\n")
    #expect(S.item(data + Data("Canaux: ecran\n---\nTexte.\n".utf8))?.title == "Été")
}

@Test func windowsLineEndsBecomeLineFeeds() throws {
    let data = Data("Titre: Atelier\r\nCanaux: ecran\r\n---\r\nLigne un.\r\nLigne deux.\r\n".utf8)
    let item = try #require(S.item(data))
    #expect(item.title == "Atelier")
    #expect(item.bodyText == "Ligne un.\nLigne deux.\n")
    #expect(!item.bodyText.contains("\r"))
}

@Test func oldMacLineEndsBecomeLineFeeds() throws {
    #expect(try TextDecoding.decode(Data("a\rb\r\rc".utf8)) == "a\nb\n\nc")
}

@Test func windows1252BytesAreDecoded() throws {
    // "Été : l’aide" with 0xC9 for É, 0xE9 for é, 0x92 for the typographic apostrophe, 0x80 for €.
    var data = Data("Titre: ".utf8)
    data += Data([0xC9, 0x74, 0xE9, 0x20, 0x6C, 0x92, 0x61, 0x69, 0x64, 0x65, 0x20, 0x80])
    data += Data("\nCanaux: ecran\n---\nCaf".utf8) + Data([0xE9, 0x2E, 0x0A])
    let item = try #require(S.item(data))
    #expect(item.title == "Été l’aide €")
    #expect(item.bodyText == "Café.\n")
}

@Test func utf16LittleEndianWithBOMIsDecoded() throws {
    let text = "Titre: Noël\r\nCanaux: écran\r\n---\r\nBonne fête.\r\n"
    var data = Data([0xFF, 0xFE])
    for unit in text.utf16 { data += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    let item = try #require(S.item(data))
    #expect(item.title == "Noël")
    #expect(item.channels == [.ecran])
    #expect(item.bodyText == "Bonne fête.\n")
}

@Test func utf16BigEndianWithBOMIsDecoded() throws {
    var data = Data([0xFE, 0xFF])
    for unit in "Café".utf16 { data += Data([UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
    #expect(try TextDecoding.decode(data) == "Café")
}

@Test func undefinedWindows1252ByteMeansNotText() {
    // 0x81 is one of the five bytes Windows-1252 leaves undefined.
    let problems = S.problems(Data("Titre: a".utf8) + Data([0x81]))
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("n'est pas un texte") == true)
}

@Test(arguments: [Data(), Data("  \n\t\r\n ".utf8)])
func emptyFileIsRefused(data: Data) {
    let problems = S.problems(data)
    #expect(problems.map(\.message) == ["Le fichier est vide."])
}

@Test func fileOverTheLimitIsRefusedWithSizesInFrench() {
    let data = Data(repeating: 0x61, count: 2_411_724)  // 2,3 Mo
    let problems = S.problems(data)
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("2,3 Mo") == true)
    #expect(problems.first?.message.contains("1 Mo") == true)
    #expect(problems.first?.fix.contains("Découpez") == true)
}

@Test func sizeIsCheckedBeforeDecoding() {
    // Not text at all, but too large is what staff must hear first.
    let problems = S.problems(Data(repeating: 0, count: 200), maxBytes: 100)
    #expect(problems.first?.message.contains("trop volumineux") == true)
}

@Test func fileAtTheLimitIsAccepted() {
    let text = S.withHeaderLine("Lieu: CPAS")
    #expect(S.problems(Data(text.utf8), maxBytes: text.utf8.count).isEmpty)
}

@Test(arguments: [
    (850, "850 octets"), (1024, "1 ko"), (12_800, "12,5 ko"), (1_048_576, "1 Mo"), (2_411_724, "2,3 Mo"),
])
func sizesAreWrittenInFrenchUnits(bytes: Int, expected: String) {
    #expect(TextDecoding.frenchSize(bytes) == expected)
}

@Test func sizeJustOverTheLimitIsGivenInBytes() {
    let problems = S.problems(Data(repeating: 0x61, count: 1_048_577))
    #expect(problems.first?.message.contains("1 048 577 octets") == true)
}

@Test func nulByteMeansNotText() {
    let problems = S.problems(Data("Titre: a\0b\nCanaux: ecran\n---\nx".utf8))
    #expect(problems.count == 1)
    #expect(problems.first?.message == "Ce fichier n'est pas un texte : il vient peut-être de Word ou d'un PDF.")
    #expect(problems.first?.fix.contains("texte brut (.txt)") == true)
}

@Test func manyControlCharactersMeanNotText() {
    let bytes = (0..<400).map { UInt8([0x01, 0x02, 0x41, 0x1B][$0 % 4]) }
    #expect(S.problems(Data(bytes)).first?.message.contains("n'est pas un texte") == true)
}

@Test(arguments: [
    "\u{07}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{0B}", "\u{0C}",
    "\u{2028}", "\u{2029}", "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}",
])
func controlCharacterIsRefusedWithItsLine(character: String) {
    let problems = S.problems("Titre: Bonjour\nCanaux: ecran\nLieu: CPAS\(character) Namur\n---\nTexte.\n")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.message.contains("U+") == true)
    #expect(problems.first?.fix.isEmpty == false)
}

@Test func controlCharacterInBodyIsRefusedWithItsLine() {
    let problems = S.problems(S.validHeader + "---\nUn texte.\nDeux\u{1B}[31m.\n")
    #expect(problems.map(\.line) == [5])
}

@Test func tabAndOrdinaryUnicodeAreAllowed() {
    let item = S.item(S.validHeader + "---\nUn\ttexte, « guillemets » et l’apostrophe… 😀\n")
    #expect(item?.bodyText == "Un\ttexte, « guillemets » et l’apostrophe… 😀\n")
}

@Test func controlCharacterProblemsComeWithHeaderProblems() {
    let problems = S.problems("Titre: Bonjour\u{07}\nCanaux: telegramme\n---\nTexte.\n")
    #expect(problems.map(\.line) == [1, 2])
}

/// The byte pre-scan must never miss a forbidden character, at any offset of the
/// eight-byte blocks it skips, and lets the typographic punctuation of French through.
@Test func forbiddenCharacterScanFindsEachOneAnywhereAndPassesTypography() {
    let forbidden: [UInt32] = Array(0x00..<0x09) + Array(0x0B..<0x20) + [0x7F, 0x80, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069]
    let allowed: [UInt32] = [0x09, 0x0A, 0xA0, 0xAB, 0xBB, 0xE9, 0x2019, 0x2026, 0x201C, 0x2013, 0x2027, 0x202F, 0x2065, 0x206A, 0x20AC]
    for (values, expected) in [(forbidden, true), (allowed, false)] {
        for value in values {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + String(Character(Unicode.Scalar(value)!)) + String(repeating: "b", count: 20 - offset)
                #expect(TextDecoding.mayHoldForbiddenCharacters(text) == expected, "U+\(String(value, radix: 16)) at \(offset)")
                #expect(TextDecoding.mayHoldForbiddenCharacters(text) == text.unicodeScalars.contains(where: TextDecoding.isForbidden))
            }
        }
    }
}
