import Foundation
import Testing
@testable import CrieurKit

/// The desk's form ↔ the item file: what staff write by hand and what the desk
/// writes must go back and forth without losing a line.
@Suite struct ItemDraftTests {
    /// Every sample a CPAS might have: both corpora (valid and invalid files) and the repository's samples.
    static let samples: [(name: String, data: Data)] = {
        var result: [(String, Data)] = []
        for corpus in TestCorpus.all {
            for folder in ["items", "invalid"] {
                for name in corpus.files(folder) {
                    if let data = try? corpus.data(folder, name) { result.append(("\(corpus.root)/\(folder)/\(name)", data)) }
                }
            }
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let samples = url.deletingLastPathComponent().appendingPathComponent("samples").path
        for name in ((try? FileSystem.names(in: samples)) ?? []).sorted() where name.hasSuffix(".txt") || name.hasSuffix(".json") {
            if let data = try? Data(contentsOf: URL(fileURLWithPath: "\(samples)/\(name)")) { result.append(("\(samples)/\(name)", data)) }
        }
        return result
    }()

    private let parser = ItemParser()

    private func text(_ data: Data) -> String {
        (try? TextDecoding.decode(data)) ?? String(decoding: data, as: UTF8.self)
    }

    @Test func theSamplesAreThere() {
        #expect(Self.samples.count >= 12, "\(Self.samples.map(\.name))")
        #expect(Self.samples.contains { $0.name.hasSuffix(".json") })
    }

    @Test func everySampleComesBackUnchangedWhenTheFormIsNotEdited() {
        for (name, data) in Self.samples {
            for original in [text(data), String(decoding: data, as: UTF8.self)] {
                #expect(ItemDraft(text: original).itemText() == original, "\(name)")
                // The form posts every field back, even the ones nobody touched.
                let draft = ItemDraft(text: original)
                var posted = draft
                posted.title = String(draft.title)
                posted.channels = Array(draft.channels)
                posted.body = String(draft.body)
                #expect(posted.itemText() == original, "\(name)")
            }
        }
    }

    @Test func theFormShowsWhatTheParserReads() throws {
        for (name, data) in Self.samples {
            guard let item = try? parser.parse(data, fileName: (name as NSString).lastPathComponent) else { continue }
            let draft = ItemDraft(text: text(data))
            #expect(draft.title == item.title, "\(name)")
            #expect(draft.channels == item.channels, "\(name)")
            #expect(draft.place == (item.place ?? ""), "\(name)")
            #expect(draft.link == (item.link ?? ""), "\(name)")
            #expect(draft.urgent == item.urgent, "\(name)")
            #expect(draft.image == (item.image?.fileName ?? ""), "\(name)")
            #expect(draft.tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } == item.tags, "\(name)")
            #expect(draft.body == item.bodyText, "\(name)")
        }
    }

    @Test func aFormFilledWithAnItemsFieldsGivesTheSameItem() throws {
        var checked = 0
        for (name, data) in Self.samples {
            let fileName = (name as NSString).lastPathComponent
            guard let item = try? parser.parse(data, fileName: fileName) else { continue }
            let read = ItemDraft(text: text(data))
            var fresh = ItemDraft()
            fresh.title = read.title
            fresh.channels = read.channels
            fresh.when = read.when
            fresh.publication = read.publication
            fresh.expires = read.expires
            fresh.place = read.place
            fresh.link = read.link
            fresh.image = read.image
            fresh.alternativeText = read.alternativeText
            fresh.tags = read.tags
            fresh.urgent = read.urgent
            fresh.body = read.body
            let again = try parser.parse(Data(fresh.itemText().utf8), fileName: "annonce.txt")
            #expect(again.title == item.title && again.channels == item.channels && again.body == item.body, "\(name)")
            #expect(again.publication == item.publication && again.expires == item.expires && again.when == item.when, "\(name)")
            #expect(again.place == item.place && again.link == item.link && again.tags == item.tags && again.urgent == item.urgent,
                    "\(name)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test func editingOneFieldChangesOnlyItsLineAndKeepsTheKeyAsWritten() {
        let original = "Title: Atelier cuisine\nCanaux: facebook\nRépéter: chaque année\nLieu: Maison citoyenne\nClé inconnue: gardée\n---\nVenez.\n"
        var draft = ItemDraft(text: original)
        draft.title = "Atelier cuisine du mardi"
        draft.place = ""
        #expect(draft.itemText()
            == "Title: Atelier cuisine du mardi\nCanaux: facebook\nRépéter: chaque année\nClé inconnue: gardée\n---\nVenez.\n")
    }

    @Test func aHandEditSurvivesAReopenInTheDesk() throws {
        var made = ItemDraft()
        made.title = "Permanence énergie"
        made.channels = [.facebook, .ecran]
        made.when = "12 décembre 2026 à 14 h"
        made.body = "Venez avec vos factures.\nC'est gratuit."
        let written = made.itemText()
        _ = try parser.parse(Data(written.utf8), fileName: "permanence-energie.txt")

        // Someone opens the file in Notepad: a line the form does not show, a key of their own, a body line changed.
        var lines = written.components(separatedBy: "\n")
        let separator = try #require(lines.firstIndex(of: "---"))
        lines.insert(contentsOf: ["Dérogation: le mot facture est connu de tous", "Texte écran: Permanence énergie le 12/12"], at: separator)
        lines[lines.count - 1] = "C'est gratuit, sans rendez-vous."
        let handEdited = lines.joined(separator: "\n")

        #expect(ItemDraft(text: handEdited).itemText() == handEdited)
        var reopened = ItemDraft(text: handEdited)
        #expect(reopened.body == "Venez avec vos factures.\nC'est gratuit, sans rendez-vous.")
        reopened.place = "Salle du conseil"
        let saved = reopened.itemText()
        #expect(saved.contains("Dérogation: le mot facture est connu de tous\nTexte écran: Permanence énergie le 12/12\n"))
        #expect(saved.contains("Lieu: Salle du conseil\n---\n"))
        #expect(saved.replacingOccurrences(of: "Lieu: Salle du conseil\n", with: "") == handEdited)
        let item = try parser.parse(Data(saved.utf8), fileName: "permanence-energie.txt")
        #expect(item.override == "le mot facture est connu de tous" && item.place == "Salle du conseil")
    }

    @Test(arguments: [
        ("12 décembre 2026 à 14 h", "1er décembre 2026", "12/12/2026"),
        ("12/12/2026 de 9 h 30 à 12 h", "2026-12-01", "12 décembre 2026"),
        ("du 24/12/2026 au 31/12/2026", "01/12/2026 9h00", "31/12/2026"),
        ("chaque jeudi de 13 h à 16 h", "", ""),
    ])
    func frenchDatesWrittenInTheFormAreReadByTheParser(when: String, publication: String, expires: String) throws {
        var draft = ItemDraft()
        draft.title = "Permanence"
        draft.channels = [.newsletter]
        draft.when = when
        draft.publication = publication
        draft.expires = expires
        draft.body = "Venez."
        let item = try parser.parse(Data(draft.itemText().utf8), fileName: "permanence.txt")
        #expect(item.when == (try? EventWhen.read(when).get()))
        #expect(item.publication == (publication.isEmpty ? nil : try? FrenchDateReader.moment(publication).get()))
        #expect(item.expires == (expires.isEmpty ? nil : try? FrenchDateReader.moment(expires).get()))
        #expect(ItemDraft(text: draft.itemText()).when == when)
    }

    @Test func aFieldCannotAddAHeaderLine() throws {
        var draft = ItemDraft()
        draft.title = "Bonjour\nStatut: annulé\r\nCanaux: bulletin"
        draft.channels = [.facebook]
        draft.place = "Ici\u{2028}Id: autre"
        draft.body = "Un texte.\r\nSur deux lignes."
        let text = draft.itemText()
        let item = try parser.parse(Data(text.utf8), fileName: "a.txt")
        #expect(item.status == .active && item.explicitID == nil)
        #expect(item.channels == [.facebook])
        #expect(item.title == "Bonjour Statut: annulé Canaux: bulletin")
        #expect(item.bodyText == "Un texte.\nSur deux lignes.")
    }

    @Test func urgentIsACheckbox() throws {
        var draft = ItemDraft(text: "Titre: A\nCanaux: facebook\nUrgent: non\n---\nVenez.")
        #expect(!draft.urgent)
        #expect(draft.itemText() == "Titre: A\nCanaux: facebook\nUrgent: non\n---\nVenez.")
        draft.urgent = true
        #expect(draft.itemText() == "Titre: A\nCanaux: facebook\nUrgent: oui\n---\nVenez.")
        draft.urgent = false
        draft.channels = [.facebook, .bulletin]
        // Unticked again: the line as it was written stays.
        #expect(draft.itemText() == "Titre: A\nCanaux: facebook, bulletin\nUrgent: non\n---\nVenez.")
    }

    @Test func windowsLineEndsStayOnTheLinesNobodyEdited() throws {
        let original = "Titre: A\r\nCanaux: facebook\r\nLieu: CPAS\r\n---\r\nVenez.\r\n"
        var draft = ItemDraft(text: original)
        #expect(draft.title == "A" && draft.place == "CPAS" && draft.body == "Venez.\n")
        draft.title = "B"
        #expect(draft.itemText() == "Titre: B\r\nCanaux: facebook\r\nLieu: CPAS\r\n---\r\nVenez.\r\n")
    }

    @Test func aPlainTextGetsAHeaderOnlyWhenTheFormGivesOne() throws {
        var draft = ItemDraft(text: "Juste un texte.\nSur deux lignes.")
        #expect(draft.title.isEmpty && draft.body == "Juste un texte.\nSur deux lignes.")
        draft.title = "Un titre"
        draft.channels = [.bulletin]
        #expect(draft.itemText() == "Titre: Un titre\nCanaux: bulletin\n---\nJuste un texte.\nSur deux lignes.")
    }

    @Test func aJSONItemOpensInTheFormAndIsSavedAsTheSameItem() throws {
        let json = """
        {"title": "Un jardin", "channels": ["facebook", "bulletin"], "place": "Rue des Tilleuls", "tags": ["jardin"],
         "override": "mot connu", "body": "Venez cultiver."}
        """
        var draft = ItemDraft(text: json)
        #expect(draft.title == "Un jardin" && draft.channels == [.facebook, .bulletin] && draft.place == "Rue des Tilleuls")
        #expect(draft.itemText() == json)
        draft.title = "Un jardin partagé"
        let item = try parser.parse(Data(draft.itemText().utf8), fileName: "jardin.txt")
        #expect(item.title == "Un jardin partagé" && item.override == "mot connu" && item.tags == ["jardin"])
        #expect(item.bodyText == "Venez cultiver.")
    }
}
