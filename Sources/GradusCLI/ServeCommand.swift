import Foundation
import GradusContent
import GradusRender
import GradusServe
import Synchronization

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
        let paths = try CoursePaths.resolve(arguments, console)
        let builder = SiteBuilder(content: paths.content, templates: paths.templates,
                                  contentDisplay: paths.contentDisplay, templatesDisplay: paths.templatesDisplay,
                                  cache: paths.cache.appendingPathComponent("simulations"))
        let session: PreviewSession
        do {
            session = try PreviewSession(builder: builder, host: host, port: UInt16(port), log: console.err)
        } catch let failure as HTTPServer.Failure {
            console.err("gradus: error: \(failure)\n")
            return .failure
        }
        console.out("Serving the course at http://\(host):\(session.server.port)/ (Ctrl-C to stop)\n")
        // Ctrl-C ends the watch loop; the server and the temporary site are then cleaned up.
        let interrupted = Atomic<Bool>(false)
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interrupted.store(true, ordering: .relaxed) }
        source.resume()
        session.watch { interrupted.load(ordering: .relaxed) }
        source.cancel()
        session.stop()
        console.err("\nstopped\n")
        return .interrupted
    }
}
