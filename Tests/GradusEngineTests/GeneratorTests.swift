import Foundation
import Testing
@testable import GradusEngine
import GradusTestSupport

/// xoshiro256** and SplitMix64 written again in Python from the published algorithms, as an independent oracle.
private let referenceScript = """
import json, sys
M = (1 << 64) - 1
def splitmix(x):
    while True:
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
def xoshiro(seed):
    g = splitmix(seed); s = [next(g) for _ in range(4)]
    while True:
        r = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
        yield r
out = {}
for seed in json.load(sys.stdin):
    g = xoshiro(seed)
    out[str(seed)] = [str(next(g)) for _ in range(1000)]
print(json.dumps(out))
"""

@Suite("The seeded generator")
struct GeneratorTests {
    @Test("SplitMix64 from seed 0 starts with its published first output")
    func splitMixVector() {
        var s = SplitMix64(seed: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("xoshiro256** matches an independent implementation for several seeds",
          .enabled(if: TestEnvironment.wants("python3")))
    func matchesReference() throws {
        let seeds: [UInt64] = [0, 1, 42, 0xFFFF_FFFF_FFFF_FFFF]
        let output = try #require(try PythonOracle.run(referenceScript, input: seeds.map { NSNumber(value: $0) })
                                  as? [String: [String]])
        for seed in seeds {
            var g = Generator(seed: seed)
            let expected = try #require(output[String(seed)]).map { UInt64($0)! }
            #expect((0..<1000).map { _ in g.next() } == expected, "seed \(seed)")
        }
    }

    @Test("The same seed gives the same normals; another seed gives others")
    func reproducible() {
        var a = Generator(seed: 7), b = Generator(seed: 7), c = Generator(seed: 8)
        let x = (0..<100).map { _ in a.nextNormal() }
        #expect(x == (0..<100).map { _ in b.nextNormal() })
        #expect(x != (0..<100).map { _ in c.nextNormal() })
    }

    @Test("Its own logarithm is within two ulps of the C library's")
    func logarithm() {
        var g = Generator(seed: 3)
        for _ in 0..<100_000 {
            let x = g.nextUniform() * Foundation.pow(2, Double(g.nextInt(below: 200)) - 100) + 1e-300
            let ours = Generator.log(x), libm = Foundation.log(x)
            #expect(abs(ours - libm) <= 2 * libm.ulp, "log(\(x)): \(ours) vs \(libm)")
        }
        #expect(Generator.log(1) == 0)
    }

    @Test("Uniforms and normals have the moments of their distributions")
    func moments() {
        var g = Generator(seed: 11)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, uniformSum = 0.0, fourth = 0.0
        for _ in 0..<n {
            let z = g.nextNormal()
            sum += z; sumSquares += z * z; fourth += z * z * z * z
            uniformSum += g.nextUniform()
        }
        let mean = sum / Double(n), variance = sumSquares / Double(n) - mean * mean
        // Five standard errors: sd(mean) = 1/√n, sd(variance) ≈ √(2/n), sd(E z⁴) = √(96/n), sd(uniform mean) = √(1/12n).
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
        #expect(abs(fourth / Double(n) - 3) < 5 * (96 / Double(n)).squareRoot())
        #expect(abs(uniformSum / Double(n) - 0.5) < 5 * (1 / (12 * Double(n))).squareRoot())
    }
}
