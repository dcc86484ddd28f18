import Dispatch
import Foundation
import GradusContent
import GradusMath
import GradusQuiz
import GradusRender
import GradusSimulation
import Synchronization

/// `gradus quiz`: a lesson's questions in the terminal, interactively or with scripted answers; `--list`,
/// `--review` (Leitner schedule) and `--reset` over the learner's progress file.
enum QuizCommand {
    static let spec = CommandSpec(
        name: "quiz",
        summary: "take a lesson's quiz in the terminal",
        synopsis: "[--root DIR] [--content DIR] [--templates DIR] [--lang CODE] [--lesson SLUG] [--seed N] [--attempts N] [--list] [--generators] [--review] "
            + "[--answers a,b+d,0.25] [--format text|json] [--pass-mark P] [--progress FILE] [--reset]",
        options: [
            CommonOptions.root,
            CommonOptions.content,
            CommonOptions.templates,
            CommonOptions.lang,
            OptionSpec("lesson", .value(placeholder: "SLUG"), help: "the lesson to practise (default: the first)"),
            OptionSpec("seed", .value(placeholder: "N"),
                       help: "order of questions and options and the numbers of computed questions (default: drawn and shown; "
                           + "the course's seed when scripted)"),
            OptionSpec("attempts", .value(placeholder: "N"),
                       help: "tries per question before the answer is shown (default: the course's quiz_attempts, else 2)"),
            OptionSpec("list", .flag, help: "list the lessons with their questions and your progress"),
            OptionSpec("generators", .flag, help: "list the generators of computed questions with the values they fill"),
            OptionSpec("review", .flag, help: "ask the questions that are due for review first (Leitner boxes)"),
            OptionSpec("answers", .value(placeholder: "LIST"),
                       help: "answer without prompting: one entry per question, ',' between questions, '+' between options, "
                           + "numbers with a point (0.25, 1/4)"),
            OptionSpec("format", .value(placeholder: "text|json"), help: "json prints the result as one JSON object"),
            OptionSpec("pass-mark", .value(placeholder: "P"),
                       help: "exit with 1 when the first-try score in percent is below P"),
            OptionSpec("progress", .value(placeholder: "FILE"),
                       help: "the progress file (default: $XDG_DATA_HOME/gradus/courses/COURSE-ID/progress.json)"),
            OptionSpec("reset", .flag, help: "delete the progress file, after a confirmation"),
        ],
        examples: [
            "gradus quiz --lang pt",
            "gradus quiz --lesson backpropagation --attempts 3 --seed 7",
            "gradus quiz --lang en --answers b,a --format json --pass-mark 50",
            "gradus quiz --review",
            "gradus quiz --generators",
        ],
        run: { arguments, console in try run(arguments, console, clock: Date.init) })

    /// Runs the command; `clock` gives the time for the review schedule (injected by the tests).
    static func run(_ arguments: ParsedArguments, _ console: Console,
                    clock: @escaping @Sendable () -> Date) throws -> ExitCode {
        if arguments.has("generators") {
            console.out(listGenerators(.standard))
            return .success
        }
        let format = try arguments.choice("format", of: ["text", "json"]) ?? "text"
        let givenAttempts = try arguments.integer("attempts", in: 1...10)
        let passMark = try arguments.integer("pass-mark", in: 0...100).map(Double.init)
        let givenSeed = try arguments.value("seed").map { text throws(UsageError) -> UInt64 in
            guard let seed = UInt64(text) else {
                throw UsageError("--seed expects a whole number from 0 to \(UInt64.max), found '\(text.escapingControls)'")
            }
            return seed
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let course = try ContentLoader(root: paths.content, displayRoot: paths.contentDisplay).load()
        let attempts = givenAttempts ?? course.config.quizAttempts
        let store: ProgressStore
        if let given = arguments.value("progress") {
            store = ProgressStore(url: console.url(given))
        } else {
            let url = ProgressStore.defaultURL(environment: console.environment, course: paths.courseID(course.config))
            if let notice = ProgressStore.adopt(shared: ProgressStore.sharedURL(environment: console.environment), into: url,
                                                lessons: Set(course.lessons.map(\.slug))) {
                console.err("gradus: \(notice)\n")
            }
            store = ProgressStore(url: url)
        }
        let codes = course.languages.map(\.code)
        let language = try LanguageChoice.resolve(arguments, console: console, available: codes,
                                                  fallback: course.config.defaultLanguage.code)
        // Only the words: a broken page template is the site's problem, not the quiz's.
        let words = try ThemeWords.load(from: paths.templates, displayRoot: paths.templatesDisplay, languages: course.languages)
        for warning in ThemeWords.summarizingUntranslated(words.warnings) { console.err(warning.formatted + "\n") }
        let strings = QuizStrings(words: words.text(language))
        if arguments.has("reset") { return reset(store, strings: strings, console: console) }

        // One lesson's quiz needs only that lesson compiled: the others keep their slugs (so links to them still
        // resolve) but not their text. `--list` and `--review` need every lesson's questions.
        var scope = course
        if !arguments.has("list") && !arguments.has("review") {
            let slug = arguments.value("lesson") ?? course.lessons.first?.slug
            for index in scope.lessons.indices where scope.lessons[index].slug != slug {
                scope.lessons[index].translations = [:]
            }
        }
        let compiled = try LessonCompiler(registry: .standard, words: words.texts).compile(scope)
        let (progress, warning) = try loadProgress(store, now: clock())
        if let warning { console.err("gradus: warning: \(warning)\n") }
        if arguments.has("list") {
            list(compiled, language: Language(language), progress: progress, strings: strings, now: clock(), console: console)
            return .success
        }

        let slugs = course.lessons.map(\.slug)
        var quiz: Quiz
        if arguments.has("review") {
            quiz = reviewQuiz(compiled, lesson: arguments.value("lesson"), language: Language(language),
                              progress: progress, strings: strings, now: clock())
            if let slug = arguments.value("lesson"), !slugs.contains(slug) { throw unknownLesson(slug, slugs) }
        } else {
            let slug = arguments.value("lesson") ?? slugs.first ?? ""
            guard slugs.contains(slug), let found = compiled.quiz(slug, language: Language(language)) else {
                throw unknownLesson(slug, slugs)
            }
            quiz = found
        }
        let scriptedRun = arguments.value("answers") != nil || format == "json"
        let seed = givenSeed ?? (scriptedRun ? UInt64(course.config.seed) : UInt64.random(in: 1...999_999))
        quiz = arguments.has("review") ? QuestionOrder.shuffledOptionsOnly(quiz, seed: seed)
                                       : QuestionOrder.shuffled(quiz, seed: seed)
        if arguments.has("review") && quiz.questions.isEmpty {
            console.out(strings.nothingDue + "\n")
            return .success
        }
        let scripted = try arguments.value("answers").map { text throws(UsageError) in try parseAnswers(text, for: quiz) }

        let styled = format == "text" && Terminal.allowsStyle(isTTY: console.isTerminal, environment: console.environment)
        let columns = console.environment["COLUMNS"].flatMap { Int($0) } ?? 80
        let width = min(max(columns, 40), 120)
        let out = console.out
        let write: @Sendable (String) -> Void
        if format == "json" { write = { _ in } } else { write = out }
        let terminal = Terminal(write: write, readLine: console.readLine,
                                styled: styled, width: width)
        // A lesson shown in a fallback language speaks that language throughout.
        let session = QuizSession(quiz: quiz, strings: QuizStrings(words: words.text(quiz.language)),
                                  attempts: attempts, terminal: terminal,
                                  shownSeed: givenSeed == nil && !scriptedRun ? seed : nil, variantSeed: seed,
                                  math: { tex in (try? UnicodeMath.render(tex: tex)) ?? tex })
        // One lock for the outcomes and the saves: an interruption waits for a save in progress, then exits.
        let recording = Mutex(Recording(recorder: ProgressRecorder(store: store)))
        let interrupts = QuizInterrupt.install(console: console) {
            recording.withLock { state -> Never in
                console.out("\n")
                console.out(session.summary(state.outcomes))
                exit(ExitCode.interrupted.rawValue)
            }
        }
        defer { interrupts.forEach { $0.cancel() } }
        let result = session.run(scripted: scripted) { outcome in
            let answer = ProgressRecorder.Answer(questionID: outcome.questionID,
                                                 lesson: lessonOf(outcome.questionID, in: compiled),
                                                 firstTry: outcome.correctOnFirstTry, at: clock())
            recording.withLock { state in
                state.outcomes.append(outcome)
                do {
                    if let warning = try state.recorder.record(answer, now: clock()) {
                        console.err("gradus: warning: \(warning)\n")
                    }
                } catch {
                    if !state.saveFailed { console.err("gradus: warning: progress not saved: \(error)\n") }
                    state.saveFailed = true
                }
            }
        }
        let unsaved = recording.withLock { $0.recorder.pending.count }
        if unsaved > 0 {
            console.err("gradus: warning: \(unsaved) answer\(unsaved == 1 ? "" : "s") of this session could not be saved "
                        + "to \(store.url.path)\n")
        }
        if format == "json" {
            console.out(QuizJSON.result(result, quiz: quiz, seed: seed, attempts: scripted == nil ? attempts : 1,
                                        passMark: passMark))
        }
        if let passMark, result.firstTryPercent < passMark { return .failure }
        return .success
    }

    /// `a,b+d,0.25,1/4`: one entry per question in order; letters as displayed, numbers with a point (the comma
    /// separates the entries).
    static func parseAnswers(_ text: String, for quiz: Quiz) throws(UsageError) -> [QuizSession.ScriptedAnswer] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard entries.count == quiz.questions.count else {
            throw UsageError("--answers has \(entries.count) entr\(entries.count == 1 ? "y" : "ies") but the quiz has "
                             + "\(quiz.questions.count) question\(quiz.questions.count == 1 ? "" : "s")",
                             hint: "give one entry per question, separated by commas")
        }
        var result: [QuizSession.ScriptedAnswer] = []
        for (index, (entry, question)) in zip(entries, quiz.questions).enumerated() {
            if question.kind == .numeric {
                guard let value = NumberReply.parse(entry, decimalSeparator: ".").number else {
                    throw UsageError("invalid answer '\(entry.escapingControls)' for question \(index + 1)",
                                     hint: "expected a number, such as 0.25, 1/4 or 2.5e-1 (with a point)")
                }
                result.append(.number(value, entry.trimmingCharacters(in: .whitespaces)))
                continue
            }
            guard let chosen = AnswerParser.parse(entry, optionCount: question.options.count,
                                                  allowsMany: question.kind == .multiple) else {
                let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
                throw UsageError("invalid answer '\(entry.escapingControls)' for question \(index + 1)",
                                 hint: "expected " + (question.kind == .multiple ? "letters joined by '+'" : "one letter")
                                     + " among \(letters)")
            }
            result.append(.options(chosen))
        }
        return result
    }

    /// Each generator with what it asks and the placeholders it fills, as `simulate --list` shows simulations.
    static func listGenerators(_ generators: QuestionGenerators) -> String {
        var out = ""
        for generator in generators.generators {
            out += "\(generator.name): \(generator.summary)\n"
            let width = (generator.values.map(\.name.count) + ["answer".count]).max() ?? 0
            for value in generator.values {
                let name = "{\(value.name)}".padding(toLength: width + 2, withPad: " ", startingAt: 0)
                out += "    \(name)  \(value.help)" + (value.range.isEmpty ? "" : " (\(value.range))") + "\n"
            }
            let tolerance = QuizJSON.exact(generator.relativeTolerance * 100)
            out += "    " + "{answer}".padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + "  the key, graded within \(tolerance) % unless the question sets 'tolerance:'\n"
        }
        return out
    }

    // MARK: - Helpers

    private static func loadProgress(_ store: ProgressStore, now: Date) throws -> (ProgressFile, String?) {
        do {
            return try store.load(now: now)
        } catch {
            throw QuizFailure(message: error.description)
        }
    }

    private static func unknownLesson(_ slug: String, _ slugs: [String]) -> UsageError {
        UsageError("unknown lesson '\(slug.escapingControls)'", hint: (nearest(slug, in: slugs).map { "did you mean '\($0)'? " } ?? "")
                       + "lessons: \(slugs.joined(separator: ", "))")
    }

    private static func reset(_ store: ProgressStore, strings: QuizStrings, console: Console) -> ExitCode {
        console.out(strings.resetConfirm(store.url.path))
        let answer = console.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let answer, strings.yes.contains(answer) else {
            console.out((answer == nil ? "\n" : "") + strings.resetKept + "\n")
            return .success
        }
        do {
            try store.reset()
        } catch {
            console.err("gradus: error: \(error)\n")
            return .failure
        }
        console.out(strings.resetDone + "\n")
        return .success
    }

    private static func list(_ compiled: CompiledCourse, language: Language, progress: ProgressFile,
                             strings: QuizStrings, now: Date, console: Console) {
        console.out(strings.listHeading + "\n")
        // Slugs padded to the longest, so that the titles start in one column.
        let width = compiled.lessons.map { $0.slug.unicodeScalars.count }.max() ?? 0
        for lesson in compiled.lessons {
            guard let quiz = compiled.quiz(lesson.slug, language: language) else { continue }
            let slug = lesson.slug + String(repeating: " ", count: width - lesson.slug.unicodeScalars.count)
            let ids = quiz.questions.map(\.id)
            let answered = ids.filter { progress.questions[$0] != nil }.count
            let due = ids.filter { id in progress.questions[id].map { $0.due.map { $0 <= now } ?? false } ?? false }.count
            console.out("  " + strings.listLine(slug: slug, title: quiz.lessonTitle.escapingControls, questions: ids.count,
                                                answered: answered, due: due) + "\n")
        }
    }

    private static func reviewQuiz(_ compiled: CompiledCourse, lesson: String?, language: Language,
                                   progress: ProgressFile, strings: QuizStrings, now: Date) -> Quiz {
        var byID: [String: Question] = [:]
        var ids: [String] = []
        var shownLanguage = language.code
        for compiledLesson in compiled.lessons where lesson == nil || compiledLesson.slug == lesson {
            guard let quiz = compiled.quiz(compiledLesson.slug, language: language) else { continue }
            shownLanguage = quiz.language
            for question in quiz.questions where byID[question.id] == nil {
                byID[question.id] = question
                ids.append(question.id)
            }
        }
        let title = compiled.course.introductions[language]?.title
        let order = Leitner.reviewOrder(ids, progress: progress, now: now)
        return Quiz(lessonSlug: lesson ?? "review", lessonTitle: strings.reviewTitle + (title.map { ": " + $0 } ?? ""),
                    language: shownLanguage, questions: order.compactMap { byID[$0] })
    }

    private static func lessonOf(_ id: String, in compiled: CompiledCourse) -> String {
        for lesson in compiled.lessons {
            for translation in lesson.translations.values where translation.questions.contains(where: { $0.question.id == id }) {
                return lesson.slug
            }
        }
        return id.split(separator: "/").first.map(String.init) ?? id
    }
}

/// What the quiz has recorded: the outcomes for the summary, and the answers on their way to the progress file.
private struct Recording: Sendable {
    var recorder: ProgressRecorder
    var outcomes: [QuestionOutcome] = []
    /// Whether a save failed already (the warning is printed once).
    var saveFailed = false
}

/// A quiz failure that is neither a usage nor a content error (exit code 1), such as a progress file from a newer
/// Gradus.
struct QuizFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
