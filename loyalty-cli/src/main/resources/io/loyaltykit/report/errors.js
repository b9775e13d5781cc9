// Counts every script error on the page into the body's data-errors, so a headless browser can tell a
// page that drew from one that broke half-way.
window.reportErrors = [];
window.onerror = function (message, source, line, column) {
  window.reportErrors.push(String(message) + ' (' + line + ':' + column + ')');
  if (document.body) {
    document.body.setAttribute('data-errors', String(window.reportErrors.length));
    document.body.setAttribute('data-render', 'error');
    document.body.setAttribute('data-error-messages', window.reportErrors.join(' | '));
  }
};
