/// The eight data masks and the choice between them (ISO/IEC 18004:2015,
/// 7.8): each mask is tried with its format information, scored by the four
/// penalty rules, and the lowest score wins (the first on a tie).
extension QRLayout {
    /// Applies the best mask and its format information; returns its number.
    mutating func applyBestMask() -> Int {
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            applyMask(mask)
            drawFormat(mask: mask)
            let score = penalty()
            if score < best.penalty { best = (mask, score) }
            applyMask(mask)  // a mask is its own inverse
        }
        applyMask(best.mask)
        drawFormat(mask: best.mask)
        return best.mask
    }

    /// Flips every data module where the mask's condition holds (x: column, y: row).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.masks(mask, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// The four penalty rules: runs of five or more of one colour in a row or
    /// column (3, plus 1 a module beyond five); 2×2 blocks of one colour (3
    /// each); the finder-like 1:1:3:1:1 pattern with four light modules on one
    /// side (40 each); the dark share's distance from 50 % (10 a step of 5 %).
    func penalty() -> Int {
        var score = 0
        let finderLike: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for horizontal in [true, false] {
            for line in 0..<size {
                let cells = (0..<size).map { horizontal ? self[$0, line] : self[line, $0] }
                var run = 1
                for index in 1...cells.count {
                    if index < cells.count && cells[index] == cells[index - 1] {
                        run += 1
                        continue
                    }
                    if run >= 5 { score += 3 + run - 5 }
                    run = 1
                }
                for start in 0...(size - 11) {
                    for pattern in finderLike where cells[start..<start + 11].elementsEqual(pattern) { score += 40 }
                }
            }
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = self[x, y]
                if self[x + 1, y] == colour && self[x, y + 1] == colour && self[x + 1, y + 1] == colour { score += 3 }
            }
        }
        let dark = modules.count(where: { $0 })
        score += abs(dark * 100 / modules.count - 50) / 5 * 10
        return score
    }
}
