/// Reed–Solomon error correction as QR codes use it: arithmetic in GF(256)
/// modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D), generator polynomial
/// (x − α⁰)(x − α¹)…(x − αⁿ⁻¹) with α = 2 (ISO/IEC 18004, 7.5.2). Pure.
enum QRReedSolomon {
    /// The `degree` error-correction codewords of `data`: the remainder of
    /// data × xⁿ divided by the generator.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var result = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in 0..<degree { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }

    /// The generator's coefficients, highest power first, without the leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 2)
        }
        return coefficients
    }

    /// Product in GF(256): shift and add, reducing by 0x11D.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            if (b >> bit) & 1 == 1 { product ^= Int(a) }
        }
        return UInt8(product)
    }
}
