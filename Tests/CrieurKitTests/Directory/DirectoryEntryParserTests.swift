import Foundation
import Testing
@testable import CrieurKit

struct DirectoryEntryParserTests {
    static let valid = """
        Nom: Service énergie du CPAS
        Organisme: CPAS de Mirevaux
        Thèmes: Énergie, Logement, energie
        Pour qui: Toute personne qui a du mal à payer son énergie
        Adresse: Rue de la Station 12, 5599 Mirevaux
        Horaires: Lundi et jeudi de 9 h à 12 h
        Téléphone: 084 31 20 55
        E-mail: energie@cpas-mirevaux.be
        Site: https://www.cpas-mirevaux.be/energie
        Langues: français, anglais
        Accessibilité: Rez-de-chaussée
        Vérifié le: 12/10/2026
        ---
        Votre facture de gaz est trop chère ?
        Le CPAS vous aide à la payer.

        """

    func parse(_ text: String, name: String = "cpas-energie.txt") throws(ItemRejection) -> DirectoryEntry {
        try DirectoryEntryParser().parse(Data(text.utf8), fileName: name)
    }

    func problems(_ text: String) -> [ItemProblem] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func everyFieldOfAWellFormedEntryIsRead() throws {
        let entry = try parse(Self.valid)
        #expect(entry.id == "cpas-energie")
        #expect(entry.name == "Service énergie du CPAS")
        #expect(entry.organisation == "CPAS de Mirevaux")
        #expect(entry.themes == ["Énergie", "Logement"], "the same theme written twice is kept once")
        #expect(entry.phone == "084 31 20 55")
        #expect(entry.email == "energie@cpas-mirevaux.be")
        #expect(entry.website == "https://www.cpas-mirevaux.be/energie")
        #expect(entry.languages == ["français", "anglais"])
        #expect(entry.checked == CivilDate(year: 2026, month: 10, day: 12))
        #expect(entry.offerFirstLine == 14)
        #expect(entry.details.map(\.label) == [
            "Pour qui", "Adresse", "Horaires", "Téléphone", "E-mail", "Site", "Langues", "Accessibilité",
        ])
    }

    @Test func keysMayBeWrittenWithoutAccentsOrCapitalsOrInEnglish() throws {
        let text = "NOM: Taxi social\nthemes: Mobilité\nphone: 084 31 20 59\nverifie le: 2026-10-02\n---\nNos chauffeurs vous conduisent.\n"
        let entry = try parse(text)
        #expect(entry.name == "Taxi social")
        #expect(entry.themes == ["Mobilité"])
        #expect(entry.phone == "084 31 20 59")
    }

    @Test func windowsTextWithCRLFAndCp1252IsRead() throws {
        var bytes = Data("Nom: Caf".utf8) + Data([0xE9]) + Data("\r\nTh".utf8) + Data([0xE8]) + Data("mes: Aide\r\nT".utf8)
        bytes += Data([0xE9]) + Data("l".utf8) + Data([0xE9]) + Data("phone: 107\r\n---\r\nOn vous ".utf8) + Data([0xE9]) + Data("coute.\r\n".utf8)
        let entry = try DirectoryEntryParser().parse(bytes, fileName: "cafe.txt")
        #expect(entry.name == "Café")
        #expect(entry.phone == "107")
        #expect(entry.offerText.hasPrefix("On vous écoute."))
    }

    @Test func aMisspeltKeyIsRefusedWithTheKeyItProbablyMeant() {
        let found = problems(Self.valid.replacingOccurrences(of: "Horaires:", with: "Horaire s:").replacingOccurrences(of: "Langues:", with: "Langeus:"))
        #expect(found.count == 1)
        #expect(found.first?.line == 10)
        #expect(found.first?.message == "La clé « Langeus » n'est pas connue.")
        #expect(found.first?.fix.contains("« Langues »") == true)
    }

    @Test func missingNameThemesOfferAndContactAreEachNamed() {
        let found = problems("Organisme: CPAS\n---\n\n")
        let messages = found.map(\.message)
        #expect(messages.contains("Le nom du service manque."))
        #expect(messages.contains { $0.hasPrefix("Le service n'a pas de thème") })
        #expect(messages.contains("La présentation du service est vide."))
        #expect(messages.contains("La fiche ne dit pas comment joindre le service."))
    }

    @Test func badPhoneEmailWebsiteAndDateAreRefusedOnTheirLines() {
        let text = Self.valid
            .replacingOccurrences(of: "084 31 20 55", with: "le matin")
            .replacingOccurrences(of: "energie@cpas-mirevaux.be", with: "energie.cpas-mirevaux.be")
            .replacingOccurrences(of: "https://www.cpas-mirevaux.be/energie", with: "javascript:alert(1)")
            .replacingOccurrences(of: "12/10/2026", with: "31/02/2026")
        let found = problems(text)
        #expect(found.compactMap(\.line) == [7, 8, 9, 12], "\(found)")
        #expect(found[0].message.contains("« le matin »"))
        #expect(found[1].message.contains("il manque le signe @"))
    }

    @Test func aKeyWrittenTwiceIsRefused() {
        let found = problems(Self.valid.replacingOccurrences(of: "Langues: français, anglais\n", with: "Langues: français\nlangue: anglais\n"))
        #expect(found.map(\.message) == ["La clé « Langues » apparaît deux fois (lignes 10 et 11)."])
    }

    @Test func aFileWithoutTheSeparatorSaysSo() {
        let found = problems("Nom: Taxi social\nThèmes: Mobilité\n")
        #expect(found.count == 1)
        #expect(found[0].message.contains("« --- »"))
    }
}
