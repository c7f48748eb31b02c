/// Reads comma-separated values as RFC 4180 writes them: fields in double
/// quotes may hold the separator, line breaks and doubled quotes (`""`). It is
/// lenient where spreadsheets are sloppy: a quote inside an unquoted field is
/// kept as text. The separator is `,`, or `;` when the header line holds more
/// semicolons than commas (Excel in French writes `;`). The text must already
/// have LF line ends (`TextDecoding`).
public enum CSV {
    /// One record and the line it starts on (1-based).
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// The records, or the line of a quote that is never closed.
    public static func parse(_ text: String) -> (records: [Record], unclosedQuoteLine: Int?) {
        let separator = detectSeparator(text)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case separator:
                endField()
            case "\n":
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes { return (records, quoteLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return (records, nil)
    }

    private static func detectSeparator(_ text: String) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && !inQuotes { break }
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes && scalar == "," { commas += 1 }
            if !inQuotes && scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
