import Foundation
import Testing
@testable import CrieurKit

@Test func missingSettingsTakeDefaults() throws {
    let settings = try JSONDecoder().decode(FacebookSettings.self, from: Data("{}".utf8))
    #expect(settings == FacebookSettings(warnAboveCharacters: 500, refuseAboveCharacters: 5000, suggestedTime: "10:00"))
    #expect(settings.suggestedTimeOfDay == CivilTime(hour: 10, minute: 0))
}

@Test func givenSettingsAreKept() throws {
    let json = #"{"warnAboveCharacters": 300, "suggestedTime": "9:30"}"#
    let settings = try JSONDecoder().decode(FacebookSettings.self, from: Data(json.utf8))
    #expect(settings.warnAboveCharacters == 300)
    #expect(settings.refuseAboveCharacters == 5000)
    #expect(settings.suggestedTimeOfDay == CivilTime(hour: 9, minute: 30))
}

@Test(arguments: [
    #"{"suggestedTime": "25:00"}"#,
    #"{"suggestedTime": "dix heures"}"#,
    #"{"suggestedTime": "10:5"}"#,
    #"{"warnAboveCharacters": 0}"#,
    #"{"warnAboveCharacters": 600, "refuseAboveCharacters": 500}"#,
])
func invalidSettingsAreRefused(json: String) {
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(FacebookSettings.self, from: Data(json.utf8))
    }
}
