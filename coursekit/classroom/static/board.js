// The board for the projector: draws /api/board and redraws it whenever the server says that
// something changed (Server-Sent Events), or every few seconds while that stream is down.
// Everything a team typed is put on the page as text (textContent), never as markup.
(function () {
  "use strict";
  var T = JSON.parse(document.getElementById("ck-words").textContent);
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var lastLeader;            // undefined until the first drawing: no celebration on load
  var pending = null;
  var again = false;         // a change arrived while a drawing was on its way
  var pollTimer = null;
  var live = document.getElementById("ck-live");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key === "className") { node.className = attrs[key]; }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function pick(obj, key) { return (zh && obj[key + "_zh"]) || obj[key] || ""; }
  function show(value) {
    if (value === null || value === undefined) { return "–"; }
    if (Array.isArray(value)) { return value.map(show).join(", "); }
    if (typeof value === "object") {
      return Object.keys(value).map(function (k) { return k + ": " + show(value[k]); }).join(", ");
    }
    return String(value);
  }
  function num(value) { return (Math.round(value * 10) / 10).toString(); }
  function pct(share) { return Math.round(share * 100) + " %"; }

  function cellFor(cell, challenge) {
    var td = el("td", {className: "num"});
    if (cell.points !== null && cell.points !== undefined) {
      // Auto-scored: ✓ right, ✗ not right, – nothing handed in; rubric points: the number.
      var kind = challenge.kind === "rubric" ? ["", "mark-points"]
        : !cell.submitted ? ["– ", "mark-none"]
        : cell.right ? ["✓ ", "mark-right"] : ["✗ ", "mark-wrong"];
      td.appendChild(el("span", {className: kind[1], text: kind[0] + num(cell.points)}));
    } else if (cell.submitted) {
      td.appendChild(el("span", {className: "mark-in", text: "✓ " + T.handed_in}));
    } else {
      td.appendChild(el("span", {className: "mark-none", text: "– " + T.not_yet}));
    }
    if (cell.submitted) {
      var times = cell.answers > 1 ? " (" + cell.answers + " " + T.answers_sent + ")" : "";
      td.appendChild(el("span", {className: "cell-time", text: cell.time + times}));
    }
    return td;
  }

  function drawStandings(data) {
    var table = document.getElementById("ck-standings");
    var empty = document.getElementById("ck-empty");
    table.textContent = "";
    if (!data.teams.length) {
      empty.textContent = T.no_teams; empty.hidden = false; return;
    }
    empty.hidden = !!data.challenges.length;
    empty.textContent = T.no_challenges;
    var head = el("tr", {}, [el("th", {scope: "col", text: T.rank}),
                             el("th", {scope: "col", text: T.team})]);
    data.challenges.forEach(function (c) {
      head.appendChild(el("th", {scope: "col", className: "num"}, [
        el("div", {text: pick(c, "title")}),
        el("span", {className: "badge badge-" + c.state, text: T["state_" + c.state]})]));
    });
    head.appendChild(el("th", {scope: "col", className: "num", text: T.total}));
    table.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    data.teams.forEach(function (team) {
      var row = el("tr", {className: team.name === data.leader ? "leader" : ""}, [
        el("td", {className: "rank", text: String(team.rank)}),
        el("td", {className: "team", text: team.name})]);
      data.challenges.forEach(function (c) { row.appendChild(cellFor(team.cells[c.id], c)); });
      row.appendChild(el("td", {className: "num total", text: num(team.total)}));
      body.appendChild(row);
    });
    table.appendChild(body);
  }

  function drawRevealed(data) {
    var box = document.getElementById("ck-revealed");
    box.textContent = "";
    data.challenges.filter(function (c) { return c.state === "revealed"; }).forEach(function (c) {
      var list = el("ul", {className: "answers"});
      if (c.kind !== "rubric") {
        data.teams.forEach(function (team) {
          var cell = team.cells[c.id];
          if (!cell.submitted) { return; }
          list.appendChild(el("li", {}, [
            el("strong", {text: team.name + ": "}), el("span", {text: show(cell.answer) + " "}),
            el("span", {className: cell.right ? "mark-right" : "mark-wrong",
                        text: cell.right ? "✓ " + T.right : "✗ " + T.not_right})]));
        });
      }
      box.appendChild(el("article", {className: "revealed"}, [
        el("h3", {text: pick(c, "title")}),
        el("p", {}, [el("strong", {text: T.answer + ": "}), el("span", {text: pick(c, "answer")})]),
        el("p", {}, [el("strong", {text: T.why + ": "}), el("span", {text: pick(c, "explain")})]),
        c.kind !== "rubric" ? el("h4", {text: T.answers_of_teams}) : null,
        c.kind !== "rubric" ? list : null]));
    });
  }

  function bar(kind, share) {
    var node = el("span", {className: "gain-bar " + kind});
    node.style.width = Math.round(share * 120) + "px";  // CSSOM: allowed by the page's CSP
    return node;
  }

  function drawTests(data) {
    var box = document.getElementById("ck-tests");
    box.textContent = "";
    if (!data.tests.length) { return; }
    box.appendChild(el("h2", {text: T.tests}));
    data.tests.forEach(function (test) {
      box.appendChild(el("h3", {text: T.lesson + " " + test.lesson + " · " + T.before + " " +
        test.taken.pre + " " + T.took + " · " + T.after + " " + test.taken.post + " " + T.took}));
      if (!test.by_question.length) { return; }
      var rows = test.by_question.map(function (q) {
        return el("tr", {}, [
          el("td", {text: String(q.number)}),
          el("td", {}, [bar("before", q.pre), el("span", {text: " " + pct(q.pre)})]),
          el("td", {}, [bar("after", q.post), el("span", {text: " " + pct(q.post)})]),
          el("td", {className: "num", text: (q.gain >= 0 ? "+" : "−") + pct(Math.abs(q.gain))})]);
      });
      box.appendChild(el("table", {className: "gains"}, [
        el("caption", {text: T.share_right + " (" + test.both + " " + T.both_tests + ")"}),
        el("thead", {}, [el("tr", {}, [el("th", {scope: "col", text: T.question}),
          el("th", {scope: "col", text: T.before}), el("th", {scope: "col", text: T.after}),
          el("th", {scope: "col", className: "num", text: T.gain})])]),
        el("tbody", {}, rows)]));
      var learners = el("ul", {className: "learners"});
      test.by_learner.forEach(function (l) {
        learners.appendChild(el("li", {text: T.learner + " " + l.label.replace(/^\D+/, "") +
          ": " + l.pre + " → " + l.post + " (" + (l.gain >= 0 ? "+" : "−") + Math.abs(l.gain) +
          ") " + T.questions_right}));
      });
      box.appendChild(learners);
    });
  }

  function celebrate(leader) {
    var banner = document.getElementById("ck-celebrate");
    banner.textContent = "★ " + leader + " " + T.takes_lead;
    banner.hidden = false;
    window.clearTimeout(celebrate.timer);
    celebrate.timer = window.setTimeout(function () { banner.hidden = true; }, 8000);
  }

  function draw(data) {
    drawStandings(data);
    drawRevealed(data);
    drawTests(data);
    if (lastLeader !== undefined && data.leader && data.leader !== lastLeader) {
      celebrate(data.leader);
    }
    lastLeader = data.leader;
    document.body.setAttribute("data-version", String(data.version));
  }

  function refresh() {
    if (pending) { again = true; return; }
    pending = fetch("api/board", {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(draw)
      .catch(function () { live.className = "live off"; live.textContent = "○ " + T.reconnecting; })
      .then(function () {
        pending = null;
        if (again) { again = false; refresh(); }
      });
  }

  function poll(on) {
    if (on && !pollTimer) { pollTimer = window.setInterval(refresh, 3000); }
    if (!on && pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  refresh();
  if (window.EventSource) {
    var source = new EventSource("api/events");
    source.addEventListener("change", function () { refresh(); });
    source.onopen = function () {
      live.className = "live"; live.textContent = "● " + T.live; poll(false); refresh();
    };
    source.onerror = function () {
      live.className = "live off"; live.textContent = "○ " + T.reconnecting; poll(true);
    };
  } else {
    poll(true);
  }
}());
