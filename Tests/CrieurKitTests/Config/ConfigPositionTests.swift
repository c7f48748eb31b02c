import Foundation
import Testing
@testable import CrieurKit

/// Every problem of `config/crieur.json5` that concerns a key, a value or the
/// text names its line and column, in the built-in groups, in the channels'
/// groups (read by `ConfigSection` or by a `Decodable` type) and in the text.
@Suite struct ConfigPositionTests {
    private func problems(_ text: String) -> [ConfigProblem] {
        do {
            _ = try CrieurConfig.parse(Data(text.utf8))
            return []
        } catch {
            return error.problems
        }
    }

    private func only(_ text: String) -> ConfigProblem? {
        let found = problems(text)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    @Test func missingCommaNamesItsLineAndColumnInTheErrorShownToTheAdministrator() {
        do {
            _ = try CrieurConfig.parse(Data("{\n  timeZone: \"Europe/Brussels\"\n  queue: { retryMinutes: 5 },\n}".utf8))
            Issue.record("a missing comma was accepted")
        } catch {
            #expect(error.problems.map(\.position) == [TextPosition(line: 2, column: 30)])
            #expect(error.description == """
                La configuration config/crieur.json5 contient des erreurs :
                  - ligne 2, colonne 30 : il manque une virgule entre deux réglages, après la valeur de « timeZone » \
                (le réglage suivant commence ligne 3, colonne 3).
                """)
        }
    }

    @Test func unclosedStringNamesItsLineAndColumn() {
        let problem = only("{\n  organisation: {\n    name: \"CPAS de Namur,\n  },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 11))
        #expect(problem?.message.hasPrefix("ce texte entre guillemets n'est pas refermé") == true)
    }

    @Test func unknownTopLevelKeyNamesItsLineAndColumn() {
        let problem = only("{\n  organisation: {},\n  timezone: \"Europe/Brussels\",\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 3))
        #expect(problem?.message == "Réglage inconnu « timezone ». Vouliez-vous dire « timeZone » ?")
    }

    @Test func unknownKeyInAChannelGroupNamesItsLineAndColumn() {
        let problem = only("{\n  ecran: {\n    pollSeconds: 30,\n      pollSecond: 30,\n  },\n}")
        #expect(problem?.position == TextPosition(line: 4, column: 7))
        #expect(problem?.message == "Réglage inconnu « ecran.pollSecond ». Vouliez-vous dire « ecran.pollSeconds » ?")
    }

    @Test func unknownKeyInAChannelGroupReadByADecodableTypeIsReportedToo() {
        let problem = only("{\n  facebook: {\n    suggestedTim: \"09:30\",\n  },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 5))
        #expect(problem?.message == "Réglage inconnu « facebook.suggestedTim ». Vouliez-vous dire « facebook.suggestedTime » ?")
    }

    @Test func unknownKeyDeepInsideADecodableGroupIsReportedWithItsFullName() {
        let problem = only("{ readability: {\n  channels: { ecran: { maxLx: 40 } },\n} }")
        #expect(problem?.position == TextPosition(line: 2, column: 24))
        #expect(problem?.message.hasPrefix("Réglage inconnu « readability.channels.ecran.maxLx ». Vouliez-vous dire « readability.channels.ecran.maxLix") == true,
                "\(String(describing: problem))")
    }

    @Test func valueOfTheWrongTypeNamesTheValuesLineAndColumn() {
        let problem = only("{\n  queue: {\n    settleSeconds: \"deux\",\n  },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 20))
        #expect(problem?.message == "« queue.settleSeconds » doit être un nombre entier, pas un texte entre guillemets.")
    }

    @Test func valueOfTheWrongTypeInADecodableGroupNamesTheValuesLineAndColumn() {
        let problem = only("{\n  facebook: { warnAboveCharacters: \"300\" },\n}")
        #expect(problem?.position == TextPosition(line: 2, column: 36))
        #expect(problem?.message == "« facebook.warnAboveCharacters » doit être un nombre entier, pas un texte entre guillemets.")
    }

    @Test func valueOfTheWrongTypeInAListNamesTheElement() {
        let problem = only("{ readability: {\n  knownAcronyms: [\"PST\",\n    12],\n} }")
        #expect(problem?.position == TextPosition(line: 3, column: 5))
        #expect(problem?.message == "« readability.knownAcronyms.2 » doit être un texte entre guillemets, pas un nombre.")
    }

    @Test func outOfRangeValueNamesItsLineAndColumn() {
        let problem = only("{\n  ecran: { maxWordsPerSlide: 500 },\n}")
        #expect(problem?.position == TextPosition(line: 2, column: 30))
        #expect(problem?.message == "« ecran.maxWordsPerSlide » vaut 500 : choisissez un nombre entre 10 et 100.")
    }

    @Test func valueADecodableTypeRefusesNamesItsLineAndColumnWithTheTypesReason() {
        let problem = only("{\n  newsletter: {\n    schedule: { time: \"9h\" },\n  },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 23))
        #expect(problem?.message == "« newsletter.schedule.time » : « 9h » n'est pas une heure : écrivez-la sous la forme 09:00.")
    }

    @Test func valueTheCallerRefusesNamesTheLineOfItsKey() {
        let found = problems("{\n  timeZone: \"Europe/Namur\",\n  smtp: {\n    url: \"http://relais\",\n  },\n}")
        #expect(found.map(\.position) == [TextPosition(line: 2, column: 3), TextPosition(line: 4, column: 5)])
        #expect(found.last?.message.hasPrefix("« smtp.url » doit ressembler à") == true)
    }

    @Test func aProblemOfAGroupAsAWholeNamesTheGroupsBrace() {
        let problem = only("{\n  newsletter: {\n    lists: {},\n  },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 12))
        #expect(problem?.message.hasPrefix("« newsletter.lists » doit contenir au moins une liste") == true)
    }

    @Test func keyWrittenTwiceIsAnErrorNamingBothLines() {
        let problem = only("{\n  ecran: { pollSeconds: 30 },\n  ecran: { pollSeconds: 60 },\n}")
        #expect(problem?.position == TextPosition(line: 3, column: 3))
        #expect(problem?.message == "« ecran » est écrit deux fois dans le même groupe (ligne 2, colonne 3 et ligne 3, colonne 3) : gardez-en un seul.")
    }

    @Test func problemsComeInTheOrderOfTheFile() {
        let found = problems("{\n  queue: { retryMinute: 3 },\n  timeZone: \"Mars/Olympus\",\n  facebok: {},\n}")
        #expect(found.compactMap(\.position?.line) == [2, 3, 4])
    }

    @Test func fileThatIsNotAGroupNamesWhereItStarts() {
        let problem = only("\n  [1, 2]")
        #expect(problem?.position == TextPosition(line: 2, column: 3))
        #expect(problem?.message == "Le fichier doit contenir un groupe { … } qui entoure tous les réglages, pas une liste [ … ].")
    }
}
