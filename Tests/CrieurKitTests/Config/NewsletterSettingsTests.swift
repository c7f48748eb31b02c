import Foundation
import Testing
@testable import CrieurKit

@Suite struct NewsletterSettingsTests {
    private func parse(_ text: String) throws(ConfigError) -> CrieurConfig {
        try CrieurConfig.parse(Data(text.utf8))
    }

    @Test func defaultConfigurationDeclaresTheDefaultList() throws {
        let config = try parse(DefaultConfiguration.text)
        #expect(config.newsletter.defaultList == "infos")
        #expect(config.newsletter.list(named: "infos")?.doubleOptIn == false)
        #expect(config.newsletter.consentWording == "2026-01")
    }

    @Test func listsAreReadWithTheirTitleAndDoubleOptIn() throws {
        let config = try parse(#"{ newsletter: { lists: { seniors: { title: "Pour les aînés", doubleOptIn: true }, infos: {} }, defaultList: "seniors" } }"#)
        #expect(config.newsletter.lists == [
            .init(name: "infos", title: "infos", doubleOptIn: false),
            .init(name: "seniors", title: "Pour les aînés", doubleOptIn: true),
        ])
        #expect(config.newsletter.defaultList == "seniors")
    }

    @Test func misspeltKeyGetsASuggestion() {
        #expect {
            try parse(#"{ newsletter: { lists: { infos: { title: "Infos", doubleOptin: true } } } }"#)
        } throws: { error in
            "\(error)".contains("ligne 1, colonne 51 : Réglage inconnu « newsletter.lists.infos.doubleOptin ». "
                + "Vouliez-vous dire « newsletter.lists.infos.doubleOptIn » ?")
        }
    }

    @Test func defaultListMustBeOneOfTheLists() {
        #expect {
            try parse(#"{ newsletter: { lists: { infos: {} }, defaultList: "seniors" } }"#)
        } throws: { error in
            "\(error)".contains("« newsletter.defaultList » vaut « seniors »")
        }
    }

    @Test func listNameWithAccentsIsRefused() {
        #expect(throws: ConfigError.self) { try parse(#"{ newsletter: { lists: { "aînés": {} } } }"#) }
    }
}
