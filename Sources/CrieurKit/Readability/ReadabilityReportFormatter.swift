import Foundation

/// Turns a `ReadabilityReport` into what people and programs read: the French
/// text report for staff (a verdict per channel, then each sentence to rewrite
/// with its line, its problems and what to write instead) and the JSON object
/// of `crieur check --format json`. Pure; encoding a report cannot fail in
/// practice (every value is a string, a number or a boolean).
public enum ReadabilityReportFormatter {
    /// The French report for staff about `file` (the name shown at the top).
    public static func text(_ report: ReadabilityReport, file: String) -> String {
        var out = "Lisibilité de « \(file) » : \(changesLine(report))\n\n"
        out += report.passesAllChannels
            ? "Ce texte est assez simple pour tous ses canaux.\n"
            : "Ce texte est trop difficile pour au moins un canal. Réécrivez les phrases indiquées ci-dessous.\n"
        out += "\nVerdict par canal :\n"
        for verdict in report.verdicts {
            out += verdict.pass
                ? "  ✔ \(verdict.channel.frenchName) : accepté\n"
                : "  ✘ \(verdict.channel.frenchName) : refusé\n"
            for reason in verdict.reasons { out += "      – \(reason)\n" }
        }
        let m = report.metrics
        out += "\nMesures : \(m.sentences) phrase\(m.sentences > 1 ? "s" : ""), \(m.words) mots, "
        out += "\(format(m.averageSentenceWords)) mots par phrase en moyenne, "
        out += "score de lisibilité \(format(m.kandelMoles)) sur 100, LIX \(format(m.lix)), "
        out += "indice de simplicité \(format(m.simplicity)) sur 100 (plus il est haut, plus le texte est facile ; "
        out += "il compte aussi les mots peu courants : \(format(m.rareWordShare * 100)) %), niveau \(m.level.rawValue).\n"

        let blocking = report.findings.filter { $0.severity != .info }
        let advice = report.findings.filter { $0.severity == .info }
        if report.findings.isEmpty {
            out += "\nAucun problème trouvé. Merci d'écrire simplement !\n"
            return out
        }
        if !blocking.isEmpty {
            out += "\nÀ corriger ou à améliorer (\(blocking.count)) :\n"
            out += grouped(blocking, in: report)
        }
        if !advice.isEmpty {
            out += "\nConseils (\(advice.count)) :\n"
            out += grouped(advice, in: report)
        }
        if !report.passesAllChannels {
            out += "\nSi ce texte ne peut vraiment pas être simplifié, ajoutez dans l'en-tête la ligne "
            out += "« Dérogation: » suivie de la raison : il sera publié et la raison sera notée.\n"
        }
        return out
    }

    /// How many things the report asks to change (the findings to correct or improve)
    /// and how many pieces of advice follow, in French: the report's first line.
    static func changesLine(_ report: ReadabilityReport) -> String {
        let changes = report.findings.filter { $0.severity != .info }.count
        let advice = report.findings.count - changes
        var line = changes == 0 ? "rien à changer" : changes == 1 ? "1 chose à changer" : "\(changes) choses à changer"
        if advice > 0 { line += advice == 1 ? " et 1 conseil" : " et \(advice) conseils" }
        return line + "."
    }

    /// Findings grouped under the sentence they concern, in reading order.
    static func grouped(_ findings: [ReadabilityFinding], in report: ReadabilityReport) -> String {
        var out = ""
        var currentSentence: Int? = -1
        for finding in findings {
            if finding.sentenceIndex != currentSentence {
                currentSentence = finding.sentenceIndex
                let sentence = finding.sentenceIndex.flatMap {
                    $0 < report.layout.sentenceCount ? report.layout.text(ofSentence: $0) : nil
                }
                out += "\nLigne \(finding.line)"
                if let sentence { out += " : « \(shortened(sentence)) »" }
                out += "\n"
            }
            out += "  • \(finding.severity.frenchLabel.capitalizedFirst) — \(finding.message)\n"
            out += "    → \(finding.suggestion)\n"
        }
        return out
    }

    /// The JSON object of `crieur check --format json` for `file`, keys sorted,
    /// scores rounded to two decimals. Written by hand rather than with
    /// `JSONEncoder`: a long text lists every word, and encoding them through
    /// `Codable` was a quarter of the command's time. The bytes are the same
    /// as `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` gave.
    public static func json(_ report: ReadabilityReport, file: String) -> Data {
        Data(jsonBytes(report, file: file))
    }

    /// The same JSON as `json(_:file:)`, as UTF-8 bytes ready to write.
    public static func jsonBytes(_ report: ReadabilityReport, file: String) -> [UInt8] {
        var all: [UInt8] = []
        writeJSON(report, file: file) { all.append(contentsOf: $0) }
        return all
    }

    /// The same JSON as `json(_:file:)`, handed to `output` in pieces of about 64 KB, in
    /// order. The JSON of a 1 MB text is 11 MB: written piece by piece through one small
    /// buffer, it never needs those 11 MB of memory (nor their page faults).
    /// The object `check --format json` prints for a file it could not read, so that
    /// every file named gets one: the same keys, `"unreadable": true`, every channel
    /// failing, each reason as a finding of rule `unreadable-file` (line `null` when
    /// it has none, the fix as its suggestion), zero counts, `null` scores, no sentences.
    public static func writeUnreadableJSON(
        _ problems: [ItemProblem], file: String, channels: [Channel], to output: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var json = JSONByteWriter(reservingCapacity: 1024)
        let null = { (json: inout JSONByteWriter) in Array("null".utf8).withUnsafeBufferPointer { json.value(json: $0) } }
        json.beginObject()
        json.key("channels")
        json.beginObject()
        for channel in channels.sorted(by: { $0.rawValue < $1.rawValue }) {
            writeChannel(&json, channel, pass: false, reasons: ["Fichier illisible."])
        }
        json.endObject()
        json.key("file")
        json.string(file)
        json.key("findings")
        json.beginArray()
        for problem in problems {
            json.beginObject()
            json.key("excerpt")
            json.string("")
            json.key("line")
            if let line = problem.line { json.int(line) } else { null(&json) }
            json.key("message")
            json.string(problem.message)
            json.key("rule")
            json.string("unreadable-file")
            json.key("severity")
            json.string(ReadabilityFinding.Severity.error.rawValue)
            json.key("suggestion")
            json.string(problem.fix)
            json.endObject()
        }
        json.endArray()
        json.key("metrics")
        json.beginObject()
        json.key("kandelMoles")
        null(&json)
        json.key("lix")
        null(&json)
        json.key("sentences")
        json.int(0)
        json.key("simplicity")
        null(&json)
        json.key("syllables")
        json.int(0)
        json.key("words")
        json.int(0)
        json.endObject()
        json.key("sentences")
        json.beginArray()
        json.endArray()
        json.key("unreadable")
        json.bool(true)
        json.endObject()
        json.drain(to: output)
    }

    /// `verdict`: what the worker would do with the item (`crieur check` on an item), written last.
    public static func writeJSON(
        _ report: ReadabilityReport, file: String, verdict: ItemVerdict? = nil, to output: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let tokens = report.layout.tokens
        let piece = 64 * 1024
        // Room for a piece and the longest sentence or finding that may follow it.
        var json = JSONByteWriter(reservingCapacity: 2 * piece)
        let round = { (x: Double) in (x * 100).rounded() / 100 }
        json.beginObject()
        json.key("channels")
        json.beginObject()
        for verdict in report.verdicts.sorted(by: { $0.channel.rawValue < $1.channel.rawValue }) {
            writeChannel(&json, verdict.channel, pass: verdict.pass, reasons: verdict.reasons)
        }
        json.endObject()
        json.key("file")
        json.string(file)
        json.key("findings")
        json.beginArray()
        for finding in report.findings {
            json.beginObject()
            json.key("excerpt")
            json.string(finding.excerpt)
            json.key("line")
            json.int(finding.line)
            json.key("message")
            json.string(finding.message)
            json.key("rule")
            json.string(finding.rule)
            json.key("severity")
            json.string(finding.severity.rawValue)
            json.key("suggestion")
            json.string(finding.suggestion)
            json.endObject()
            if json.bytes.count >= piece { json.drain(to: output) }
        }
        json.endArray()
        let m = report.metrics
        json.key("metrics")
        json.beginObject()
        json.key("averageSentenceWords")
        json.double(round(m.averageSentenceWords))
        json.key("averageWordSyllables")
        json.double(round(m.averageWordSyllables))
        json.key("kandelMoles")
        json.double(round(m.kandelMoles))
        json.key("level")
        json.string(m.level.rawValue)
        json.key("lix")
        json.double(round(m.lix))
        json.key("longWordShare")
        json.double(round(m.longWordShare))
        json.key("longestSentenceWords")
        json.int(m.longestSentenceWords)
        json.key("meanLogRank")
        json.double(round(m.meanLogRank))
        json.key("rareWordShare")
        json.double(round(m.rareWordShare))
        json.key("sentences")
        json.int(m.sentences)
        json.key("simplicity")
        json.double(round(m.simplicity))
        json.key("syllables")
        json.int(m.syllables)
        json.key("words")
        json.int(m.words)
        json.endObject()
        // Each distinct word's object ({"syllables":3,"text":"…"}) is written once, then
        // copied at every occurrence: the same bytes each time, a copy cheaper than escaping.
        var objects = JSONByteWriter(reservingCapacity: 32 * tokens.numbering.count + tokens.numbering.bytes.count)
        var objectEnds: [Int] = []
        objectEnds.reserveCapacity(tokens.numbering.count)
        tokens.numbering.bytes.withUnsafeBufferPointer { words in
            for id in 0..<Int32(tokens.numbering.count) {
                var object = JSONByteWriter(reservingCapacity: 32)
                object.beginObject()
                object.key("syllables")
                object.int(report.layout.syllables[Int(id)])
                object.key("text")
                object.string(utf8: UnsafeBufferPointer(rebasing: words[tokens.numbering.range(of: id)]))
                object.endObject()
                object.bytes.withUnsafeBufferPointer { objects.value(json: $0) }
                objectEnds.append(objects.bytes.count)
            }
        }
        json.key("sentences")
        json.beginArray()
        objects.bytes.withUnsafeBufferPointer { objectBytes in
            tokens.sentenceBytes.withUnsafeBufferPointer { sentenceBytes in
                for span in tokens.sentences {
                    json.beginObject()
                    json.key("line")
                    json.int(span.line)
                    json.key("text")
                    json.string(utf8: UnsafeBufferPointer(rebasing: sentenceBytes[span.text]))
                    json.key("words")
                    json.beginArray()
                    for id in tokens.wordIDs[span.words] {
                        // Objects are separated by commas in `objects`: each starts after the previous end's comma.
                        let start = id == 0 ? 0 : objectEnds[Int(id) - 1] + 1
                        json.value(json: UnsafeBufferPointer(rebasing: objectBytes[start..<objectEnds[Int(id)]]))
                    }
                    json.endArray()
                    json.endObject()
                    if json.bytes.count >= piece { json.drain(to: output) }
                }
            }
        }
        json.endArray()
        if let verdict {
            json.key("verdict")
            json.beginObject()
            json.key("channels")
            json.beginArray()
            for channel in verdict.channels { json.string(channel.rawValue) }
            json.endArray()
            json.key("kind")
            json.string(verdict.kind.rawValue)
            json.key("leftOut")
            json.beginArray()
            for channel in verdict.leftOut { json.string(channel.rawValue) }
            json.endArray()
            json.key("text")
            json.string(verdict.french)
            json.endObject()
        }
        json.endObject()
        json.drain(to: output)
    }

    /// One member of `channels`: `"ecran": {"pass": false, "reasons": […]}`.
    private static func writeChannel(_ json: inout JSONByteWriter, _ channel: Channel, pass: Bool, reasons: [String]) {
        json.key(escaping: channel.rawValue)
        json.beginObject()
        json.key("pass")
        json.bool(pass)
        json.key("reasons")
        json.beginArray()
        for reason in reasons { json.string(reason) }
        json.endArray()
        json.endObject()
    }

    static func shortened(_ sentence: String) -> String {
        guard sentence.count > 160 else { return sentence }
        return String(sentence.prefix(157)) + "…"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
