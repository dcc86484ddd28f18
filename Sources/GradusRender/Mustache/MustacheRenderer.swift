/// Walks a compiled template's nodes with an explicit stack of frames (sections and partials), so neither
/// deep nesting nor partial recursion uses the call stack.
struct MustacheRenderer {
    /// What a `sectionEnd` or the end of a partial returns to.
    private enum Frame {
        /// A list section: the items, the next one to render, and the index of the first body node.
        case list([MustacheValue], next: Int, body: Int)
        /// A section over one truthy value, which was pushed on the context stack.
        case single
        /// An inverted section whose body renders in the enclosing context.
        case inverted
        /// A partial being rendered: where to resume in the caller, and what identifies this inclusion.
        case partial(caller: MustacheTemplate, resume: Int, indent: [UInt8], name: String, contextDepth: Int)
    }

    private var template: MustacheTemplate
    private var contexts: [MustacheValue]
    private var frames: [Frame] = []
    private var indent: [UInt8] = []
    private var partialDepth = 0
    private var inclusions = 0
    /// The partials being rendered, each with the context depth it was entered at.
    private var active: Set<ActivePartial> = []

    private struct ActivePartial: Hashable {
        var name: String
        var contextDepth: Int
    }

    init(root: MustacheTemplate, data: MustacheValue) {
        self.template = root
        self.contexts = [data]
    }

    mutating func run(partials: (String) throws(MustacheError) -> MustacheTemplate?,
                      into output: inout [UInt8]) throws(MustacheError) {
        var pc = 0
        while true {
            if pc == template.nodes.count {
                guard case .partial(let caller, let resume, let savedIndent, let name, let depth)? = frames.popLast()
                else {
                    precondition(frames.isEmpty, "a template ended inside a section")
                    return
                }
                active.remove(ActivePartial(name: name, contextDepth: depth))
                template = caller
                pc = resume
                indent = savedIndent
                partialDepth -= 1
                continue
            }
            switch template.nodes[pc] {
            case .text(let range):
                output.append(contentsOf: template.text[range])
                pc += 1
            case .lineStart:
                output.append(contentsOf: indent)
                pc += 1
            case .variable(let name, let escaped, _):
                let value = resolve(name)
                if case .string(let string) = value {
                    append(string, escaped: escaped, to: &output)
                } else {
                    append(value.text, escaped: escaped, to: &output)
                }
                pc += 1
            case .section(let name, let inverted, let end, _):
                let value = resolve(name)
                if inverted {
                    if value.isTruthy {
                        pc = end + 1
                    } else {
                        frames.append(.inverted)
                        pc += 1
                    }
                } else if case .list(let items) = value {
                    if items.isEmpty {
                        pc = end + 1
                    } else {
                        contexts.append(items[0])
                        frames.append(.list(items, next: 1, body: pc + 1))
                        pc += 1
                    }
                } else if value.isTruthy {
                    contexts.append(value)
                    frames.append(.single)
                    pc += 1
                } else {
                    pc = end + 1
                }
            case .sectionEnd:
                switch frames.popLast() {
                case .list(let items, let next, let body)?:
                    contexts.removeLast()
                    if next < items.count {
                        contexts.append(items[next])
                        frames.append(.list(items, next: next + 1, body: body))
                        pc = body
                    } else {
                        pc += 1
                    }
                case .single?:
                    contexts.removeLast()
                    pc += 1
                case .inverted?:
                    pc += 1
                case .partial?, nil:
                    preconditionFailure("a section end without its section")
                }
            case .partial(let name, let ownIndent, let offset):
                guard let partial = try partials(name) else {
                    pc += 1
                    continue
                }
                try checkRecursion(into: name, at: offset)
                frames.append(.partial(caller: template, resume: pc + 1, indent: indent, name: name,
                                       contextDepth: contexts.count))
                partialDepth += 1
                inclusions += 1
                active.insert(ActivePartial(name: name, contextDepth: contexts.count))
                indent += ownIndent
                template = partial
                pc = 0
            }
        }
    }

    // MARK: - Helpers

    /// Refuses a partial inclusion that could never end, or that nests too deep.
    /// Entering partial `name` at the same context depth as an enclosing inclusion of `name` means nothing was
    /// pushed in between, so the context stack is identical and rendering would repeat itself forever.
    private func checkRecursion(into name: String, at offset: Int) throws(MustacheError) {
        if active.contains(ActivePartial(name: name, contextDepth: contexts.count)) {
                throw MustacheError(name: template.name, source: template.source, offset: offset,
                                    message: "partial '\(name)' includes itself without entering a section, "
                                        + "so it would never end; wrap the inclusion in a section over "
                                        + "nested data")
        }
        if inclusions >= MustacheTemplate.maximumPartialInclusions {
            throw MustacheError(name: template.name, source: template.source, offset: offset,
                                message: "more than \(MustacheTemplate.maximumPartialInclusions) partial inclusions "
                                    + "in one rendering at partial '\(name)'; does a partial include itself "
                                    + "more than once?")
        }
        if partialDepth >= MustacheTemplate.maximumPartialDepth {
            throw MustacheError(name: template.name, source: template.source, offset: offset,
                                message: "partials nest deeper than \(MustacheTemplate.maximumPartialDepth) "
                                    + "levels at partial '\(name)'; does a partial include itself?")
        }
    }

    /// Mustache spec, name resolution: `.` is the top of the context stack; otherwise the first key is looked
    /// up from the top of the stack down, and each further key only in the value found before it. A miss
    /// anywhere is null.
    private func resolve(_ name: MustacheName) -> MustacheValue {
        guard let first = name.parts.first else { return contexts[contexts.count - 1] }
        var found: MustacheValue?
        var index = contexts.count - 1
        while index >= 0 {
            if case .object(let object) = contexts[index], let value = object[first] {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return .null }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = value, let next = object[part] else { return .null }
            value = next
        }
        return value
    }

    /// Appends `string`, HTML-escaping `& < > " '` when `escaped`.
    private func append(_ string: String, escaped: Bool, to output: inout [UInt8]) {
        guard escaped else {
            output.append(contentsOf: string.utf8)
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
