import Glibc
import Winnow

/// Signatures per second per core on article-length texts (issue "One copy of each article":
/// ≥ 100,000/s per core, ≥ 100× datasketch on the same texts in the same run).
func runMinHashBenchmark(documents: Int, repeats: Int) {
    // ~3 KB articles: sample paragraphs recombined (our own text).
    var rng = SplitMix64(seed: 9)
    let paragraphs = SampleArticles.all.flatMap(\.paragraphs)
    var texts: [[UInt8]] = []
    texts.reserveCapacity(documents)
    while texts.count < documents {
        var text: [UInt8] = []
        while text.count < 3_000 { text += Array(rng.pick(paragraphs).utf8) + [0x0A] }
        texts.append(text)
    }
    let bytes = texts.reduce(0) { $0 + $1.count }
    var rates: [Double] = []
    var checksum: UInt32 = 0
    for _ in 0..<repeats {
        let start = now()
        for text in texts { checksum ^= MinHashing.signature(of: text)[0] }
        rates.append(Double(documents) / (now() - start))
    }
    let rate = median(rates)
    print(
        "minhash: \(documents) texts of \(bytes / documents) bytes; \(Int(rate)) signatures/s on one core "
            + "(\(f1(rate * Double(bytes) / Double(documents) / 1e6)) MB/s), checksum \(checksum)")
    // The peer, on the first 2,000 texts.
    let path = "/tmp/winnow-minhash-texts-\(getpid()).jsonl"
    if let f = fopen(path, "w") {
        for text in texts.prefix(2_000) {
            // Our sample text has no quotes or backslashes; newlines are the only escapes.
            var line: [UInt8] = [UInt8(ascii: "\"")]
            for b in text {
                if b == 0x0A { line += [UInt8(ascii: "\\"), UInt8(ascii: "n")] } else { line.append(b) }
            }
            line += [UInt8(ascii: "\""), 0x0A]
            _ = line.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        }
        fclose(f)
    }
    let peer = "Benchmarks/peers/datasketch_minhash.py"
    if system("python3 -c 'import datasketch' 2>/dev/null && test -f \(peer)") == 0 {
        _ = system("python3 \(peer) \(path) 2000 > \(path).out")
        if let line = readFirstLine(path + ".out"), let peerRate = Double(line.split(separator: " ").first ?? "") {
            print(
                "datasketch (128 permutations, update_batch): \(Int(peerRate)) docs/s → winnow/datasketch = \(f1(rate / peerRate))×"
            )
        }
    } else {
        print("datasketch not installed (pip install datasketch): peer skipped")
    }
    unlink(path)
    unlink(path + ".out")
}
