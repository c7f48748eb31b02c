import Foundation
import Testing
@testable import CrieurKit

/// The rules written in `ScreenLegibility`, computed.
@Suite("Screen legibility")
struct ScreenLegibilityTests {
    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyColourPairReachesWCAGLevelAAA() {
        for pair in ScreenLegibility.pairs {
            #expect(Self.contrast(pair.foreground, pair.background) >= 7, "\(pair)")
        }
        // The figures stated in ScreenLegibility's comment.
        #expect(String(format: "%.1f", Self.contrast(ScreenLegibility.text, ScreenLegibility.background)) == "16.8")
        #expect(String(format: "%.1f", Self.contrast(ScreenLegibility.accent, ScreenLegibility.background)) == "12.3")
        #expect(String(format: "%.1f", Self.contrast(ScreenLegibility.text, ScreenLegibility.headerBackground)) == "19.0")
        #expect(String(format: "%.1f", Self.contrast(ScreenLegibility.accent, ScreenLegibility.headerBackground)) == "13.9")
    }

    @Test func contrastFormulaMatchesTheKnownExtremes() {
        #expect(Self.contrast("#000000", "#ffffff") == 21)
        #expect(String(format: "%.2f", Self.contrast("#767676", "#ffffff")) == "4.54")
    }

    /// Arc-minutes the x-height of `pixels`-px text subtends from the viewing distance.
    static func xHeightArcMinutes(pixels: Int, diagonalInches: Double) -> Double {
        let pictureHeightMillimetres = diagonalInches * 25.4 * 9 / (16 * 16 + 9 * 9).squareRoot()
        let millimetresPerPixel = pictureHeightMillimetres / ScreenLegibility.screenPixelRows
        let xHeight = Double(pixels) * ScreenLegibility.xHeightPerEm * millimetresPerPixel
        return atan(xHeight / ScreenLegibility.viewingDistanceMillimetres) * 180 / .pi * 60
    }

    @Test func bodyTextIsAboveTheCriticalPrintSizeFromFourMetresOnA43InchSet() {
        let body = Self.xHeightArcMinutes(pixels: ScreenLegibility.bodyPixels, diagonalInches: ScreenLegibility.screenDiagonalInches)
        #expect(body >= 12)
        #expect(String(format: "%.1f", body) == "13.1")
        // The shrinking floor: 11.2′ on 43 inches, the critical size from 50 inches.
        #expect(String(format: "%.1f", Self.xHeightArcMinutes(pixels: ScreenLegibility.minimumBodyPixels, diagonalInches: 43)) == "11.2")
        #expect(String(format: "%.1f", Self.xHeightArcMinutes(pixels: ScreenLegibility.minimumBodyPixels, diagonalInches: 50)) == "13.1")
        #expect(ScreenLegibility.minimumBodyPixels >= 48)
    }
}
