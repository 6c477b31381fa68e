// The reference catalogue (/_editor/references, Development only): a filter over every listed row and copy
// buttons. Without this script everything is listed and the controls stay hidden.
(function () {
  "use strict";
  var search = document.querySelector(".catalogue-search");
  var input = document.getElementById("catalogue-filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  if (search && input) {
    search.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search").toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
      }
    });
  });
})();
