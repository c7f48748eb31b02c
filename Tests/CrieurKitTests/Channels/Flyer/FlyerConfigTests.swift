import Foundation
import Testing
@testable import CrieurKit

/// The `flyer` and `calendar` groups of `config/crieur.json5`: read strictly,
/// a misspelt key or a wrong address named in French; and a logo that cannot
/// be read is a warning on each item, never a refusal.
struct FlyerConfigTests {
    @Test func flyerGroupIsReadForTheChannel() throws {
        let config = try CrieurConfig.parse(Data("""
            { flyer: { contactLines: ["Rue Haute 1", "", "081 00 00 00"], logoPath: "config/logo.png" },
              calendar: { publicURL: "https://www.cpas-exemple.be/agenda" } }
            """.utf8))
        let settings = try #require(config.channelSettings(FlyerSettings.self, for: FlyerChannel.channel))
        #expect(settings.contactLines == ["Rue Haute 1", "081 00 00 00"])
        #expect(settings.logoPath == "config/logo.png")
        #expect(config.calendar.link(identity: "atelier") == "https://www.cpas-exemple.be/agenda/atelier.ics")
    }

    @Test func emptyValuesMeanNoLogoAndNoCalendarLink() throws {
        let config = try CrieurConfig.parse(Data(DefaultConfiguration.text.utf8))
        #expect(config.channelSettings(FlyerSettings.self, for: FlyerChannel.channel) == FlyerSettings())
        #expect(config.calendar.publicURL == nil)
        #expect(config.calendar.link(identity: "atelier") == nil)
    }

    @Test func misspeltKeysAreReportedWithASuggestion() {
        #expect(configProblems(#"{ flyer: { logoPth: "x.png" }, calendar: { publicUrl: "https://a.be/" } }"#) == [
            "Réglage inconnu « flyer.logoPth ». Vouliez-vous dire « flyer.logoPath » ?",
            "Réglage inconnu « calendar.publicUrl ». Vouliez-vous dire « calendar.publicURL » ?",
        ])
    }

    @Test(arguments: ["www.cpas-exemple.be/agenda", "ftp://cpas-exemple.be/agenda", "https://", "https://a.be/mon agenda", "javascript:alert(1)"])
    func calendarAddressMustBeAWebAddress(url: String) {
        let problems = configProblems(#"{ calendar: { publicURL: "\#(url)" } }"#)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("« calendar.publicURL » doit être une adresse web complète (https://…)") == true, "\(problems)")
    }

    @Test func missingLogoIsAWarningAndTheSheetsPrintWithoutIt() throws {
        let publisher = FlyerPublisher(settings: FlyerSettings(logoPath: "config/absent.png"), root: "/nonexistent-crieur-root",
                                       organisationName: "CPAS de Exemple", pdf: nil)
        let rendering = try publisher.render(try FlyerTestItems.item(), context: FlyerTestItems.context())
        #expect(rendering.files.count == 4)
        #expect(rendering.warnings == [
            "Le logo /nonexistent-crieur-root/config/absent.png est introuvable ou n'est pas une image PNG, JPEG, GIF, WebP ou SVG. "
                + "L'affiche est imprimée sans logo : corrigez « flyer.logoPath » dans config/crieur.json5.",
        ])
    }
}
