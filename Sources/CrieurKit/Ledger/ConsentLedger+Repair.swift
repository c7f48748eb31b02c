import Foundation

extension ConsentLedger {
    /// Sets the unreadable lines of a damaged ledger aside and puts the ledger
    /// back in service. The lines are appended, as found, to
    /// `data/consent.damaged` (durably, before anything else), then the ledger is
    /// rewritten with its readable lines only, byte for byte (temporary file,
    /// fsync, rename). Returns the damage set aside; nil when the ledger was fine.
    /// Interrupted, it can be run again: at worst a line is set aside twice.
    public func repair() throws -> ConsentLedgerDamage? {
        try withLock {
            let reading = try read()
            guard let damage = reading.damage else { return nil }
            try AppendOnlyLog(path: "\(workspace.dataDirectory)/\(ConsentLedger.damagedFileName)")
                .append(lines: damage.lines.map(\.bytes))
            var ledger = Data()
            for entry in reading.entries {
                ledger.append(entry.bytes)
                ledger.append(0x0A)
            }
            try FileSystem.writeDurably(ledger, to: path, mode: 0o600)
            return damage
        }
    }
}
