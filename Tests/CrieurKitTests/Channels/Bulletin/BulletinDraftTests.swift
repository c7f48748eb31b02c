import Foundation
import Testing
@testable import CrieurKit

struct BulletinDraftTests {
    typealias T = BulletinTestItems

    @Test func countsCharactersAsTheCommuneDoesSpacesIncluded() throws {
        // "é" written as e + combining accent is one character for a reader.
        let article = BulletinArticle(
            T.record("Cafe\u{301}", from: "2026-10-01", body: "Un deux"), contact: ["CPAS"], quarter: try Quarter.parse("2026-T4"))
        // "Café" 4, "Un deux" 7, "CPAS" 4; no Quand (no end, starts with the quarter); breaks not counted.
        #expect(article.printedLines == ["Cafe\u{301}", "Un deux", "CPAS"])
        #expect(article.characterCount == 15)
    }

    @Test func flagsATooLongArticleAndKeepsItWhole() throws {
        let long = String(repeating: "Le CPAS vous aide. ", count: 80).trimmingCharacters(in: .whitespaces)
        let records = [T.record("Une longue annonce", from: "2026-10-02", body: long), T.record("Courte", from: "2026-10-03")]
        let draft = try T.draft("2026-T4", records, settings: T.settings(perArticle: 900))
        let count = draft.articles[0].characterCount
        #expect(count > 900)
        let expected = "Article « Une longue annonce » : \(BulletinDraft.number(count)) caractères pour 900 permis — "
            + "à raccourcir de \(BulletinDraft.number(count - 900))."
        #expect(draft.summary.contains(expected))
        #expect(!draft.summary.contains { $0.contains("« Courte »") })
        #expect(draft.summary.contains("Rien n'a été coupé : raccourcissez le texte de l'annonce, ou voyez avec la commune."))
        // Never cut: every form holds the whole text, and the summary comes first.
        let text = BulletinPlainText.render(draft)
        #expect(text.contains(long))
        #expect(text.range(of: expected)!.lowerBound < text.range(of: long)!.lowerBound)
        #expect(BulletinHTMLPage.render(draft).contains(HTML.escape(long)))
        #expect(BulletinODF.flat(draft).contains(BulletinODF.escape(long)))
    }

    @Test func flagsTheTotalAboveTheLimit() throws {
        let records = (1...3).map { T.record("Annonce \($0)", from: "2026-10-0\($0)", body: String(repeating: "a", count: 200)) }
        let draft = try T.draft("2026-T4", records, settings: T.settings(perArticle: 1_000, total: 500))
        let total = draft.totalCharacters
        #expect(total == draft.articles.map(\.characterCount).reduce(0, +))
        #expect(draft.lengthProblems == [
            "Total : \(BulletinDraft.number(total)) caractères pour 500 permis — à raccourcir de \(BulletinDraft.number(total - 500))."
        ])
    }

    @Test func saysSoWhenEverythingFits() throws {
        let draft = try T.draft("2026-T4", [T.record("Courte", from: "2026-10-03")])
        #expect(draft.lengthProblems.isEmpty)
        #expect(draft.summary.contains("Toutes les longueurs respectent ces limites."))
    }

    @Test func writesNumbersWithFrenchThousandsSeparators() {
        #expect(BulletinDraft.number(1_240) == "1\u{00A0}240")
        #expect(BulletinDraft.number(900) == "900")
        #expect(BulletinDraft.number(1_000_000) == "1\u{00A0}000\u{00A0}000")
    }

    @Test func givesPracticalDetailsInFrench() throws {
        let record = T.record(
            "Repair café", from: "2026-11-15", to: "2026-12-05", place: "Salle du village", link: "https://example.be/repair",
            when: "05/12/2026 de 9 h 30 à 12 h")
        let article = BulletinArticle(record, contact: [], quarter: try Quarter.parse("2026-T4"))
        #expect(article.details.map { "\($0.label) : \($0.value)" } == [
            "Où : Salle du village",
            "Quand : Le samedi 5 décembre de 9 h 30 à 12 h",
            "Lien : https://example.be/repair",
        ])
        let running = BulletinArticle(
            T.record("Permanence", from: "2026-10-01", to: "2027-03-31", when: "chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027"),
            contact: [], quarter: try Quarter.parse("2026-T4"))
        #expect(running.details.map(\.value) == ["Chaque jeudi de 13 h à 16 h, du jeudi 1er octobre 2026 au mercredi 31 mars 2027"])
        let service = BulletinArticle(T.record("Chauffage", from: "2026-10-01", to: "2027-03-31"), contact: [], quarter: try Quarter.parse("2026-T4"))
        #expect(service.details.isEmpty)
    }

    @Test func namesThePictureForTheEditor() throws {
        let picture = ItemImage(fileName: "2026-10-01-atelier-photo.jpg", alternativeText: "Des mains qui coupent des légumes")
        let draft = try T.draft("2026-T4", [T.record("Atelier", from: "2026-10-01", image: picture)])
        #expect(draft.summary.contains("Image pour « Atelier » : fichier 2026-10-01-atelier-photo.jpg, à joindre à l'envoi."))
        #expect(BulletinPlainText.render(draft).contains("Texte alternatif : Des mains qui coupent des légumes"))
        #expect(BulletinODF.flat(draft).contains("Des mains qui coupent des légumes"))
    }

    @Test func closesEveryArticleWithTheContactBlock() throws {
        var settings = T.settings()
        settings.contact.openingHours = "du lundi au vendredi de 8 h 30 à 12 h"
        let draft = try T.draft("2026-T4", [T.record("Un", from: "2026-10-01"), T.record("Deux", from: "2026-10-02")], settings: settings)
        let text = BulletinPlainText.render(draft)
        #expect(text.components(separatedBy: "Heures d'ouverture : du lundi au vendredi de 8 h 30 à 12 h").count == 3)
        #expect(text.components(separatedBy: "Téléphone : 081 00 00 00").count == 3)
    }

    @Test func itemBothArchivedAndWaitingForARetryAppearsOnce() throws {
        let record = T.record("Allocation de chauffage", from: "2026-10-01")
        var archived = record
        archived.id = record.id + "-2"
        let draft = BulletinDraft(
            quarter: try Quarter.parse("2026-T4"), published: [archived], scheduled: [record], settings: T.settings(),
            organisationName: "CPAS", preparedOn: T.day("2026-09-20"))
        #expect(draft.articles.count == 1)
        #expect(draft.articles[0].scheduledFor == nil)
    }
}
