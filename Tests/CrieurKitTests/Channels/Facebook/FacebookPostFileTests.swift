import Foundation
import Testing
@testable import CrieurKit

private typealias T = FacebookTestItems

@Test func postFileRoundTripsTextAndNotes() throws {
    let post = try FacebookPostRenderer().render(
        T.item(image: ItemImage(fileName: "repair.jpg", alternativeText: "Un grille-pain."), tags: ["réparation"]),
        today: T.date(2026, 11, 1)
    )
    let contents = FacebookPostFile.encode(post)
    #expect(contents.contains("\n\(FacebookPostFile.separator)\n"))
    #expect(contents.hasPrefix(post.text + "\n"))
    let decoded = FacebookPostFile.decode(contents)
    #expect(decoded.text == post.text)
    #expect(decoded.notes == post.staffNotes.joined(separator: "\n"))
}

@Test func postFileRoundTripsTextThatContainsTheSeparator() {
    let text = "Titre\n\n\(FacebookPostFile.separator)\nsuite du texte"
    let post = FacebookPost(
        text: text, staffNotes: ["À publier le lundi 2 novembre 2026."], suggestedDate: T.date(2026, 11, 2),
        slug: "titre", warnings: []
    )
    let decoded = FacebookPostFile.decode(FacebookPostFile.encode(post))
    #expect(decoded.text == text)
    #expect(decoded.notes == "À publier le lundi 2 novembre 2026.")
}

@Test func postFileEditedOnWindowsStillDecodes() {
    let post = FacebookPost(
        text: "Titre\n\nCorps", staffNotes: ["Note 1", "Note 2"], suggestedDate: T.date(2026, 11, 2),
        slug: "titre", warnings: []
    )
    let windows = FacebookPostFile.encode(post).replacingOccurrences(of: "\n", with: "\r\n")
    let decoded = FacebookPostFile.decode(windows)
    #expect(decoded.text == "Titre\n\nCorps")
    #expect(decoded.notes == "Note 1\nNote 2")
}

@Test func fileWithoutSeparatorIsAllText() {
    let decoded = FacebookPostFile.decode("Juste un texte\n")
    #expect(decoded.text == "Juste un texte")
    #expect(decoded.notes == "")
}

@Test func indexEntryReadsItsDateFromTheFileName() throws {
    let post = try FacebookPostRenderer().render(T.item(), today: T.date(2026, 11, 1))
    let entry = try #require(FacebookIndexEntry(fileName: post.fileName, contents: FacebookPostFile.encode(post)))
    #expect(entry == FacebookIndexEntry(post: post))
    #expect(FacebookIndexEntry(fileName: "notes.txt", contents: "x") == nil)
    #expect(FacebookIndexEntry(fileName: "2026-02-30-titre.txt", contents: "x") == nil)
}
