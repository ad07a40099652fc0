// The certificate page's Print button (a script file: the page allows no inline scripts).
(function () {
  "use strict";
  var button = document.getElementById("ck-print");
  if (button) { button.addEventListener("click", function () { window.print(); }); }
}());
