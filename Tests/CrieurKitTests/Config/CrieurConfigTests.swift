import Foundation
import Testing
@testable import CrieurKit

/// `config/crieur.json5`: the default parses, and every mistake an
/// administrator makes is told in French instead of silently ignored.
@Suite struct CrieurConfigTests {
    @Test func defaultConfigurationWrittenByInitParses() throws {
        let workspace = try TestWorkspace()
        let root = workspace.path("neuf")
        try WorkspaceSetup.create(Workspace(root: root))

        let config = try Workspace(root: root).loadConfig()

        #expect(config.organisation.name == "CPAS de Exemple")
        #expect(config.timeZone.identifier == "Europe/Brussels")
        #expect(config.queue.maxItemBytes == 1_048_576)
        #expect(config.queue.settleSeconds == 1)
        #expect(config.facebook.refuseAboveCharacters == 5000)
    }

    @Test func emptyGroupKeepsEveryDefault() throws {
        let config = try CrieurConfig.parse(Data("{}".utf8))
        #expect(config.queue == CrieurConfig.QueueSettings())
        #expect(config.organisation == CrieurConfig.Organisation())
    }

    @Test func settingsAreRead() throws {
        let config = try CrieurConfig.parse(Data("""
            { organisation: { name: "CPAS de Namur" }, timeZone: "Europe/Paris",
              queue: { maxItemBytes: 2048, settleSeconds: 0, rescanSeconds: 5, retryMinutes: 2 }, }
            """.utf8))
        #expect(config.organisation.name == "CPAS de Namur")
        #expect(config.timeZone.identifier == "Europe/Paris")
        #expect(config.queue.maxItemBytes == 2048)
        #expect(config.queue.settleSeconds == 0)
        #expect(config.queue.rescanSeconds == 5)
        #expect(config.queue.retryMinutes == 2)
    }

    @Test func unknownKeyIsReportedWithASuggestion() {
        #expect(configProblems("{ queue: { maxItemByte: 5000 } }") == [
            "Réglage inconnu « queue.maxItemByte ». Vouliez-vous dire « queue.maxItemBytes » ?",
        ])
    }

    @Test func unknownTopLevelKeyIsReported() {
        let found = configProblems("{ timezone: \"Europe/Brussels\" }")
        #expect(found.count == 1)
        #expect(found.first?.contains("« timezone »") == true)
        #expect(found.first?.contains("« timeZone »") == true)
    }

    @Test(arguments: [
        ("{ queue: { settleSeconds: \"deux\" } }", "« queue.settleSeconds » doit être un nombre entier, pas un texte entre guillemets."),
        ("{ queue: { retryMinutes: 1.5 } }", "« queue.retryMinutes » doit être un nombre entier, pas un nombre."),
        ("{ organisation: { name: 12 } }", "« organisation.name » doit être un texte entre guillemets, pas un nombre."),
        ("{ queue: 3 }", "« queue » doit être un groupe { … }, pas un nombre."),
    ])
    func wrongTypeIsReported(text: String, message: String) {
        #expect(configProblems(text) == [message])
    }

    @Test(arguments: [
        ("{ queue: { rescanSeconds: 0 } }", "« queue.rescanSeconds » vaut 0 : choisissez un nombre entre 1 et 3600."),
        ("{ queue: { maxItemBytes: 10 } }", "« queue.maxItemBytes » vaut 10 : choisissez un nombre entre 1024 et 104857600."),
        ("{ queue: { settleSeconds: -1 } }", "« queue.settleSeconds » vaut -1 : choisissez un nombre entre 0 et 3600."),
    ])
    func outOfRangeValueIsReported(text: String, message: String) {
        #expect(configProblems(text) == [message])
    }

    @Test(arguments: [
        ("{ queue: { settleSeconds: 1 }", "le groupe ouvert par « { » ici n'est jamais fermé"),
        ("{ queue: settleSeconds: 1 } }", "« settleSeconds » est le nom d'un réglage, mais une valeur de « queue » est attendue ici"),
        ("{ queue: { settleSeconds: 1 } } }", "le fichier continue après l'accolade"),
        ("", "le fichier est vide"),
        ("[1, 2]", "Le fichier doit contenir un groupe { … }"),
    ])
    func unreadableFileIsReported(text: String, start: String) {
        let found = configProblems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(start) == true, "\(found)")
    }

    /// Found by the FuzzConfig target: a key starting with « ü » saved in
    /// Windows-1252 (byte FC) stopped the process inside Foundation's JSON5 reader.
    @Test func fileNotInUTF8IsReportedWithItsLineInsteadOfStoppingTheProcess() {
        let windows1252: [UInt8] = Array("{\n  organisation: { name: \"CPAS\" },\n  ".utf8) + [0xFC] + Array("ber: 1,\n}\n".utf8)
        do {
            _ = try CrieurConfig.parse(Data(windows1252))
            Issue.record("a file that is not UTF-8 was accepted")
        } catch {
            #expect(error.problems.map(\.message).count == 1)
            #expect(error.problems.first?.position == TextPosition(line: 3, column: 3))
            #expect(error.problems.first?.message.hasPrefix("le fichier n'est pas enregistré en UTF-8") == true)
        }
        #expect(configProblems("{ organisation: { name: \"CPAS de Liège\" } }").isEmpty, "UTF-8 accents are fine")
    }

    @Test func unknownTimeZoneIsReported() {
        #expect(configProblems("{ timeZone: \"Europe/Namur\" }") == [
            "Fuseau horaire inconnu « Europe/Namur » pour « timeZone » : écrivez par exemple \"Europe/Brussels\".",
        ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = configProblems("{ timeZone: \"Mars/Olympus\", queue: { rescanSeconds: 0, retryMinute: 3 }, facebok: {} }")
        #expect(found.count == 4)
    }

    @Test func errorDescriptionNamesTheFile() {
        do {
            _ = try CrieurConfig.parse(Data("{ queue: { maxItemByte: 1 } }".utf8), file: "config/crieur.json5")
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect(error.description.hasPrefix("La configuration config/crieur.json5 contient des erreurs :"))
            #expect(error.description.contains("\n  - ligne 1, colonne 12 : Réglage inconnu « queue.maxItemByte »"))
        }
    }

    @Test func missingConfigurationSaysHowToCreateOne() throws {
        let workspace = try TestWorkspace()
        do {
            _ = try Workspace(root: workspace.path("vide")).loadConfig()
            Issue.record("a missing configuration was accepted")
        } catch {
            #expect(error.description.contains("crieur init"))
        }
    }
}

@Suite("Repository workspace")
struct RepositoryWorkspaceTests {
    /// The repository's top level is a workspace: its configuration is the one
    /// `crieur init` writes, so a setting added to one is never missing from the other.
    @Test func repositoryConfigurationIsTheDefaultOne() throws {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repository.deleteLastPathComponent() }
        let file = try String(contentsOf: repository.appendingPathComponent(CrieurConfig.relativePath), encoding: .utf8)
        #expect(file == DefaultConfiguration.text)
    }
}
