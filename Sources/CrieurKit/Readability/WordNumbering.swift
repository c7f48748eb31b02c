import Glibc

/// Numbers the distinct words of a text by their UTF-8 bytes, as the tokenizer
/// reads them: the first occurrence of a word gets the next number and its bytes
/// are kept once, in one buffer for all words; later occurrences only cost a hash
/// and a comparison, with no String made for them. Equal numbers mean equal bytes
/// (so equal spelling, accents included and composed the same way).
///
/// An open-addressing table of numbers keyed by FNV-1a hashes of the bytes. Pure
/// and never fails.
struct WordNumbering: Sendable {
    /// The bytes of every word, one after the other, in the order of their numbers.
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; word `n` starts where word `n - 1` ends.
    private var ends: [Int32] = []
    private var hashes: [UInt32] = []
    /// Word numbers by hash, -1 for a free slot; a power of two long, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    init() {
        bytes.reserveCapacity(16 * 1024)
    }

    /// How many words are numbered.
    var count: Int { ends.count }

    /// Where word `id`'s bytes lie in `bytes`.
    func range(of id: Int32) -> Range<Int> {
        (id == 0 ? 0 : Int(ends[Int(id) - 1]))..<Int(ends[Int(id)])
    }

    /// The text of word `id`.
    func string(of id: Int32) -> String {
        String(decoding: bytes[range(of: id)], as: UTF8.self)
    }

    /// The number of `word` (valid UTF-8), given now if it is new.
    mutating func id(for word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, equals(id, word) { return id }
            slot = (slot + 1) & mask
        }
        let id = append(word, hash: hash)
        slots[slot] = id
        if 2 * count > slots.count { grow() }
        return id
    }

    /// Whether word `id` is `word`, byte for byte.
    private func equals(_ id: Int32, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: id)
        guard range.count == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            range.count == 0 || memcmp(stored.baseAddress! + range.lowerBound, word.baseAddress!, range.count) == 0
        }
    }

    /// A new number for `word` even when the same bytes already have one (for reports
    /// built word by word, where equal texts may carry different counts).
    mutating func appendUnshared(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        append(word, hash: Self.hash(word))
    }

    private mutating func append(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        bytes.append(contentsOf: word)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        return Int32(ends.count - 1)
    }

    private mutating func grow() {
        var larger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for id in slots where id >= 0 {
            var slot = Int(hashes[Int(id)]) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = id
        }
        slots = larger
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
