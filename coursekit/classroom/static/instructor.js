// The instructor's page: say when the board has changed since the page was drawn, without
// reloading by itself (that would lose rubric points being typed).
(function () {
  "use strict";
  var script = document.currentScript;
  var drawn = Number(script.getAttribute("data-version"));
  var notice = document.getElementById("ck-new");
  if (!window.EventSource || !notice) { return; }
  var source = new EventSource("api/events");
  source.addEventListener("change", function (event) {
    if (Number(event.data) > drawn) { notice.hidden = false; }
  });
}());
