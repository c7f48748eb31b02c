import Foundation

/// Writes black-and-white PNG images (1 bit a pixel, greyscale), for the QR
/// codes embedded in ODF documents. The zlib stream uses stored (uncompressed)
/// deflate blocks: no compressor to carry, and a 1-bit picture is small anyway
/// (a 650-pixel square is 53 KB). Pure.
public enum PNG {
    public static let mediaType = "image/png"

    /// A `width` × `height` picture; `isBlack(x, y)` colours each pixel, (0, 0) at the top left.
    public static func blackAndWhite(width: Int, height: Int, isBlack: (Int, Int) -> Bool) -> Data {
        precondition(width > 0 && height > 0, "a picture has pixels")
        let rowBytes = (width + 7) / 8
        var raw = [UInt8]()
        raw.reserveCapacity(height * (rowBytes + 1))
        for y in 0..<height {
            raw.append(0)  // filter type: none
            var byte: UInt8 = 0
            for x in 0..<width {
                // Greyscale 1 bit: 0 is black, 1 is white.
                if !isBlack(x, y) { byte |= 0x80 >> UInt8(x % 8) }
                if x % 8 == 7 || x == width - 1 {
                    raw.append(byte)
                    byte = 0
                }
            }
        }
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [1, 0, 0, 0, 0])  // bit depth 1, greyscale, deflate, adaptive filters, no interlace
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", zlibStored(raw))
        png.appendChunk("IEND", Data())
        return png
    }

    /// A zlib stream of stored deflate blocks (at most 65 535 bytes each) and its Adler-32.
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var start = 0
        repeat {
            let length = min(65_535, bytes.count - start)
            let final: UInt8 = start + length == bytes.count ? 1 : 0
            out.append(final)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(contentsOf: bytes[start..<start + length])
            start += length
        } while start < bytes.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.appendBigEndian(b << 16 | a)
        return out
    }
}

private extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ data: Data) {
        appendBigEndian(UInt32(data.count))
        let typed = Data(type.utf8) + data
        append(typed)
        appendBigEndian(StoredZip.crc32(typed))
    }
}
