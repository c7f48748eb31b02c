/// Escaping of text placed in HTML, for every HTML page Crieur writes.
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags
/// and inside a quoted attribute value (single or double quotes). It cannot
/// fail; it does not make text safe inside `<script>`, `<style>` or a URL
/// attribute, where item text must never go.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
