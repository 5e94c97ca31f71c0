// ClearLane UI behaviour that is not htmx: kept out of the pages so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-dismiss]");
  if (button) {
    var box = button.closest(button.getAttribute("data-dismiss") || "[role=alert]");
    if (box) box.remove();
  }
});
