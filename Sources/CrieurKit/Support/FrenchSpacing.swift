/// No-break spaces where French typography forbids a line break: inside a time
/// (« 12 h », « 9 h 30 »), between a day and its month (« 2 décembre »,
/// « 1er décembre »), between a number and its unit (« 20 € », « 50 % »).
///
/// Applied to text just before it is rendered on a page whose lines the
/// browser breaks (the waiting-room screen, the Facebook page), never to what
/// is stored or copied. Only the ordinary space between the two words becomes
/// U+00A0; everything else is left as it is. Pure.
public enum FrenchSpacing {
    public static let noBreakSpace: Character = "\u{00A0}"

    /// Words that stay on the line of the number before them.
    static let unitsAfterNumber: Set<String> = Set(FrenchDates.monthNames + ["h", "€", "%", "min", "km", "ans", "euros"])

    public static func bindingNumbers(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 1 else { return text }
        var result = String(words[0])
        for index in words.indices.dropFirst() {
            let before = words[index - 1], word = words[index]
            // « 9 h 30 »: the minutes stay with their hour.
            let minutes = index >= 2 && before == "h" && isNumber(words[index - 2]) && word.first?.isNumber == true
            result.append((isNumber(before) && isUnit(word)) || minutes ? noBreakSpace : " ")
            result += word
        }
        return result
    }

    /// « 12 », « 1er », « 2e »: digits, maybe with an ordinal ending.
    private static func isNumber(_ word: Substring) -> Bool {
        let digits = word.hasSuffix("er") ? word.dropLast(2) : word.hasSuffix("e") ? word.dropLast() : word
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A unit or month, maybe followed by punctuation (« décembre, », « h. »).
    private static func isUnit(_ word: Substring) -> Bool {
        var bare = word
        while let last = bare.last, ",.;:!?)»".contains(last) { bare = bare.dropLast() }
        return unitsAfterNumber.contains(String(bare))
    }
}
