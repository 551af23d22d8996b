// Send a deep-linking response back to the platform as soon as the page is shown; the
// form's own button does the same without scripts.
(function () {
  "use strict";
  var form = document.querySelector("form[data-lti-autopost]");
  if (form) {
    form.submit();
  }
})();
