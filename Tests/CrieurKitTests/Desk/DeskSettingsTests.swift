import Foundation
import Testing
@testable import CrieurKit

/// The `desk` group: who may do what, and which channels wait for approval.
@Suite struct DeskSettingsTests {
    @Test func theDefaultConfigurationHasTheGroupWithNobodyAndNoApproval() throws {
        let config = try CrieurConfig.parse(Data(DefaultConfiguration.text.utf8))
        #expect(config.desk == DeskSettings())
        #expect(config.desk.users.isEmpty && config.desk.approval == .none && config.desk.pictureMaxBytes == 5_000_000)
        #expect(DefaultConfiguration.text.contains("  desk: {\n"))
    }

    @Test func usersRolesAndApprovalAreRead() throws {
        let config = try CrieurConfig.parse(Data("""
        { desk: { users: { "marie": ["redaction"], "paul": ["validation", "redaction"], "it": ["admin"] },
                  approval: ["facebook", "Écran"], pictureMaxBytes: 2000000 } }
        """.utf8))
        #expect(config.desk.roles(of: "paul") == [.validation, .redaction])
        #expect(config.desk.roles(of: "Marie").isEmpty)
        #expect(config.desk.approval == .channels([.facebook, .ecran]))
        #expect(config.desk.needsApproval([.bulletin, .ecran]) && !config.desk.needsApproval([.bulletin]))
        #expect(config.desk.pictureMaxBytes == 2_000_000)
        let all = try CrieurConfig.parse(Data(#"{ desk: { approval: ["*"] } }"#.utf8))
        #expect(all.desk.needsApproval([.bulletin]) && !DeskSettings().needsApproval([.bulletin]))
    }

    @Test(arguments: [
        (#"{ desk: { users: { marie: ["redacteur"] } } }"#,
         #"« desk.users.marie » : rôle inconnu « redacteur ». Les rôles sont « redaction », « validation », « admin »."#),
        (#"{ desk: { approval: ["pigeon"] } }"#, "« desk.approval » : canal inconnu « pigeon »."),
        (#"{ desk: { approval: ["*", "facebook"] } }"#, "« desk.approval » : « * » veut dire tous les canaux ; ne mettez rien d'autre à côté."),
        (#"{ desk: { user: {} } }"#, "Réglage inconnu « desk.user ». Vouliez-vous dire « desk.users » ?"),
        (#"{ desk: { users: { marie: "redaction" } } }"#, "« desk.users.marie » doit être une liste de textes [\"…\"], pas "),
        (#"{ desk: { pictureMaxBytes: 1 } }"#, "« desk.pictureMaxBytes » vaut 1 : choisissez un nombre entre 10000 et 50000000."),
    ])
    func aMistakeInTheGroupIsSaidInFrench(text: String, message: String) {
        let problems = configProblems(text)
        #expect(problems.contains { $0.hasPrefix(message) }, "\(problems)")
    }

    @Test func whoMayDoWhat() {
        let settings = DeskSettings(users: ["marie": [.redaction], "paul": [.validation], "it": [.admin]])
        let table: [(String, DeskAction, Bool)] = [
            ("marie", .write, true), ("marie", .correct(author: "marie"), true), ("marie", .withdraw(author: "marie"), true),
            ("marie", .correct(author: "luc"), false), ("marie", .withdraw(author: ""), false), ("marie", .correct(author: ""), false),
            ("marie", .approve, false), ("marie", .sendBack, false),
            ("paul", .write, true), ("paul", .correct(author: "marie"), true), ("paul", .withdraw(author: ""), true),
            ("paul", .approve, true), ("paul", .sendBack, true),
            ("it", .approve, true), ("it", .withdraw(author: "marie"), true),
            ("inconnu", .write, false), ("inconnu", .approve, false), ("", .correct(author: ""), false),
        ]
        for (user, action, allowed) in table {
            #expect(settings.allows(user, action) == allowed, "\(user) \(action)")
        }
    }

    /// « rené » and « rene + ◌́ » are one string for Swift, two accounts for the web server (its password file
    /// compares bytes): the second must not get the first one's roles, nor count as the author of her items.
    @Test func aUserNameIsTheWebServersBytesNotAnEquivalentSpelling() {
        let composed = "ren\u{E9}", decomposed = "rene\u{301}"
        let settings = DeskSettings(users: [composed: [.redaction]])
        #expect(settings.roles(of: composed) == [.redaction])
        #expect(settings.roles(of: decomposed).isEmpty)
        #expect(settings.allows(composed, .correct(author: composed)))
        #expect(!settings.allows(decomposed, .correct(author: composed)))
        #expect(!settings.allows(decomposed, .write))
        // The other account, given a role of its own, still does not own what the first one wrote.
        let other = DeskSettings(users: [decomposed: [.redaction]])
        #expect(other.allows(decomposed, .withdraw(author: decomposed)))
        #expect(!other.allows(decomposed, .withdraw(author: composed)) && !other.allows(decomposed, .correct(author: composed)))
    }
}
