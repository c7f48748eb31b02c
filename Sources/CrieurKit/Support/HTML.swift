/// Escaping of text placed in HTML, for every HTML page Crieur writes.
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both between tags
/// and inside a quoted attribute value (single or double quotes). It cannot
/// fail; it does not make text safe inside `<script>`, `<style>` or a URL
/// attribute, where item text must never go.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // The five characters are ASCII, so working on UTF-8 bytes is exact and
        // much faster than on Characters (newsletters escape per recipient).
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: escaped.append(contentsOf: "&amp;".utf8)
            case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
            case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
            case 0x22: escaped.append(contentsOf: "&quot;".utf8)
            case 0x27: escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
