import Testing
@testable import CrieurKit

@Test(arguments: [
    ("", ""),
    ("Bonjour", "Bonjour"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("\"citation\"", "&quot;citation&quot;"),
    ("l'été", "l&#39;été"),
    ("&amp;", "&amp;amp;"),
    ("a<b>c\"d'e&f", "a&lt;b&gt;c&quot;d&#39;e&amp;f"),
    ("café 🎉 ligne\nsuivante", "café 🎉 ligne\nsuivante"),
])
func escapeReplacesTheFiveSpecialCharacters(raw: String, escaped: String) {
    #expect(HTML.escape(raw) == escaped)
}
