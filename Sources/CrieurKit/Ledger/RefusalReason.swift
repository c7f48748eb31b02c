/// Why an item was refused, in a form the PST report can count:
/// `format`, `readability:long-sentence`, `channel:facebook`.
public enum RefusalReason: Hashable, Sendable {
    /// The file could not be read as an announcement (header, dates, encoding, picture…).
    case format
    /// Too hard to read; `rule` is a readability rule id such as `long-sentence`,
    /// or `score` when only the scores failed.
    case readability(rule: String)
    /// A channel could not take it (a Facebook post too long, …).
    case channel(Channel)

    public var code: String {
        switch self {
        case .format: return "format"
        case .readability(let rule): return "readability:\(rule)"
        case .channel(let channel): return "channel:\(channel.rawValue)"
        }
    }

    public init?(code: String) {
        if code == "format" { self = .format; return }
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "readability": self = .readability(rule: parts[1])
        case "channel":
            guard let channel = Channel(rawValue: parts[1]) else { return nil }
            self = .channel(channel)
        default: return nil
        }
    }

    /// For the centre, in French.
    public var frenchLabel: String {
        switch self {
        case .format: return "annonce mal formée ou illisible (en-tête, dates, encodage, image)"
        case .readability(let rule):
            let labels = [
                "score": "score de lisibilité trop bas",
                "long-sentence": "phrases trop longues",
                "long-word": "mots trop longs",
                "unexplained-acronym": "sigles non expliqués",
                "administrative-word": "mots administratifs",
                "passive-voice": "voix passive",
                "negation": "négations",
                "double-negation": "doubles négations",
                "capitals": "mots en majuscules",
                "numeric-date": "dates en chiffres",
                "long-parenthesis": "longues parenthèses",
                "many-numbers": "trop de nombres dans une phrase",
                "impersonal-address": "tournures impersonnelles",
            ]
            return "texte difficile : \(labels[rule] ?? rule)"
        case .channel(let channel): return "refusée par le canal \(channel.frenchName)"
        }
    }
}
