import Foundation
import Testing
@testable import CrieurKit

@Suite("Screen settings")
struct ScreenSettingsTests {
    func parse(_ text: String) throws(ConfigError) -> CrieurConfig {
        try CrieurConfig.parse(Data(text.utf8))
    }

    @Test func defaultConfigurationSpellsOutTheScreenDefaults() throws {
        let config = try parse(DefaultConfiguration.text)
        #expect(config.screen == ScreenSettings())
        #expect(config.screen == ScreenSettings(minimumSecondsPerSlide: 10, readingWordsPerMinute: 80, maxWordsPerSlide: 70, pollSeconds: 60))
    }

    @Test func givenSettingsAreKeptAndOthersDefault() throws {
        let config = try parse("{ ecran: { readingWordsPerMinute: 120, pollSeconds: 30 } }")
        #expect(config.screen == ScreenSettings(readingWordsPerMinute: 120, pollSeconds: 30))
    }

    @Test func misspeltKeyIsReportedWithTheClosestOne() {
        #expect {
            try parse("{ ecran: { pollSecond: 30 } }")
        } throws: { error in
            (error as? ConfigError)?.problems.map(\.message) == ["Réglage inconnu « ecran.pollSecond ». Vouliez-vous dire « ecran.pollSeconds » ?"]
        }
    }

    @Test func outOfRangeValueIsReportedInFrench() {
        #expect {
            try parse("{ ecran: { maxWordsPerSlide: 500 } }")
        } throws: { error in
            (error as? ConfigError)?.problems.map(\.message) == ["« ecran.maxWordsPerSlide » vaut 500 : choisissez un nombre entre 10 et 100."]
        }
    }
}
