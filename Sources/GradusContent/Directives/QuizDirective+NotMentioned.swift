import GradusMarkdown
import GradusQuiz

extension QuizDirective {
    /// `::: quiz not-mentioned` with `list: ID`, `pool: NAME`, `choices: N` (default 4), optional `question:`:
    /// N−1 items of the first list under the heading `ID` and one item of the pool that the lesson's text outside
    /// quizzes never mentions (case and accents folded). Errors are located at the parameter they concern.
    func notMentioned(_ node: MarkdownNode, id: String, parameters: [String: DirectiveParameter],
                      at location: SourceLocation, locate: Locator, diagnostics: inout [Diagnostic]) -> Question? {
        guard let listParameter = parameters["list"], let poolParameter = parameters["pool"] else {
            let missing = ["list", "pool"].filter { parameters[$0] == nil }.joined(separator: " and ")
            diagnostics.append(.error(at: location, "a not-mentioned quiz needs \(missing): "
                                      + "'list: HEADING-ID' and 'pool: NAME'"))
            return nil
        }
        var choices = 4
        if let parameter = parameters["choices"] {
            guard let n = Int(parameter.value), n >= 2 else {
                diagnostics.append(.error(at: locate(parameter.position),
                                          "choices must be a whole number of at least 2, found '\(parameter.value)'"))
                return nil
            }
            choices = n
        }
        let index = self.index ?? NotMentionedIndex(root: Self.root(of: node))
        guard let list = index.lists[listParameter.value] else {
            let ids = index.headingIDs
            if ids.contains(listParameter.value) {
                diagnostics.append(.error(at: locate(listParameter.position),
                                          "the heading with id '\(listParameter.value)' has no list under it; "
                                          + "put the lesson's items in a list right below that heading"))
                return nil
            }
            let hint = nearest(listParameter.value, in: ids).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: locate(listParameter.position),
                                      "no list under a heading with id '\(listParameter.value)'; \(hint)"
                                      + "name the id of the heading above the list"))
            return nil
        }
        guard let poolFile = pools[poolParameter.value] else {
            // A pool that exists but could not be read has its own error already.
            if unreadablePools.contains("\(poolParameter.value).\(language).md") { return nil }
            let names = pools.keys.sorted()
            diagnostics.append(.error(at: locate(poolParameter.position),
                                      "no pool '\(poolParameter.value)' in language '\(language)'; write "
                                      + "pools/\(poolParameter.value).\(language).md"
                                      + (names.isEmpty ? "" : " (pools: \(names.joined(separator: ", ")))")))
            return nil
        }
        let pool: (items: [QuizText], unmentioned: [QuizText])
        if let known = index.pools[poolParameter.value] {
            pool = known
        } else {
            let poolDocument = Markdown.parse(poolFile.body, options: MarkdownOptions(dialect: .lesson))
            let poolItems = poolDocument.children.first(where: { $0.kind == .list }).map { items(of: $0) } ?? []
            pool = (poolItems, index.mentions.unmentioned(poolItems))
            index.pools[poolParameter.value] = pool
        }
        var prompt: QuizText? = nil
        if let question = parameters["question"] {
            let document = Markdown.parse(question.value, options: MarkdownOptions(dialect: .lesson))
            prompt = document.children.first(where: { _ in true }).map { text(of: $0) }
        }
        switch NotMentioned.generate(id: id, prompt: prompt, listItems: items(of: list), unmentioned: pool.unmentioned,
                                     poolName: poolParameter.value, poolSize: pool.items.count, choices: choices,
                                     strings: strings, origin: location.description) {
        case .success(let question):
            return question
        case .failure(let failure):
            let at: SourceLocation
            switch failure {
            case .listTooShort: at = locate(listParameter.position)
            case .noUnmentionedItem: at = locate(poolParameter.position)
            case .tooFewChoices: at = parameters["choices"].map { locate($0.position) } ?? location
            }
            diagnostics.append(.error(at: at, failure.message))
            return nil
        }
    }

    // MARK: - Helpers

    /// Each item's choice: its leading bold text if it has one, else the text of its first paragraph.
    private func items(of list: MarkdownNode) -> [QuizText] {
        list.children.compactMap { item in
            guard let paragraph = item.children.first(where: { $0.kind == .paragraph }) else { return nil }
            if let first = paragraph.firstChild, first.kind == .strong {
                return text(of: Array(first.children))
            }
            return text(of: paragraph)
        }
    }

    /// The document node above `node`.
    static func root(of node: MarkdownNode) -> MarkdownNode {
        var root = node
        while let parent = root.parent { root = parent }
        return root
    }
}
