import Foundation

/// Reads a PNG screenshot with a small pure-Python decoder (zlib and the five
/// PNG row filters, nothing else installed) and tells its size and how many of
/// its pixels have each of a few exact colours.
enum PNGColours {
    struct Summary: Decodable {
        var width: Int
        var height: Int
        /// Share of the pixels (0...1) per colour asked for, by its `#rrggbb` name.
        var shares: [String: Double]
    }

    static func read(_ path: String, colours: [String]) throws -> Summary {
        let output = try ExternalProgram.python(script, [path] + colours)
        return try JSONDecoder().decode(Summary.self, from: Data(output.utf8))
    }

    private static let script = """
        import json, struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == bytes([137, 80, 78, 71, 13, 10, 26, 10]), "not a PNG"
        pos, idat = 8, b""
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            pos += 12 + length
            if kind == b"IHDR":
                width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
        assert depth == 8 and interlace == 0 and ctype in (2, 6), "unexpected PNG format"
        bpp = 3 if ctype == 2 else 4
        stride = width * bpp
        raw = zlib.decompress(idat)
        wanted = {bytes.fromhex(c[1:]): c for c in sys.argv[2:]}
        counts = {c: 0 for c in sys.argv[2:]}
        prev = bytearray(stride)
        for y in range(height):
            start = y * (stride + 1)
            kind = raw[start]
            line = bytearray(raw[start + 1:start + 1 + stride])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if kind == 1: line[i] = (line[i] + a) & 255
                elif kind == 2: line[i] = (line[i] + b) & 255
                elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                name = wanted.get(bytes(line[x:x + 3]))
                if name: counts[name] += 1
            prev = line
        total = width * height
        print(json.dumps({"width": width, "height": height, "shares": {c: n / total for c, n in counts.items()}}))
        """
}
