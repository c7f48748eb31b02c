import Foundation
import Testing
@testable import CrieurKit

@Suite struct NewsletterRendererTests {
    static let token = "Zk3pQ9vX2mL7nR4tW8yB1c"
    static let recipient = NewsletterRecipient(id: "s-17", address: "zoe@exemple.be", name: "Zoé Lefèvre", token: token)

    func config(unsubscribeURL: String? = "https://cpas-exemple.be/desinscription") -> CrieurConfig {
        var config = CrieurConfig()
        config.organisation = .init(name: "CPAS de Sambreville", address: "Rue de la Poste 5, 5060 Sambreville",
                                    phone: "071 26 00 00", email: "info@cpas-sambreville.be", website: "https://cpas-sambreville.be")
        config.smtp.unsubscribeURL = unsubscribeURL
        config.smtp.unsubscribeMailto = "stop@cpas-sambreville.be"
        return config
    }

    func renderer(_ config: CrieurConfig? = nil, templates: NewsletterTemplates = .defaults()) throws -> NewsletterRenderer {
        try NewsletterRenderer(config: config ?? self.config(), templates: templates, clock: FixedClock(Date(timeIntervalSince1970: 1_772_438_400)))
    }

    func issue(_ items: [Item]) -> NewsletterIssue {
        NewsletterIssue(id: "2026-03", title: "Les nouvelles du CPAS — mars", date: CivilDate(year: 2026, month: 3, day: 2), items: items)
    }

    static let repairCafe = FacebookTestItems.item(
        title: "Repair café",
        publication: ItemMoment(date: CivilDate(year: 2026, month: 3, day: 2)),
        expires: ItemMoment(date: CivilDate(year: 2026, month: 3, day: 7)),
        when: EventWhen(firstDay: CivilDate(year: 2026, month: 3, day: 2), lastDay: CivilDate(year: 2026, month: 3, day: 7)),
        link: "https://cpas-sambreville.be/repair",
        body: Body(blocks: [
            .paragraph([[.text("Venez réparer vos objets avec nos "), .strong("bénévoles"), .text(".")]]),
            .list([[.text("grille-pain")], [.link(text: "nous écrire", url: "mailto:repair@cpas-sambreville.be")]]),
        ]))

    @Test func issueMessageCarriesItemsCentreAndPersonalUnsubscribe() throws {
        let mail = try renderer().render(issue: issue([Self.repairCafe]), recipient: Self.recipient)
        #expect(mail.recipient == "zoe@exemple.be")
        #expect(mail.sender == "info@cpas-sambreville.be")
        let parsed = try ParsedMail.parse(mail.data)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.value("Subject") == "Les nouvelles du CPAS — mars")
        #expect(parsed.value("From") == "CPAS de Sambreville <info@cpas-sambreville.be>")
        #expect(parsed.value("List-Unsubscribe") == "<mailto:stop@cpas-sambreville.be?subject=desinscription%20\(Self.token)>, <https://cpas-exemple.be/desinscription?jeton=\(Self.token)>")
        #expect(parsed.value("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])

        let text = parsed.parts[0].text, html = parsed.parts[1].text
        for expected in ["Repair café", "Venez réparer vos objets avec nos bénévoles.", "• nous écrire (repair@cpas-sambreville.be)",
                         "Où : Salle du village, rue de l'Église 12", "Quand : du lundi 2 au samedi 7 mars",
                         "Rue de la Poste 5, 5060 Sambreville", "https://cpas-exemple.be/desinscription?jeton=\(Self.token)",
                         "lundi 2 mars 2026", "Bonjour Zoé Lefèvre,"] {
            #expect(text.contains(expected), "text lacks \(expected)")
        }
        for expected in ["<html lang=\"fr\">", "<h1>Les nouvelles du CPAS — mars</h1>", "<h2>Repair café</h2>",
                         "<strong>bénévoles</strong>", "<a href=\"mailto:repair@cpas-sambreville.be\">nous écrire</a>",
                         "<a class=\"bouton\" href=\"https://cpas-sambreville.be/repair\">", "Rue de la Poste 5, 5060 Sambreville",
                         "<a href=\"https://cpas-exemple.be/desinscription?jeton=\(Self.token)\">se désinscrire</a>",
                         "prefers-color-scheme: dark", "max-width", "name=\"viewport\""] {
            #expect(html.contains(expected), "HTML lacks \(expected)")
        }
        #expect(!html.contains("<table") && !html.contains("<img"))
    }

    @Test func aPreparedIssueGivesEveryRecipientTheMessageTheTemplatesGiveThem() throws {
        let date = Date(timeIntervalSince1970: 1_772_438_400), messageID = "5f1e2d3c4b5a6978.0a1b2c3d4e5f6071.crieur@cpas-sambreville.be"
        let odd = FacebookTestItems.item(title: "Marqueurs \u{E000}n\u{E001} {{abonne.nom}}", place: "<là> & \"ici\"",
                                         body: FacebookTestItems.paragraph("e\u{301} \u{E000}l\u{E001} {{desinscription.lien}}"))
        // The recipient's values in odd places: next to a combining accent, in an attribute, twice, in sections.
        var edited = NewsletterTemplates.defaults()
        edited.messageText = try Template(parsing: "{{abonne.nom}}\u{301}|{{#abonne.nom}}Bonjour {{.}}{{/abonne.nom}}{{^abonne.nom}}Bonjour,{{/abonne.nom}}\n"
            + "{{#annonces}}{{titre}} {{texte}}{{/annonces}}\n{{desinscription.lien}}{{desinscription.lien}}", mode: .text, name: "message.txt")
        edited.messageHTML = try Template(parsing: "<p title=\"{{abonne.nom}}\">{{#abonne.nom}}{{abonne.nom}}{{/abonne.nom}}</p>"
            + "{{#annonces}}{{titre}}{{texte}}{{/annonces}}<a href=\"{{desinscription.lien}}\">{{lettre.titre}}</a>", mode: .html, name: "message.html")
        for templates in [NewsletterTemplates.defaults(), edited] {
            for unsubscribeURL in ["https://cpas-exemple.be/desinscription?liste=1&x=y", "https://cpas-exemple.be/d", nil] {
                let renderer = try renderer(config(unsubscribeURL: unsubscribeURL), templates: templates)
                let prepared = renderer.prepare(issue([Self.repairCafe, odd]))
                #expect(prepared.personal != nil && prepared.sharedHeaders != nil)
                for name in ["Zoé Lefèvre", nil, "", " ", "<Élise & \"co\"> 'x'", "e\u{301}"] {
                    let recipient = NewsletterRecipient(id: "s-17", address: "zoe@exemple.be", name: name, token: Self.token)
                    let prepared = try renderer.render(prepared, recipient: recipient, date: date, messageID: messageID)
                    let filledIn = try renderer.renderFillingIn(renderer.prepare(issue([Self.repairCafe, odd])), recipient: recipient,
                                                                date: date, messageID: messageID)
                    #expect(prepared.data == filledIn.data, "name \(name ?? "nil"), link \(unsubscribeURL ?? "mailto")")
                    #expect(prepared.messageID == messageID && prepared.recipient == filledIn.recipient)
                }
            }
        }
    }

    @Test func withoutAnHTTPSPageTheFooterLinkIsTheMailto() throws {
        let mail = try renderer(config(unsubscribeURL: nil)).render(issue: issue([Self.repairCafe]), recipient: Self.recipient)
        let parsed = try ParsedMail.parse(mail.data)
        #expect(parsed.value("List-Unsubscribe") == "<mailto:stop@cpas-sambreville.be?subject=desinscription%20\(Self.token)>")
        #expect(parsed.value("List-Unsubscribe-Post") == nil)
        #expect(parsed.parts[1].text.contains("href=\"mailto:stop@cpas-sambreville.be?subject=desinscription%20\(Self.token)\""))
    }

    @Test func itemTextIsEscapedAndNeverReadAsATemplate() throws {
        let hostile = FacebookTestItems.item(
            title: "<script>alert(1)</script> {{centre.nom}} {{#annonces}}x{{/annonces}}",
            place: "\"><img src=x onerror=alert(1)>",
            body: FacebookTestItems.paragraph("<b>gras</b> {{desinscription.lien}}"))
        let (text, html) = try renderer().bodies(renderer().prepare(issue([hostile])), recipient: Self.recipient)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{centre.nom}} {{#annonces}}x{{/annonces}}"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(text.contains("<script>alert(1)</script> {{centre.nom}} {{#annonces}}x{{/annonces}}"))
        #expect(text.contains("<b>gras</b> {{desinscription.lien}}"))
    }

    @Test func anItemWithoutPlaceDateOrLinkShowsNoEmptyLabels() throws {
        let bare = FacebookTestItems.item(title: "Permanence", publication: nil, expires: nil, place: nil)
        let (text, html) = try renderer().bodies(renderer().prepare(issue([bare])), recipient: NewsletterRecipient(id: "s", address: "a@exemple.be", token: Self.token))
        #expect(!text.contains("Où :") && !text.contains("Quand :") && !text.contains("En savoir plus"))
        #expect(!html.contains("Où :") && !html.contains("Bonjour"))
    }

    @Test func confirmationMessageCarriesTheConfirmationLinkAndNoUnsubscribe() throws {
        var config = config()
        config.smtp.confirmURL = "https://cpas-exemple.be/confirmer"
        let parsed = try ParsedMail.parse(try renderer(config).renderConfirmation(recipient: Self.recipient).data)
        #expect(parsed.value("Subject") == "Confirmez votre inscription à la lettre d'information du CPAS de Sambreville")
        #expect(parsed.value("List-Unsubscribe") == nil)
        #expect(parsed.parts[0].text.contains("https://cpas-exemple.be/confirmer?jeton=\(Self.token)"))
        #expect(parsed.parts[1].text.contains("href=\"https://cpas-exemple.be/confirmer?jeton=\(Self.token)\""))

        let byMail = try ParsedMail.parse(try renderer().renderConfirmation(recipient: Self.recipient).data)
        #expect(byMail.parts[0].text.contains("mailto:info@cpas-sambreville.be?subject=confirmer%20\(Self.token)"))
    }

    /// A confirmation goes to an address nobody has confirmed yet, with the name typed on the public form:
    /// a stranger would use that name to have the centre send their text to anyone (« Bonjour Gagnez 500 € sur … »).
    @Test func theConfirmationCarriesNoNameTypedOnTheFormNeitherInTheGreetingNorInTo() throws {
        let stranger = NewsletterRecipient(id: "s-18", address: "victime@exemple.be",
                                           name: "Vous avez gagne 500 euros sur https://arnaque.example", token: Self.token)
        let mail = try renderer().renderConfirmation(recipient: stranger)
        let parsed = try ParsedMail.parse(mail.data)
        #expect(mail.recipient == "victime@exemple.be")
        let to = try #require(parsed.value("To"))
        #expect(to.contains("victime@exemple.be") && !to.contains("arnaque"), "\(to)")
        for part in parsed.parts {
            #expect(!part.text.contains("arnaque") && !part.text.contains("gagne"), "\(part.text)")
            #expect(part.text.contains("Bonjour,"), "\(part.text)")
        }
        #expect(!String(decoding: mail.data, as: UTF8.self).contains("arnaque"))
    }

    @Test func weakOrUnsafeTokensAreRefused() throws {
        for token in ["court", "abc def ghi jkl mno", "aaaaaaaaaaaaaaaa>\r\nBcc: x"] {
            #expect(throws: NewsletterError.self) {
                try renderer().render(issue: issue([Self.repairCafe]), recipient: NewsletterRecipient(id: "s", address: "a@exemple.be", token: token))
            }
        }
    }

    @Test func aRendererNeedsASenderAddress() {
        var config = config()
        config.organisation.email = ""
        #expect(throws: NewsletterError.self) { try renderer(config) }
    }

    @Test func aTypoInAnEditedTemplateStopsTheRendererWithItsLine() throws {
        let workspace = try TestWorkspace()
        let original = try workspace.read("templates/newsletter/message.txt")
        try workspace.write(original.replacingOccurrences(of: "{{lieu}}", with: "{{lieux}}"), to: "templates/newsletter/message.txt")
        let templates = try NewsletterTemplates.load(from: workspace.workspace)
        do {
            _ = try renderer(templates: templates)
            Issue.record("the typo went unnoticed")
        } catch let NewsletterError.template(error) {
            #expect(error.template == "templates/newsletter/message.txt")
            #expect(error.message == "« lieux » n'existe pas dans ce modèle. Vouliez-vous dire « lieu » ?")
            let line = original.components(separatedBy: "\n").firstIndex { $0.contains("{{lieu}}") }! + 1
            #expect(error.line == line)
        }
    }

    @Test func missingTemplateFilesFallBackToTheDefaults() throws {
        let workspace = try TestWorkspace()
        try FileSystem.remove(workspace.path("templates/newsletter/message.html"))
        let templates = try NewsletterTemplates.load(from: workspace.workspace)
        let (_, html) = try renderer(templates: templates).bodies(renderer().prepare(issue([Self.repairCafe])), recipient: Self.recipient)
        #expect(html.contains("<h2>Repair café</h2>"))
    }

    @Test func repositoryTemplatesAreTheDefaults() throws {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { repository.deleteLastPathComponent() }
        for (name, text) in NewsletterDefaultTemplates.files {
            let file = repository.appendingPathComponent("templates/newsletter/\(name)")
            #expect(try String(contentsOf: file, encoding: .utf8) == text, "templates/newsletter/\(name) differs from the default")
        }
    }
}
