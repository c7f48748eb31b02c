import Foundation

/// The browser checks of `Fixtures/browser/`: Python scripts driving headless
/// Chromium through Selenium and Debian's `/usr/bin/chromedriver` (never a
/// downloaded driver). `axe_check.py` runs axe-core's WCAG 2.1 AA rules on
/// pages; `layout_check.py` finds cut text at given screen sizes.
enum BrowserChecks {
    static let folder: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/browser").path
    }()

    struct AxeViolation: Decodable, CustomStringConvertible {
        struct Node: Decodable { var target: [String]; var html: String; var summary: String }
        var id: String
        var impact: String?
        var help: String
        var nodes: [Node]
        var description: String {
            "\(id) (\(impact ?? "?")): \(help) — " + nodes.map { "\($0.target.joined(separator: " ")): \($0.html)" }.joined(separator: "; ")
        }
    }

    struct AxeReport: Decodable {
        var axe: String
        var pages: [String: [AxeViolation]]
    }

    /// axe-core's WCAG 2.0/2.1 A and AA violations of each page (file paths, maybe with a query).
    static func axe(_ pages: [String], width: Int = 1920, height: Int = 1080) throws -> AxeReport {
        let output = try ExternalProgram.run(PeerPython.command(
            ["\(folder)/axe_check.py", "--width", "\(width)", "--height", "\(height)"] + pages), seconds: 300)
        return try JSONDecoder().decode(AxeReport.self, from: output)
    }

    struct Layout: Decodable {
        struct Problem: Decodable, CustomStringConvertible {
            var text: String
            var outside: String
            var box: [Int]
            var limit: [Int]
            var description: String { "« \(text) » dépasse \(outside): \(box) hors de \(limit)" }
        }
        struct Text: Decodable { var tag: String; var id: String; var text: String }
        var width: Int
        var height: Int
        var problems: [Problem]
        var texts: [Text]
        var overflowing: [String]
        var screenshot: String
    }

    /// The page at each `WIDTHxHEIGHT` size: cut text and visible text, screenshots saved in `folder`.
    static func layout(_ url: String, sizes: [String], screenshotsIn outFolder: String) throws -> [String: Layout] {
        let output = try ExternalProgram.run(PeerPython.command(["\(folder)/layout_check.py", outFolder, url] + sizes), seconds: 300)
        return try JSONDecoder().decode([String: Layout].self, from: output)
    }

    /// Runs a Python script with `chromium.open_browser` importable; returns its standard output.
    static func script(_ source: String, _ arguments: [String] = []) throws -> String {
        try ExternalProgram.python("import sys; sys.path.insert(0, \(pythonString(folder)))\n" + source, arguments)
    }

    private static func pythonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
