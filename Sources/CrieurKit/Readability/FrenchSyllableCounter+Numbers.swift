extension FrenchSyllableCounter {
    /// Syllables of a token holding digits, as read aloud in Belgium: 70 is
    /// *septante*, 9h30 is *neuf heures trente*, 3,5 is *trois virgule cinq*,
    /// 1er is *premier*, a group starting with 0 (0800) is *zéro huit cents*.
    static func countNumberToken(_ scalars: [Unicode.Scalar]) -> Int {
        var total = 0
        var digits: [Int] = []
        var letters = 0
        func flushDigits() {
            if !digits.isEmpty { total += spokenDigits(digits) }
            digits.removeAll(keepingCapacity: true)
        }
        func flushLetters() {
            // h (heures), e/ème (deuxième), er (premier), € or % read as one more word.
            if letters > 0 { total += 1 }
            letters = 0
        }
        for (index, scalar) in scalars.enumerated() {
            if LetterTable.isDigit(scalar) {
                flushLetters()
                digits.append(Int(scalar.value) - 48)
            } else if LetterTable.isLetter(scalar) {
                flushDigits()
                letters += 1
            } else {
                flushDigits()
                flushLetters()
                switch scalar {
                case ",":
                    // a decimal comma is read "virgule"
                    if index + 1 < scalars.count, LetterTable.isDigit(scalars[index + 1]) { total += 2 }
                case "%", "€":
                    total += scalar == "%" ? 2 : 1
                default:
                    break
                }
            }
        }
        flushDigits()
        flushLetters()
        return max(total, 1)
    }

    /// One run of digits: a number up to 999 999 999, or digit by digit when longer.
    static func spokenDigits(_ digits: [Int]) -> Int {
        var run = digits[...]
        var total = 0
        while run.count > 1, run.first == 0 {
            total += 2  // zéro
            run = run.dropFirst()
        }
        if run.count > 9 { return total + run.reduce(0) { $0 + ($1 == 0 ? 2 : 1) } }
        let value = run.reduce(0) { $0 * 10 + $1 }
        if value == 0 { return total + 2 }
        return total + spokenNumber(value)
    }

    /// Syllables of a whole number from 1 to 999 999 999 in Belgian French.
    static func spokenNumber(_ n: Int) -> Int {
        var total = 0
        let millions = n / 1_000_000
        let thousands = (n / 1000) % 1000
        let rest = n % 1000
        if millions > 0 { total += below1000(millions) + 1 }
        if thousands > 0 { total += thousands == 1 ? 1 : below1000(thousands) + 1 }
        if rest > 0 { total += below1000(rest) }
        return total
    }

    static func below1000(_ n: Int) -> Int {
        let hundreds = n / 100
        let rest = n % 100
        var total = 0
        if hundreds == 1 { total += 1 } else if hundreds > 1 { total += unitSyllables[hundreds] + 1 }
        if rest > 0 { total += below100(rest) }
        return total
    }

    static func below100(_ n: Int) -> Int {
        if n < 17 { return unitSyllables[n] }
        if n < 20 { return 2 }  // dix-sept, dix-huit, dix-neuf
        let tens = n / 10
        let unit = n % 10
        let tensSyllables = [0, 0, 1, 1, 2, 2, 2, 2, 2, 2][tens]  // vingt … septante, quatre-vingt, nonante
        if unit == 0 { return tensSyllables }
        if unit == 1 && tens < 8 { return tensSyllables + 2 }  // et un
        return tensSyllables + unitSyllables[unit]
    }

    /// zéro (unused here), un, deux, … seize.
    static let unitSyllables = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1]
}
