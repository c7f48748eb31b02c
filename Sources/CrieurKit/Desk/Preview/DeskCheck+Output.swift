import Foundation

extension DeskCheck {
    /// Compact JSON with sorted keys, for the form's live check (`fetch`):
    /// `problems`, `problemDetails`, `channels` (each `channel`, `frenchName`,
    /// `passes`, `findings` with `sentence`, `offset`, `message`, `suggestion`…,
    /// `limits`, `reasons`, `codes`), `verdict`, `derogation`, `accepted`.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and booleans only: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// An HTML fragment for the « Vérifier » page (no JavaScript): the item's
    /// problems, then per channel « ✔ Écran » or « ✘ Écran : 2 remarques », each
    /// finding quoting its sentence, with the message and « Proposition : … ».
    /// Everything staff typed is escaped.
    public func html() -> String {
        var html = "<div class=\"crieur-verification\">\n"
        if let verdict {
            html += "<p class=\"crieur-decision\">\(HTML.escape("Décision : l'annonce serait \(verdict)."))</p>\n"
        }
        if !problemDetails.isEmpty {
            html += "<div class=\"crieur-problemes\">\n<p><strong>"
                + (problemDetails.count == 1 ? "1 chose à corriger dans l'annonce :" : "\(problemDetails.count) choses à corriger dans l'annonce :")
                + "</strong></p>\n<ul>\n"
            for problem in problemDetails {
                let place = problem.line.map { "Ligne \($0) : " } ?? ""
                html += "<li>\(HTML.escape(place + problem.message))<br>\n\(HTML.escape("Que faire : " + problem.fix))</li>\n"
            }
            html += "</ul>\n</div>\n"
        }
        if let derogation {
            html += "<p class=\"crieur-derogation\">\(HTML.escape("Dérogation : « \(derogation) ». L'annonce sera publiée malgré les remarques ci-dessous."))</p>\n"
        }
        if !channels.isEmpty {
            // A channel whose sentences get the same remarks as an earlier one's says so instead of repeating them.
            var seen: [(findings: String, name: String)] = []
            html += "<ul class=\"crieur-canaux\">\n"
            for verdict in channels {
                let findings = Self.findingsHTML(verdict)
                let same = findings.isEmpty ? nil : seen.first { $0.findings == findings }?.name
                html += Self.html(verdict, findings: same.map { "<p class=\"crieur-memes\">\(HTML.escape("Remarques sur les phrases : les mêmes que pour « \($0) », ci-dessus."))</p>\n" } ?? findings)
                if same == nil, !findings.isEmpty { seen.append((findings, verdict.frenchName)) }
            }
            html += "</ul>\n"
        }
        return html + "</div>\n"
    }

    /// How many remarks a failing channel's heading counts: its limits, and its findings
    /// to correct or improve (its verdict's reasons when it fails on the scores alone).
    static func remarks(_ verdict: ChannelVerdict) -> Int {
        let findings = verdict.findings.filter { $0.severity != "info" }.count
        return verdict.limits.count + (findings > 0 ? findings : verdict.reasons.count)
    }

    static func html(_ verdict: ChannelVerdict, findings: String) -> String {
        let name = verdict.frenchName.prefix(1).uppercased() + verdict.frenchName.dropFirst()
        let heading: String
        if verdict.passes {
            heading = "✔ \(name)" + (verdict.derogation ? " (par dérogation)" : "")
        } else {
            let count = remarks(verdict)
            heading = "✘ \(name)" + (count == 0 ? "" : count == 1 ? " : 1 remarque" : " : \(count) remarques")
        }
        var html = "<li class=\"crieur-canal \(verdict.passes ? "crieur-ok" : "crieur-refus")\" data-canal=\"\(HTML.escape(verdict.channel))\">\n"
        html += "<p class=\"crieur-canal-titre\"><strong>\(HTML.escape(heading))</strong></p>\n"
        if let characters = verdict.characters, let limit = verdict.characterLimit {
            html += "<p class=\"crieur-compte\">\(HTML.escape(DeskPreview.bulletinCount(characters, limit: limit)))</p>\n"
        }
        var notes = verdict.limits
        if !verdict.passes || verdict.derogation { notes += verdict.reasons }
        if !notes.isEmpty {
            html += "<ul class=\"crieur-limites\">\n" + notes.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !verdict.warnings.isEmpty {
            html += "<ul class=\"crieur-avertissements\">\n"
                + verdict.warnings.map { "<li>\(HTML.escape("Attention : " + $0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + findings + "</li>\n"
    }

    /// The findings' list of a channel (empty without findings).
    static func findingsHTML(_ verdict: ChannelVerdict) -> String {
        var html = ""
        if !verdict.findings.isEmpty {
            if verdict.passes && !verdict.derogation {
                html += "<p>À améliorer si vous le pouvez :</p>\n"
            }
            html += "<ol class=\"crieur-remarques\">\n"
            for finding in verdict.findings {
                html += "<li class=\"crieur-remarque crieur-\(HTML.escape(finding.severity))\">\n"
                html += "<blockquote><p>« \(HTML.escape(finding.sentence)) »</p></blockquote>\n"
                html += "<p>\(HTML.escape("Ligne \(finding.line), \(finding.severityLabel) : \(finding.message)"))</p>\n"
                if let suggestion = finding.suggestion {
                    html += "<p class=\"crieur-proposition\">\(HTML.escape("Proposition : " + suggestion))</p>\n"
                }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        return html
    }
}

// The JSON has the same keys in every answer: an absent value is `null`, never a missing key.

extension DeskCheck {
    enum CodingKeys: String, CodingKey {
        case problems, problemDetails, channels, verdict, derogation, accepted
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(problems, forKey: .problems)
        try c.encode(problemDetails, forKey: .problemDetails)
        try c.encode(channels, forKey: .channels)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(derogation, forKey: .derogation)
        try c.encode(accepted, forKey: .accepted)
    }
}

extension DeskCheck.Problem {
    enum CodingKeys: String, CodingKey {
        case line, message, fix
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
        try c.encode(fix, forKey: .fix)
    }
}

extension DeskCheck.ChannelVerdict {
    enum CodingKeys: String, CodingKey {
        case channel, frenchName, passes, findings, limits, warnings, reasons, codes, derogation, characters, characterLimit
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(channel, forKey: .channel)
        try c.encode(frenchName, forKey: .frenchName)
        try c.encode(passes, forKey: .passes)
        try c.encode(findings, forKey: .findings)
        try c.encode(limits, forKey: .limits)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(codes, forKey: .codes)
        try c.encode(derogation, forKey: .derogation)
        try c.encode(characters, forKey: .characters)
        try c.encode(characterLimit, forKey: .characterLimit)
    }
}

extension DeskCheck.Finding {
    enum CodingKeys: String, CodingKey {
        case rule, severity, severityLabel, line, part, sentence, excerpt, message, suggestion, offset, length
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(severityLabel, forKey: .severityLabel)
        try c.encode(line, forKey: .line)
        try c.encode(part, forKey: .part)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(excerpt, forKey: .excerpt)
        try c.encode(message, forKey: .message)
        try c.encode(suggestion, forKey: .suggestion)
        try c.encode(offset, forKey: .offset)
        try c.encode(length, forKey: .length)
    }
}
