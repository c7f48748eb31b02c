/// The stable identifiers of the plain-language rules, as they appear in
/// findings, in `crieur check --format json` and in the configuration.
public enum ReadabilityRule: String, CaseIterable, Sendable, Codable {
    case longSentence = "long-sentence"
    case longWord = "long-word"
    case unexplainedAcronym = "unexplained-acronym"
    case administrativeWord = "administrative-word"
    case passiveVoice = "passive-voice"
    case negation = "negation"
    case doubleNegation = "double-negation"
    case capitals = "capitals"
    case numericDate = "numeric-date"
    case longParenthesis = "long-parenthesis"
    case manyNumbers = "many-numbers"
    case impersonalAddress = "impersonal-address"
    case rareWord = "rare-word"
}
