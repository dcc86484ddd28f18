import Testing
@testable import GradusCLI
import GradusContent

@Suite("Argument parsing")
struct ArgumentsTests {
    let options = [
        OptionSpec("seed", .value(placeholder: "N"), help: ""),
        OptionSpec("set", .repeated(placeholder: "KEY=VALUE"), help: ""),
        OptionSpec("list", help: ""),
        OptionSpec("format", .value(placeholder: "F"), help: ""),
    ]

    func parse(_ words: [String], max: Int = 1) throws(UsageError) -> ParsedArguments {
        try parseArguments(words, options: options, command: "simulate", maxPositionals: max)
    }

    @Test("Values are read in both '--flag value' and '--flag=value' forms")
    func bothForms() throws {
        let a = try parse(["--seed", "7", "name"])
        let b = try parse(["name", "--seed=7"])
        #expect(a == b)
        #expect(a.value("seed") == "7")
        #expect(a.positionals == ["name"])
    }

    @Test("A repeated option keeps every value in order, and an '=' inside the value survives")
    func repeated() throws {
        let parsed = try parse(["--set", "a=1", "--set=b=2"])
        #expect(parsed.all("set") == ["a=1", "b=2"])
    }

    @Test("Flags are recorded and refuse a value")
    func flags() throws {
        #expect(try parse(["--list"]).has("list"))
        #expect(throws: UsageError("option '--list' takes no value")) { try parse(["--list=yes"]) }
    }

    @Test("An unknown option names the nearest valid one")
    func unknownOption() {
        #expect(throws: UsageError("unknown option '--sed' for 'gradus simulate'", hint: "did you mean '--seed'?")) {
            try parse(["--sed", "1"])
        }
        #expect(throws: UsageError("unknown option '--zzzzzz' for 'gradus simulate'", hint: "see 'gradus simulate --help'")) {
            try parse(["--zzzzzz"])
        }
    }

    @Test("A missing value is a usage error that shows the expected form")
    func missingValue() {
        #expect(throws: UsageError("missing value for '--seed'", hint: "expected --seed N")) { try parse(["--seed"]) }
        #expect(throws: UsageError("missing value for '--seed'", hint: "expected --seed N")) { try parse(["--seed", "--list"]) }
    }

    @Test("Malformed and out-of-range integers are usage errors")
    func integers() throws {
        #expect(try parse(["--seed", "12"]).integer("seed") == 12)
        #expect(throws: UsageError("invalid value 'x' for --seed", hint: "expected an integer ≥ 0")) {
            try parse(["--seed", "x"]).integer("seed", in: 0...Int.max)
        }
        #expect(throws: UsageError("invalid value '9' for --seed", hint: "expected an integer from 1 to 5")) {
            try parse(["--seed", "9"]).integer("seed", in: 1...5)
        }
    }

    @Test("A value outside its choices names the valid ones and the nearest")
    func choices() {
        #expect(throws: UsageError("invalid value 'jsn' for --format", hint: "did you mean 'json'? valid values: text, json")) {
            try parse(["--format", "jsn"]).choice("format", of: ["text", "json"])
        }
    }

    @Test("'--' ends the options, and extra positionals are refused")
    func positionals() throws {
        #expect(try parse(["--", "--seed"]).positionals == ["--seed"])
        #expect(throws: UsageError("unexpected argument 'b' for 'gradus simulate'", hint: "see 'gradus simulate --help'")) {
            try parse(["a", "b"])
        }
    }

    @Test("Edit distance counts insertions, deletions and substitutions")
    func distance() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("bulid", "build") == 2)
        #expect(nearest("bulid", in: ["build", "quiz"]) == "build")
        #expect(nearest("xyz", in: ["build", "quiz"]) == nil)
    }
}
