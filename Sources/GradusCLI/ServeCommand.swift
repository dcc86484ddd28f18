import Foundation
import GradusContent
import GradusRender
import GradusServe

/// `gradus serve`: a live preview of the site while writing.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "preview the site with live reload while you write",
        synopsis: "[--root DIR] [--content DIR] [--templates DIR] [--port N] [--host ADDR]",
        options: [
            CommonOptions.root,
            CommonOptions.content,
            CommonOptions.templates,
            OptionSpec("port", .value(placeholder: "N"), help: "the port to listen on; 0 picks a free one (default: 8000)"),
            OptionSpec("host", .value(placeholder: "ADDR"), help: "the address to listen on (default: 127.0.0.1)"),
        ],
        examples: [
            "gradus serve",
            "gradus serve --port 8080",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let port = try arguments.integer("port", in: 0...65535) ?? 8000
        let host = arguments.value("host") ?? "127.0.0.1"
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            throw UsageError("invalid value '\(host.escapingControls)' for --host", hint: "expected an IPv4 address such as 127.0.0.1")
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let builder = SiteBuilder(content: paths.content, templates: paths.templates,
                                  contentDisplay: paths.contentDisplay, templatesDisplay: paths.templatesDisplay,
                                  cache: paths.cache.appendingPathComponent("simulations"))
        // Ctrl-C, SIGTERM and a closed terminal (SIGHUP) end the watch loop; the server and the temporary site are
        // then cleaned up. They are caught from before the first build, so that none of them leaves the site behind.
        return try InterruptFlag.during { interrupted in
            let session: PreviewSession
            do {
                session = try PreviewSession(builder: builder, host: host, port: UInt16(port), log: console.err)
            } catch let failure as HTTPServer.Failure {
                console.err("gradus: error: \(failure)\n")
                return .failure
            }
            console.out("Serving the course at http://\(host):\(session.server.port)/ (Ctrl-C to stop)\n")
            session.watch(shouldStop: interrupted)
            session.stop()
            console.err("\nstopped\n")
            return .interrupted
        }
    }
}
