import Foundation

/// A ZIP archive whose entries are stored, not compressed: what an OpenDocument
/// package (`.odt`) needs, since Foundation on Linux has no ZIP writer and the
/// format asks its first entry, `mimetype`, to be stored anyway.
///
/// Pure and deterministic: every entry carries the same fixed date (1 January
/// 1980, the format's first day), so the same entries give the same bytes and
/// writing an unchanged document again is a no-op. Entries and the archive must
/// stay under 4 GiB and 65,535 entries (no ZIP64): a broken invariant here.
public enum StoredZip {
    public static func archive(_ entries: [(name: String, data: Data)]) -> Data {
        precondition(entries.count < 0xFFFF, "too many entries for a ZIP without ZIP64")
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = crc32(entry.data)
            let offset = out.count
            precondition(entry.data.count < 0xFFFF_FFFF && offset < 0xFFFF_FFFF, "entry too large for a ZIP without ZIP64")
            // Local file header.
            out.append(le32: 0x0403_4B50); out.append(le16: 20); out.append(le16: 0); out.append(le16: 0)
            out.append(le16: dosTime); out.append(le16: dosDate)
            out.append(le32: crc); out.append(le32: UInt32(entry.data.count)); out.append(le32: UInt32(entry.data.count))
            out.append(le16: UInt16(name.count)); out.append(le16: 0)
            out.append(name); out.append(entry.data)
            // Its central directory record.
            central.append(le32: 0x0201_4B50); central.append(le16: 20); central.append(le16: 20)
            central.append(le16: 0); central.append(le16: 0); central.append(le16: dosTime); central.append(le16: dosDate)
            central.append(le32: crc); central.append(le32: UInt32(entry.data.count)); central.append(le32: UInt32(entry.data.count))
            central.append(le16: UInt16(name.count)); central.append(le16: 0); central.append(le16: 0)
            central.append(le16: 0); central.append(le16: 0); central.append(le32: 0); central.append(le32: UInt32(offset))
            central.append(name)
        }
        let centralOffset = out.count
        out.append(central)
        // End of central directory.
        out.append(le32: 0x0605_4B50); out.append(le16: 0); out.append(le16: 0)
        out.append(le16: UInt16(entries.count)); out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(central.count)); out.append(le32: UInt32(centralOffset)); out.append(le16: 0)
        return out
    }

    /// 00:00:00 and 1980-01-01 in MS-DOS form.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 as ZIP computes it (IEEE 802.3, reflected).
    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

private extension Data {
    mutating func append(le16 value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    mutating func append(le32 value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
    }
}
