/// The facts of ISO/IEC 18004 that Crieur's QR codes need: versions 1 to 10 at
/// error-correction level M, the only level Crieur writes (15 % of the symbol
/// may be lost to a fold, a stain or a staple and it still reads).
///
/// Sources: ISO/IEC 18004:2015 table 9 (error correction characteristics,
/// level M rows), annex E table E.1 (alignment pattern centres), annex D
/// (version information, BCH(18,6) with generator 0x1F25) and 7.9 (format
/// information, BCH(15,5) with generator 0x537, masked with 0x5412).
struct QRVersion: Sendable {
    /// 1 to 10.
    let number: Int
    /// Error-correction codewords in each block.
    let ecPerBlock: Int
    /// Data codewords of each block, in the order blocks are filled (group 1, then group 2).
    let blockDataLengths: [Int]
    /// Row and column coordinates of the alignment patterns' centres.
    let alignmentCentres: [Int]

    /// The version that fits the most: links longer than its capacity are refused.
    static let largest = 10

    var size: Int { 17 + 4 * number }
    var dataCodewords: Int { blockDataLengths.reduce(0, +) }
    var totalCodewords: Int { dataCodewords + ecPerBlock * blockDataLengths.count }
    /// The width of the byte-mode character count (ISO/IEC 18004 table 3).
    var countBits: Int { number < 10 ? 8 : 16 }
    /// How many bytes fit in byte mode: mode (4 bits), count, then 8 bits a byte.
    var byteCapacity: Int { (dataCodewords * 8 - 4 - countBits) / 8 }

    static func number(_ number: Int) -> QRVersion {
        precondition((1...largest).contains(number), "Crieur writes QR versions 1 to \(largest)")
        return all[number - 1]
    }

    /// Level M, versions 1 to 10: (EC codewords per block, blocks × data codewords).
    static let all: [QRVersion] = [
        QRVersion(number: 1, ecPerBlock: 10, blockDataLengths: [16], alignmentCentres: []),
        QRVersion(number: 2, ecPerBlock: 16, blockDataLengths: [28], alignmentCentres: [6, 18]),
        QRVersion(number: 3, ecPerBlock: 26, blockDataLengths: [44], alignmentCentres: [6, 22]),
        QRVersion(number: 4, ecPerBlock: 18, blockDataLengths: [32, 32], alignmentCentres: [6, 26]),
        QRVersion(number: 5, ecPerBlock: 24, blockDataLengths: [43, 43], alignmentCentres: [6, 30]),
        QRVersion(number: 6, ecPerBlock: 16, blockDataLengths: [27, 27, 27, 27], alignmentCentres: [6, 34]),
        QRVersion(number: 7, ecPerBlock: 18, blockDataLengths: [31, 31, 31, 31], alignmentCentres: [6, 22, 38]),
        QRVersion(number: 8, ecPerBlock: 22, blockDataLengths: [38, 38, 39, 39], alignmentCentres: [6, 24, 42]),
        QRVersion(number: 9, ecPerBlock: 22, blockDataLengths: [36, 36, 36, 37, 37], alignmentCentres: [6, 26, 46]),
        QRVersion(number: 10, ecPerBlock: 26, blockDataLengths: [43, 43, 43, 43, 44], alignmentCentres: [6, 28, 50]),
    ]

    /// The smallest version whose byte mode holds `count` bytes, nil when none does.
    static func smallest(holding count: Int) -> QRVersion? {
        all.first { $0.byteCapacity >= count }
    }

    /// The 18 bits of version information (versions 7 and up): the number, then its BCH remainder.
    var informationBits: Int {
        var remainder = number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return number << 12 | remainder
    }

    /// The 15 bits of format information for level M (indicator 00) and `mask`.
    static func formatBits(mask: Int) -> Int {
        let data = 0b00 << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }
}
