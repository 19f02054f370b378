(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var data = {findings: {}};
  try { data = JSON.parse(document.getElementById("figures-data").textContent); } catch (e) {}
  var findings = data.findings || {};
  var tip = document.getElementById("tip");
  var FIELDS = [["kind", "Kind"], ["value", "Value"], ["normalized", "Normalized"],
    ["rate", "Rate"], ["rateDate", "Rate date"], ["source", "Source"],
    ["basis", "Currency from"], ["status", "Verdict"], ["note", "Note"]];
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.fig"));
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function ids(mark) { return (mark.getAttribute("data-findings") || "").split(" ").filter(Boolean); }
  function label(id) {
    var f = findings[id];
    return f ? f.icon + " " + f.status + " \u00b7 " + f.check + ": " + f.label : id;
  }
  function describe(mark, box, links) {
    box.appendChild(el("p", "tip-text", mark.textContent));
    var dl = el("dl", "kv");
    FIELDS.forEach(function (f) {
      var v = mark.dataset[f[0]];
      if (v) { dl.appendChild(el("dt", null, f[1])); dl.appendChild(el("dd", null, v)); }
    });
    box.appendChild(dl);
    var list = ids(mark);
    if (!list.length) { box.appendChild(el("p", "tip-h", "No findings involve this figure.")); return; }
    box.appendChild(el("p", "tip-h", list.length === 1 ? "1 finding" : list.length + " findings"));
    var ul = el("ul", "tip-findings");
    list.forEach(function (id) {
      var li = el("li");
      if (links) {
        var a = el("a", "flink", label(id));
        a.setAttribute("href", "#" + id);
        a.setAttribute("data-finding", id);
        li.appendChild(a);
      } else { li.textContent = label(id); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  var current = null, timer = null;
  function showTip(mark) {
    clearTimeout(timer);
    if (current && current !== mark) { current.removeAttribute("aria-describedby"); }
    current = mark;
    clear(tip);
    describe(mark, tip, false);
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "tip");
    var r = mark.getBoundingClientRect();
    var sx = window.pageXOffset, sy = window.pageYOffset;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(sx + r.left, sx + document.documentElement.clientWidth - w - 8);
    var top = sy + r.bottom + 6;
    if (r.bottom + h + 12 > window.innerHeight && r.top > h + 12) { top = sy + r.top - h - 6; }
    tip.style.left = Math.max(sx + 4, left) + "px";
    tip.style.top = top + "px";
  }
  function hideTip() {
    clearTimeout(timer);
    tip.hidden = true;
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null;
  }
  function hideSoon() { clearTimeout(timer); timer = setTimeout(hideTip, 300); }

  function activate(list) {
    Array.prototype.forEach.call(document.querySelectorAll(".finding.is-active"), function (n) {
      n.classList.remove("is-active");
    });
    list.forEach(function (id) {
      var n = document.getElementById(id);
      if (n) { n.classList.add("is-active"); }
    });
  }
  function select(mark) {
    marks.forEach(function (m) { m.classList.remove("is-selected"); });
    mark.classList.add("is-selected");
    activate(ids(mark));
    var sec = mark.closest("section.doc");
    var panel = sec && sec.querySelector(".panel");
    if (panel) {
      clear(panel);
      panel.appendChild(el("h3", null, "Selected figure"));
      describe(mark, panel, true);
    }
    document.body.setAttribute("data-selected", mark.id);
  }
  function flash(fid, focusId) {
    var f = findings[fid];
    if (!f) { return; }
    activate([fid]);
    var spans = f.spans.map(function (s) { return document.getElementById(s); }).filter(Boolean);
    spans.forEach(function (s) {
      s.classList.remove("is-flash");
      void s.offsetWidth;
      s.classList.add("is-flash");
    });
    setTimeout(function () { spans.forEach(function (s) { s.classList.remove("is-flash"); }); }, 2500);
    var target = (focusId && document.getElementById(focusId)) || spans[0];
    if (target) {
      target.scrollIntoView({block: "center", behavior: reduced ? "auto" : "smooth"});
      target.focus({preventScroll: true});
    }
    document.body.setAttribute("data-flashed", fid);
  }

  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m) { showTip(m); } else if (e.target.closest && e.target.closest("#tip")) { clearTimeout(timer); }
  });
  document.addEventListener("mouseout", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig, #tip");
    if (m && !(e.relatedTarget && m.contains(e.relatedTarget)) && document.activeElement !== current) { hideSoon(); }
  });
  document.addEventListener("focusin", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m) { showTip(m); } else { hideTip(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); return; }
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(m); }
  });
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    var b = t.closest("button.show");
    if (b) { flash(b.getAttribute("data-finding")); return; }
    var a = t.closest("a.mref");
    if (a) { e.preventDefault(); flash(a.getAttribute("data-finding"), a.getAttribute("data-span")); return; }
    var fl = t.closest("a.flink");
    if (fl) { activate([fl.getAttribute("data-finding")]); return; }
    var m = t.closest("mark.fig");
    if (m) { select(m); }
  });
  window.addEventListener("resize", hideTip);

  document.body.setAttribute("data-highlights", String(marks.length));
  document.body.setAttribute("data-findings", String(Object.keys(findings).length));
  document.body.setAttribute("data-ready", "1");
})();
