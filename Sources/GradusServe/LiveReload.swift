/// The script that serve mode adds to every HTML page it sends (never to the built files): it listens for
/// rebuilds and reloads the page, or shows a build error over the page until the next good build.
enum LiveReload {
    /// Where pages load the script from.
    static let scriptPath = "/__gradus/live.js"
    static let tag = Array("<script src=\"/__gradus/live.js\"></script>\n".utf8)

    /// The page with the script inserted before `</body>` (or appended when there is none).
    static func inject(_ html: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        guard let range = html.lastRange(of: closing) else { return html + tag }
        var out = html
        out.insert(contentsOf: tag, at: range.lowerBound)
        return out
    }

    static let script = """
    // gradus serve: reload after a rebuild; show a build error over the page until the next good build.
    (function () {
      "use strict";
      var overlay = null;
      var source = new EventSource("/__gradus/events");
      source.addEventListener("reload", function () { window.location.reload(); });
      source.addEventListener("error", function (event) {
        if (!event.data) { return; }
        if (!overlay) {
          overlay = document.createElement("pre");
          overlay.id = "gradus-error";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
            "background:#3b0d0c;color:#ffdad6;font:13px/1.5 ui-monospace,monospace;z-index:1000;white-space:pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = event.data;
      });
    })();

    """
}

extension Array where Element == UInt8 {
    /// The last occurrence of `needle`, searching from the end (pages end with `</body>`).
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard needle.count <= count else { return nil }
        var start = count - needle.count
        while start >= 0 {
            if self[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
            start -= 1
        }
        return nil
    }
}
