import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds one person in the bytes of a record file and replaces them with a
/// marker, precisely enough that nobody else's text is touched. Pure: takes
/// bytes, returns bytes; the erasure reads and writes the files around it.
///
/// - The address is replaced wherever it stands as a whole address (any case):
///   `jean@example.be` is found in `<Jean@Example.be>` or `"jean@example.be"`,
///   never inside `marie.jean@example.be` or `jean@example.be.fr`.
/// - The name is replaced only in the lines that are about the person — lines
///   that hold one of their subscriber ids or their address — and only as a
///   whole word (any case), as typed or JSON-escaped. A short name such as
///   « Li » is not blanked in other people's records, in the publication
///   journal or in a derogation's reason.
public struct PersonalDataScrubber: Sendable {
    public let address: EmailAddress
    public let names: [String]
    public let subscriberIDs: [String]
    public let marker: String

    public init(address: EmailAddress, names: [String], subscriberIDs: [String], marker: String = "[effacé]") {
        self.address = address
        self.names = names.filter { !$0.isEmpty }
        self.subscriberIDs = subscriberIDs.filter { !$0.isEmpty }
        self.marker = marker
    }

    /// `data` with the person replaced; nil when nothing of them was found.
    public func scrub(_ data: Data) -> Data? {
        var output = Data()
        output.reserveCapacity(data.count)
        var changed = false
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            let line = [UInt8](data[start..<end])
            if let cleaned = scrub(line: line) {
                output.append(contentsOf: cleaned)
                changed = true
            } else {
                output.append(contentsOf: line)
            }
            if end < data.endIndex { output.append(0x0A) }
            start = end < data.endIndex ? end + 1 : end
        }
        return changed ? output : nil
    }

    /// True when the bytes hold the address as a whole address.
    public func mentionsAddress(_ data: Data) -> Bool {
        let needle = Array(address.key.utf8)
        return data.withUnsafeBytes { !PersonalDataScrubber.addressRanges(of: needle, in: $0).isEmpty }
    }

    private func scrub(line: [UInt8]) -> [UInt8]? {
        let marker = Array(self.marker.utf8)
        let addressRanges = PersonalDataScrubber.addressRanges(of: Array(address.key.utf8), in: line)
        let aboutThePerson = !addressRanges.isEmpty
            || subscriberIDs.contains { !PersonalDataScrubber.wordRanges(of: $0, in: line).isEmpty }
        var bytes = line
        for range in addressRanges.reversed() { bytes.replaceSubrange(range, with: marker) }
        var changed = !addressRanges.isEmpty
        guard aboutThePerson else { return changed ? bytes : nil }
        for form in nameForms {
            let found = PersonalDataScrubber.wordRanges(of: form, in: bytes)
            guard !found.isEmpty else { continue }
            changed = true
            for range in found.reversed() { bytes.replaceSubrange(range, with: marker) }
        }
        return changed ? bytes : nil
    }

    /// Each name as typed and as a JSON string holds it (quotes and backslashes escaped).
    private var nameForms: [String] {
        var forms: [String] = []
        for name in names.sorted(by: { $0.count > $1.count }) {
            forms.append(name)
            if let escaped = try? JSONEncoder().encode(name),
               let text = String(data: escaped.dropFirst().dropLast(), encoding: .utf8), text != name {
                forms.append(text)
            }
        }
        return forms
    }

    // MARK: - Matching

    /// Characters that would make a longer address out of a match: a match
    /// preceded by one of them, or followed by one (or by a dot and one), is
    /// part of someone else's address.
    private static func isAddressCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    private static func isDomainContinuation(_ byte: UInt8) -> Bool {
        isAddressCharacter(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "+")
    }

    /// Whole-address occurrences of `needle` (already lower-cased ASCII) in
    /// `haystack`, any case. Each `@` is found with `memchr`, then the local part
    /// and the domain are compared around it: one pass, no copy.
    static func addressRanges(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        haystack.withUnsafeBytes { addressRanges(of: needle, in: $0) }
    }

    static func addressRanges(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard let at = needle.firstIndex(of: UInt8(ascii: "@")), let base = haystack.baseAddress else { return [] }
        let count = haystack.count
        var result: [Range<Int>] = []
        var index = 0
        while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "@")), count - index) {
            let position = base.distance(to: UnsafeRawPointer(found))
            let start = position - at, end = start + needle.count
            index = position + 1
            guard start >= 0, end <= count else { continue }
            var same = true
            for offset in 0..<needle.count {
                let byte = haystack[start + offset]
                if ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) != needle[offset] { same = false; break }
            }
            guard same else { continue }
            if start > 0, isAddressCharacter(haystack[start - 1]) { continue }
            if end < count {
                if isDomainContinuation(haystack[end]) { continue }
                if haystack[end] == UInt8(ascii: "."), end + 1 < count, isDomainContinuation(haystack[end + 1]) { continue }
            }
            result.append(start..<end)
            index = end
        }
        return result
    }

    /// Whole-word occurrences of `word` in UTF-8 `bytes`, ignoring case: the
    /// characters either side are neither letters nor digits.
    static func wordRanges(of word: String, in bytes: [UInt8]) -> [Range<Int>] {
        guard !word.isEmpty, let text = String(bytes: bytes, encoding: .utf8) else {
            // Not UTF-8 (a damaged line): exact bytes, bounded by ASCII non-alphanumerics.
            return ranges(of: Array(word.utf8), in: bytes).filter { range in
                func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || isalnum(Int32(b)) != 0 }
                return !(range.lowerBound > 0 && isWordByte(bytes[range.lowerBound - 1]))
                    && !(range.upperBound < bytes.count && isWordByte(bytes[range.upperBound]))
            }
        }
        var result: [Range<Int>] = []
        var searchStart = text.startIndex
        while let found = text.range(of: word, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
            let bounded = !(before.map { $0.isLetter || $0.isNumber } ?? false) && !(after.map { $0.isLetter || $0.isNumber } ?? false)
            if bounded {
                let lower = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                let upper = text.utf8.distance(from: text.startIndex, to: found.upperBound)
                result.append(lower..<upper)
            }
            searchStart = found.upperBound
        }
        return result
    }

    /// Non-overlapping occurrences of exact bytes, left to right.
    static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }
}
