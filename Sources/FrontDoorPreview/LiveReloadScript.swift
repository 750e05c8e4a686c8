/// The script the preview adds to every page: it listens to `/__frontdoor/events`, reloads the
/// tab after each successful build, and shows the content's errors over the page while there
/// are any. It builds its overlay with DOM calls and `textContent` only, so a message quoting
/// hostile content cannot inject markup; it is an external file, so it runs under a strict CSP.
enum LiveReloadScript {
    static let path = "/__frontdoor/live.js"
    static let eventsPath = "/__frontdoor/events"

    /// The tag names the build the page came from, so the script knows whether a newer one exists.
    static func tag(generation: Int) -> String {
        "<script src=\"\(path)?generation=\(generation)\" defer></script>"
    }

    static let source = #"""
    (function () {
      "use strict";
      var source = document.currentScript && document.currentScript.src;
      var seen = source ? Number(new URL(source).searchParams.get("generation")) : null;
      var overlay = null;

      function removeOverlay() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function showOverlay(diagnostics) {
        removeOverlay();
        overlay = document.createElement("div");
        overlay.id = "frontdoor-preview-errors";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "frontdoor-preview-errors-title");
        var s = overlay.style;
        s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "2147483647";
        s.maxHeight = "80vh"; s.overflow = "auto"; s.padding = "16px 20px";
        s.background = "#fff"; s.color = "#0b0c0c"; s.borderBottom = "8px solid #d4351c";
        s.font = "16px/1.4 system-ui, sans-serif"; s.boxShadow = "0 4px 16px rgba(0,0,0,.3)";
        var title = document.createElement("h2");
        title.id = "frontdoor-preview-errors-title";
        title.style.margin = "0 0 8px"; title.style.color = "#d4351c";
        var errors = diagnostics.filter(function (d) { return d.severity === "error"; }).length;
        title.textContent = "The site was not rebuilt: " + errors + (errors === 1 ? " error" : " errors") +
          ". You are looking at the last good version.";
        overlay.appendChild(title);
        var list = document.createElement("ul");
        list.style.margin = "0"; list.style.paddingLeft = "20px";
        diagnostics.forEach(function (d) {
          var item = document.createElement("li");
          item.className = "frontdoor-preview-diagnostic";
          var where = document.createElement("code");
          where.textContent = d.path + ":" + d.line + ":" + d.column;
          item.appendChild(where);
          item.appendChild(document.createTextNode(" " + d.severity + " [" + d.code + "] " + d.message +
            (d.hint ? " (" + d.hint + ")" : "")));
          list.appendChild(item);
        });
        overlay.appendChild(list);
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Hide";
        close.style.marginTop = "12px";
        close.addEventListener("click", removeOverlay);
        overlay.appendChild(close);
        document.body.appendChild(overlay);
      }

      if (!window.EventSource) { return; }
      var events = new EventSource("/__frontdoor/events");
      // Lets tests (and the curious) see that the tab is listening.
      events.addEventListener("open", function () { document.documentElement.setAttribute("data-frontdoor-preview", "listening"); });
      events.addEventListener("state", function (message) {
        var state = JSON.parse(message.data);
        if (seen === null) { seen = state.generation; }
        if (!state.ok) { showOverlay(state.diagnostics); return; }
        if (state.generation !== seen) { window.location.reload(); return; }
        removeOverlay();
      });
    })();
    """#

    /// Adds the script tag before the last `</body>`, or at the end when there is none.
    static func inject(into html: String, generation: Int) -> String {
        let tag = tag(generation: generation)
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }
}
