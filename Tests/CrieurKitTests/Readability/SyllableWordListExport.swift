import Foundation
import Testing

@testable import CrieurKit

/// Opt-in bridge for `benchmarks/readability/syllable_accuracy.py`: counts the
/// syllables of every word in the file named by `CRIEUR_SYLLABLE_WORDS` (one a
/// line) and writes `word<TAB>count` lines to `CRIEUR_SYLLABLE_OUT`. Does
/// nothing in an ordinary `swift test` run, where both variables are unset.
@Test func syllableCountsAreExportedForTheAccuracyScript() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let input = environment["CRIEUR_SYLLABLE_WORDS"], let output = environment["CRIEUR_SYLLABLE_OUT"] else {
        return
    }
    let words = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n").map(String.init)
    var lines = ""
    for word in words {
        lines += "\(word)\t\(FrenchSyllableCounter.count(word))\n"
    }
    try lines.write(toFile: output, atomically: true, encoding: .utf8)
    #expect(words.count == lines.split(separator: "\n").count)
}

/// Opt-in bridge for `benchmarks/readability/kandel_moles_correlation.py`: scores
/// each text of `CRIEUR_READABILITY_TEXTS` (texts separated by a line `=====`)
/// and writes one Kandel & Moles score a line to `CRIEUR_READABILITY_OUT`.
@Test func kandelMolesScoresAreExportedForTheCorrelationScript() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let input = environment["CRIEUR_READABILITY_TEXTS"], let output = environment["CRIEUR_READABILITY_OUT"] else {
        return
    }
    let texts = try String(contentsOfFile: input, encoding: .utf8).components(separatedBy: "\n=====\n")
    let checker = ReadabilityChecker()
    let scores = texts.map { String(checker.check($0).metrics.kandelMoles) }
    try (scores.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
    #expect(scores.count == texts.count)
}
