import Foundation
import Testing
@testable import CrieurKit

private typealias T = FacebookTestItems

private func entry(_ title: String, _ date: CivilDate, body: String = "Venez au CPAS.") throws -> FacebookIndexEntry {
    let post = try FacebookPostRenderer().render(
        T.item(title: title, publication: ItemMoment(date: date), expires: nil, place: nil, body: T.paragraph(body)),
        today: T.date(2026, 1, 1)
    )
    return FacebookIndexEntry(post: post)
}

/// What a browser puts in a textarea's value: the content with entities decoded.
private func textareaValues(_ html: String) -> [String] {
    html.components(separatedBy: "<textarea").dropFirst().map { chunk in
        let afterTag = chunk[chunk.index(after: chunk.firstIndex(of: ">")!)...]
        var content = String(afterTag[..<afterTag.range(of: "</textarea>")!.lowerBound])
        if content.hasPrefix("\n") { content.removeFirst() }  // as the HTML parser does
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            content = content.replacingOccurrences(of: entity, with: character)
        }
        return content
    }
}

@Test func indexPageIsAFrenchSelfContainedPage() throws {
    let html = FacebookIndexPage.render(
        posts: [try entry("Repair café", T.date(2026, 12, 5))], organisationName: "CPAS de Exemple",
        generatedAt: "le 1er novembre 2026 à 10 h"
    )
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("CPAS de Exemple"))
    #expect(html.contains("le samedi 5 décembre 2026"))
    #expect(html.contains(">Copier</button>"))
    #expect(html.contains("aria-live=\"polite\""))
    #expect(html.contains("navigator.clipboard.writeText"))
    #expect(html.contains("document.execCommand(\"copy\")"))
    #expect(html.contains("Copié !"))
    for external in ["src=", "href=", "@import", "url("] {
        #expect(!html.contains(external), "the page must not load \(external)")
    }
}

@Test func newestSuggestedDateComesFirst() throws {
    let html = FacebookIndexPage.render(
        posts: [try entry("Ancien", T.date(2026, 10, 1)), try entry("Récent", T.date(2026, 12, 5)),
                try entry("Milieu", T.date(2026, 11, 2))],
        organisationName: "CPAS", generatedAt: "aujourd'hui"
    )
    let order = textareaValues(html).map { $0.split(separator: "\n").first.map(String.init) ?? "" }
    #expect(order == ["Récent", "Milieu", "Ancien"])
}

@Test func textareaGivesBackTheExactPostText() throws {
    let tricky = try entry(
        "Tom & Jerry \"au\" CPAS l'été", T.date(2026, 12, 5),
        body: "</textarea><script>alert(1)</script> &amp; {{x}} <b>gras</b>"
    )
    let leadingNewline = FacebookIndexEntry(
        fileName: "2026-12-01-x.txt", text: "\nCommence par une ligne vide", notes: "", suggestedDate: T.date(2026, 12, 1)
    )
    let html = FacebookIndexPage.render(posts: [tricky, leadingNewline], organisationName: "CPAS", generatedAt: "x")
    #expect(textareaValues(html) == [tricky.text, leadingNewline.text])
}

@Test func scriptInTitleIsEscapedInTheIndexPage() throws {
    let evil = try entry("<script>alert(1)</script>", T.date(2026, 12, 5), body: "<img src=x onerror=alert(2)>")
    let html = FacebookIndexPage.render(
        posts: [evil], organisationName: "<b>CPAS</b>", generatedAt: "<i>maintenant</i>"
    )
    let body = String(html[html.range(of: "<body>")!.upperBound...])
    #expect(!body.contains("<script>alert(1)</script>"))
    #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!body.contains("<img"))
    #expect(!html.contains("<b>CPAS</b>"))
    #expect(html.contains("&lt;b&gt;CPAS&lt;/b&gt;"))
    #expect(!html.contains("<i>maintenant</i>"))
    // Only the page's own copy script remains.
    #expect(html.components(separatedBy: "<script").count == 2)
}

@Test func notesAreListedUnderTheirPost() throws {
    let post = FacebookIndexEntry(
        fileName: "2026-12-05-repair.txt", text: "Repair café",
        notes: "À publier le samedi 5 décembre 2026 vers 10 h.\nTexte alternatif : « Un grille-pain » & co",
        suggestedDate: T.date(2026, 12, 5)
    )
    let html = FacebookIndexPage.render(posts: [post], organisationName: "CPAS", generatedAt: "x")
    #expect(html.contains("<li>À publier le samedi 5 décembre 2026 vers 10 h.</li>"))
    #expect(html.contains("<li>Texte alternatif : « Un grille-pain » &amp; co</li>"))
    #expect(html.contains("2026-12-05-repair.txt"))
}

@Test func emptyIndexSaysThereIsNothingToPublish() {
    let html = FacebookIndexPage.render(posts: [], organisationName: "CPAS", generatedAt: "x")
    #expect(html.contains("Aucun message à publier pour le moment."))
    #expect(!html.contains("<textarea"))
}

@Test func urgentPostsComeFirstThenTheNewestEachWithItsPictureAsAThumbnail() throws {
    let urgent = FacebookIndexEntry(
        fileName: "2026-10-01-fermeture.txt", text: "Fermeture",
        notes: "À publier le jeudi 1er octobre 2026.\n" + FacebookPostFile.urgentNote, suggestedDate: T.date(2026, 10, 1))
    let pictured = FacebookIndexEntry(
        fileName: "2026-12-05-repair.txt", text: "Repair café",
        notes: "À publier le samedi 5 décembre 2026.\n" + FacebookPostFile.pictureNote + "2026-12-05-repair-affiche #1.png"
            + FacebookPostFile.pictureNoteEnd + "affiche #1.png)\n" + FacebookPostFile.descriptionNote + "Une affiche \"orange\"",
        suggestedDate: T.date(2026, 12, 5))
    let older = try entry("Ancien", T.date(2026, 11, 2))
    let html = FacebookIndexPage.render(posts: [older, pictured, urgent], organisationName: "CPAS", generatedAt: "x",
                                        pictures: ["2026-12-05-repair-affiche #1.png"])
    #expect(textareaValues(html).map { $0.split(separator: "\n").first.map(String.init) ?? "" } == ["Fermeture", "Repair café", "Ancien"])
    #expect(html.contains("<strong>URGENT</strong>"))
    #expect(html.contains("<img src=\"2026-12-05-repair-affiche%20%231.png\" alt=\"Une affiche &quot;orange&quot;\">"))
    #expect(html.components(separatedBy: "<img").count == 2)
    #expect(html.contains("À publier le samedi 5\u{a0}décembre 2026"))
    // A picture missing from the folder gets no thumbnail.
    let missing = FacebookIndexPage.render(posts: [pictured], organisationName: "CPAS", generatedAt: "x", pictures: [])
    #expect(!missing.contains("<img"))
}

@Test func thePublishedTickIsRememberedByTheBrowserAndAskedAgainForACorrectedPost() throws {
    let workspace = try TestWorkspace()
    let post = FacebookIndexEntry(fileName: "2026-12-05-repair.txt", text: "Repair café", notes: "", suggestedDate: T.date(2026, 12, 5))
    var corrected = post
    corrected.text = "Repair café, nouvelle heure"
    let page = workspace.path("index.html")
    try workspace.write(FacebookIndexPage.render(posts: [post], organisationName: "CPAS", generatedAt: "x"), to: "avant.html")
    try workspace.write(FacebookIndexPage.render(posts: [corrected], organisationName: "CPAS", generatedAt: "x"), to: "apres.html")
    let output = try BrowserChecks.script("""
        import json, shutil, sys, time
        from chromium import open_browser
        page, before, after = sys.argv[1], sys.argv[2], sys.argv[3]
        tick = "return document.getElementById('message-1-publie').checked;"
        result = {}
        driver = open_browser(1280, 800)
        try:
            shutil.copy(before, page)
            driver.get("file://" + page)
            result["first"] = driver.execute_script(tick)
            driver.find_element("id", "message-1-publie").click()
            driver.get("file://" + page)
            result["reloaded"] = driver.execute_script(tick)
            shutil.copy(after, page)
            driver.get("file://" + page)
            result["corrected"] = driver.execute_script(tick)
        finally:
            driver.quit()
        print(json.dumps(result))
        """, [page, workspace.path("avant.html"), workspace.path("apres.html")])
    let ticks = try JSONDecoder().decode([String: Bool].self, from: Data(output.utf8))
    #expect(ticks == ["first": false, "reloaded": true, "corrected": false])
}
