import Foundation

/// The code as pictures, each with the quiet zone of four light modules that
/// readers need around it: SVG for HTML pages (sharp at any size, black on
/// white), PNG for ODF documents, PBM for tools. Pure.
extension QRCode {
    /// Light modules around the symbol (ISO/IEC 18004: at least 4).
    public static let quietZone = 4

    /// Modules per side, quiet zone included.
    public var sideWithQuietZone: Int { size + 2 * Self.quietZone }

    /// An inline SVG element, one path of horizontal runs; `label` (already
    /// plain text, escaped here) is what screen readers say of it.
    public func svg(label: String) -> String {
        let side = sideWithQuietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < size && isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" aria-label=\"\(HTML.escape(label))\""
            + " shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// A PNG, `pixelsPerModule` pixels a module.
    public func png(pixelsPerModule: Int) -> Data {
        precondition(pixelsPerModule > 0, "a module has pixels")
        let side = sideWithQuietZone * pixelsPerModule
        return PNG.blackAndWhite(width: side, height: side) { x, y in isDarkWithQuietZone(x / pixelsPerModule, y / pixelsPerModule) }
    }

    /// A plain PBM (`P1`), one pixel a module times `pixelsPerModule`.
    public func pbm(pixelsPerModule: Int) -> String {
        let side = sideWithQuietZone * pixelsPerModule
        var lines = ["P1", "\(side) \(side)"]
        for y in 0..<side {
            lines.append((0..<side).map { isDarkWithQuietZone($0 / pixelsPerModule, y / pixelsPerModule) ? "1" : "0" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func isDarkWithQuietZone(_ x: Int, _ y: Int) -> Bool {
        let (column, row) = (x - Self.quietZone, y - Self.quietZone)
        guard (0..<size).contains(column), (0..<size).contains(row) else { return false }
        return isDark(x: column, y: row)
    }
}
