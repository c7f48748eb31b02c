import Foundation

extension ConsentLedger {
    /// What an erasure did.
    public struct ErasureReport: Sendable, Equatable {
        /// The subscriptions erased (every list the address was on).
        public var subscribers: [String]
        /// Files of `data/` other than the consent ledger where the address or the
        /// name was found and replaced (delivery records keep SMTP replies, which
        /// often quote the address).
        public var scrubbedFiles: [String]
        /// Files of `data/` that still contain the address afterwards; empty when
        /// the erasure is complete.
        public var remainingFiles: [String]
    }

    /// What replaces an erased address or name inside other records.
    static let erasedMarker = "[effacé]"

    /// Right to erasure: removes the address and the name from every file of
    /// `data/`, and puts a salted fingerprint of the address on the suppression
    /// list so that a later import does not bring the person back.
    ///
    /// Order, so that an interrupted erasure is safe and finished by running it
    /// again: 1. the suppression entry (from then on the address cannot be added
    /// back); 2. the consent ledger rewritten (temporary file, fsync, rename) with
    /// the person's events reduced to id, list, kind and time, plus an `erased`
    /// event — the quarterly counts stay right; 3. every other file of `data/`
    /// rewritten the same way where it mentions the address or the name.
    /// Finally every file is searched again and any left is reported.
    public func erase(address: EmailAddress) throws -> ErasureReport {
        try withLock {
            let reading = try read()
            if let damage = reading.damage { throw damage }
            let held = reading.state.subscribers(address: address)
            let names = Array(Set(held.compactMap(\.name)))
            try suppression.add(address, time: clock.now())

            let ids = Set(held.map(\.id))
            let encoder = ConsentEvent.lineEncoder()
            var ledger = Data()
            for entry in reading.entries {
                ledger.append(ids.contains(entry.event.subscriber)
                    ? try AppendOnlyLog.encodeLine(entry.event.withoutPersonalData, encoder: encoder)
                    : entry.bytes)
                ledger.append(0x0A)
            }
            for subscriber in held where subscriber.state != .erased {
                let event = ConsentEvent(kind: .erased, subscriber: subscriber.id, list: subscriber.list, time: clock.now())
                ledger.append(try AppendOnlyLog.encodeLine(event, encoder: encoder))
                ledger.append(0x0A)
            }
            // Someone else's proof text may quote the address too.
            ledger = ConsentLedger.scrub(ledger, address: address, names: names) ?? ledger
            if try !held.isEmpty || FileSystem.info(path) != nil {
                try FileSystem.writeDurably(ledger, to: path, mode: 0o600)
            }

            var scrubbed: [String] = []
            for name in try otherDataFiles() {
                let file = "\(workspace.dataDirectory)/\(name)"
                guard case .contents(let data) = try FileSystem.read(file, maxBytes: Int.max),
                      let cleaned = ConsentLedger.scrub(data, address: address, names: names) else { continue }
                try FileSystem.writeDurably(cleaned, to: file, mode: 0o600)
                scrubbed.append(name)
            }
            return ErasureReport(subscribers: held.map(\.id), scrubbedFiles: scrubbed, remainingFiles: try filesMentioning(address))
        }
    }

    /// Regular files of `data/` other than the ledger, the suppression list and
    /// its salt, and the lock, and those of `data/deliveries/` (one delivery
    /// file per issue), named from `data/` (`deliveries/2026-12-07.jsonl`).
    /// Temporary files of an interrupted rewrite of ours are removed (they are
    /// copies of a ledger that was never put in place).
    private func otherDataFiles() throws -> [String] {
        let own: Set = [ConsentLedger.fileName, SuppressionList.fileName, SuppressionList.saltFileName, ConsentLedger.lockFileName]
        var result: [String] = []
        for name in try dataFileNames() {
            let file = "\(workspace.dataDirectory)/\(name)"
            if name.hasPrefix(".\(ConsentLedger.fileName).") && name.hasSuffix(".tmp") {
                try FileSystem.remove(file)
                continue
            }
            guard !own.contains(name), !(name as NSString).lastPathComponent.hasPrefix("."),
                  try FileSystem.info(file)?.kind == .regular else { continue }
            result.append(name)
        }
        return result
    }

    /// Names in `data/`, then those in `data/deliveries/` prefixed with `deliveries/`.
    private func dataFileNames() throws -> [String] {
        var names = try FileSystem.names(in: workspace.dataDirectory)
        let deliveries = (DeliveryLog.folderPath as NSString).lastPathComponent
        if try FileSystem.info("\(workspace.dataDirectory)/\(deliveries)")?.kind == .directory {
            names += try FileSystem.names(in: "\(workspace.dataDirectory)/\(deliveries)").map { "\(deliveries)/\($0)" }
        }
        return names
    }

    /// Names of the files of `data/` (and `data/deliveries/`) whose bytes contain the address, in any case.
    func filesMentioning(_ address: EmailAddress) throws -> [String] {
        let needle = Array(address.key.utf8)
        var found: [String] = []
        for name in try dataFileNames() {
            let file = "\(workspace.dataDirectory)/\(name)"
            guard try FileSystem.info(file)?.kind == .regular,
                  case .contents(let data) = try FileSystem.read(file, maxBytes: Int.max) else { continue }
            if !ConsentLedger.ranges(of: needle, in: ConsentLedger.asciiLowercased(data)).isEmpty { found.append(name) }
        }
        return found
    }

    /// `data` with every occurrence of the address (in any case) and of the names
    /// (as typed, or JSON-escaped) replaced by `erasedMarker`; nil when none occurs.
    static func scrub(_ data: Data, address: EmailAddress, names: [String]) -> Data? {
        var bytes = [UInt8](data)
        var changed = false
        var needles: [(needle: [UInt8], ignoringCase: Bool)] = [(Array(address.key.utf8), true)]
        for name in names {
            needles.append((Array(name.utf8), false))
            if let escaped = try? JSONEncoder().encode(name), escaped.count > 2 {
                needles.append((Array(escaped.dropFirst().dropLast()), false))
            }
        }
        let marker = Array(erasedMarker.utf8)
        for (needle, ignoringCase) in needles where !needle.isEmpty {
            let found = ranges(of: needle, in: ignoringCase ? asciiLowercased(Data(bytes)) : bytes)
            guard !found.isEmpty else { continue }
            changed = true
            for range in found.reversed() { bytes.replaceSubrange(range, with: marker) }
        }
        return changed ? Data(bytes) : nil
    }

    /// ASCII letters lowered, every other byte kept: offsets stay the same.
    static func asciiLowercased(_ data: Data) -> [UInt8] {
        data.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// Non-overlapping occurrences, left to right.
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
