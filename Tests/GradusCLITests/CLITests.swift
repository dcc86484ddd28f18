import Foundation
import Testing
@testable import GradusCLI

@Suite("Command line")
struct CLITests {
    @Test("--version prints the version and exits 0")
    func version() {
        let run = CLIRun(["--version"])
        #expect(run.status == 0)
        #expect(run.out == "gradus \(CLI.version)\n")
    }

    @Test("--help lists every command with its summary")
    func help() {
        let run = CLIRun(["--help"])
        #expect(run.status == 0)
        for command in CLI.commands {
            #expect(run.out.contains("  \(command.name) "))
            #expect(run.out.contains(command.summary))
        }
    }

    @Test("Each command has its own --help with its options and examples")
    func commandHelp() {
        for command in CLI.commands {
            let run = CLIRun([command.name, "--help"])
            #expect(run.status == 0)
            #expect(run.out.hasPrefix("Usage: gradus \(command.name) "))
            for option in command.options { #expect(run.out.contains("--\(option.name)")) }
            for example in command.examples { #expect(run.out.contains(example)) }
        }
    }

    @Test("No arguments prints the usage to stderr and exits 64")
    func noArguments() {
        let run = CLIRun([])
        #expect(run.status == 64)
        #expect(run.err.contains("Usage: gradus COMMAND"))
    }

    @Test("An unknown command exits 64 with one line naming the nearest command")
    func unknownCommand() {
        let run = CLIRun(["buidl"])
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: unknown command 'buidl' (did you mean 'build'?)\n")
        #expect(run.out.isEmpty)
    }

    @Test("An unknown global option exits 64")
    func unknownGlobalOption() {
        let run = CLIRun(["--verison"])
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: unknown option '--verison' (did you mean '--version'?)\n")
    }

    @Test("An unknown option of a command exits 64 with the nearest option")
    func unknownOption() {
        let run = CLIRun(["simulate", "activation-derivatives", "--fromat=json"])
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: unknown option '--fromat' for 'gradus simulate' (did you mean '--format'?)\n")
    }
}

@Suite("gradus markdown")
struct MarkdownCommandTests {
    @Test("Standard input becomes HTML; the lesson dialect by default, strict CommonMark on request")
    func dialects() {
        let lesson = CLIRun(["markdown"], input: ["# A *b*", "", "$x$"])
        #expect(lesson.status == 0)
        #expect(lesson.out == "<h1 id=\"a-b\">A <em>b</em></h1>\n<p><span class=\"math\">x</span></p>\n")
        let strict = CLIRun(["markdown", "--commonmark"], input: ["# A *b*", "", "$x$"])
        #expect(strict.out == "<h1>A <em>b</em></h1>\n<p>$x$</p>\n")
    }

    @Test("Raw HTML is dropped unless --unsafe")
    func unsafe() {
        #expect(CLIRun(["markdown", "--commonmark"], input: ["<b>x</b>"]).out == "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        #expect(CLIRun(["markdown", "--commonmark", "--unsafe"], input: ["<b>x</b>"]).out == "<p><b>x</b></p>\n")
    }

    @Test("A missing file is an error, exit 1")
    func missingFile() {
        let run = CLIRun(["markdown", "no-such-file.md"])
        #expect(run.status == 1)
        #expect(run.err == "gradus: error: cannot read 'no-such-file.md': no such file\n")
    }
}
