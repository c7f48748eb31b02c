/// A QR code of our own making, for the link printed on flyers and posters:
/// byte mode, error-correction level M, the smallest of versions 1 to 10 that
/// holds the text (up to 213 bytes of UTF-8). The result is the module matrix,
/// dark or light, without the quiet zone; `QRCode+Images` draws it as SVG,
/// PNG or PBM.
///
/// Pure. Building follows ISO/IEC 18004:2015: the bit stream (mode, count,
/// bytes, terminator, padding), Reed–Solomon blocks interleaved, function
/// patterns, the codeword zigzag, then the mask with the lowest penalty
/// (`QRCode+Mask`) and its format information. A text too long for version 10
/// throws `QRCode.TooLong`.
public struct QRCode: Sendable, Equatable {
    /// The symbol's version, 1 to 10.
    public let version: Int
    /// Modules per side: 21 for version 1, 4 more per version.
    public let size: Int
    /// The mask pattern chosen, 0 to 7.
    public let mask: Int
    /// Row-major, `true` for dark.
    private(set) var modules: [Bool]

    /// The text does not fit in a version-10 QR code at level M.
    public struct TooLong: Error, Sendable, Equatable {
        public var byteCount: Int
    }

    /// The most bytes a code can hold.
    public static let maxBytes = QRVersion.number(QRVersion.largest).byteCapacity

    /// Encodes `text` as UTF-8 bytes.
    public init(_ text: String) throws(TooLong) {
        try self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) throws(TooLong) {
        guard let version = QRVersion.smallest(holding: bytes.count) else { throw TooLong(byteCount: bytes.count) }
        var layout = QRLayout(version: version)
        layout.place(codewords: Self.codewords(bytes, version: version))
        let mask = layout.applyBestMask()
        self.version = version.number
        self.size = version.size
        self.mask = mask
        self.modules = layout.modules
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "(\(x), \(y)) is outside the symbol")
        return modules[y * size + x]
    }

    /// Data codewords then error-correction codewords, interleaved block by block.
    static func codewords(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        let data = dataCodewords(bytes, version: version)
        var blocks: [[UInt8]] = []
        var start = 0
        for length in version.blockDataLengths {
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { QRReedSolomon.remainder(of: $0, degree: version.ecPerBlock) }
        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for index in 0..<(version.blockDataLengths.max() ?? 0) {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<version.ecPerBlock {
            for block in corrections { result.append(block[index]) }
        }
        return result
    }

    /// The bit stream in byte mode, terminated and padded to the version's data capacity.
    static func dataCodewords(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version.countBits)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = version.dataCodewords * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < version.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

/// Bits appended most significant first, read back as bytes.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    /// Whole bytes; the caller pads to a multiple of 8 first.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
