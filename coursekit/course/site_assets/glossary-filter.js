/* Filters the glossary table as the reader types (English or Chinese). Runs only on the page
   that has the table; needs nothing from the network. */
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("ck-glossary-filter");
  var table = document.querySelector("table.ck-glossary");
  if (!box || !table) { return; }
  box.addEventListener("input", function () {
    var wanted = box.value.trim().toLowerCase();
    table.querySelectorAll("tbody tr").forEach(function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) === -1;
    });
  });
});
