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
    /// The same title and text as another current or queued item.
    case duplicate
    /// Its last day was already past when it arrived.
    case alreadyEnded
    /// `Statut: annulé` for an identity that has no current item.
    case nothingToWithdraw

    public var code: String {
        switch self {
        case .format: return "format"
        case .readability(let rule): return "readability:\(rule)"
        case .channel(let channel): return "channel:\(channel.rawValue)"
        case .duplicate: return "duplicate"
        case .alreadyEnded: return "ended"
        case .nothingToWithdraw: return "withdrawal"
        }
    }

    public init?(code: String) {
        switch code {
        case "format": self = .format; return
        case "duplicate": self = .duplicate; return
        case "ended": self = .alreadyEnded; return
        case "withdrawal": self = .nothingToWithdraw; return
        default: break
        }
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
        case .duplicate: return "doublon d'une annonce déjà publiée ou en attente"
        case .alreadyEnded: return "date de fin déjà passée au dépôt"
        case .nothingToWithdraw: return "annulation d'une annonce introuvable"
        }
    }
}
