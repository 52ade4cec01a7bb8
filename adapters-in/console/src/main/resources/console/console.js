// Tandem console: confirmations for forms that change things, and live refresh of the overview and of the
// jobs page while a job runs. Everything else is server-rendered HTML.
(function () {
  'use strict';

  function bindConfirmations(root) {
    root.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  // Replaces <main> with a fresh copy of this page; a session that ended (sign-in page) stops the refresh.
  function refresh() {
    return fetch(window.location.href, {credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('refresh stopped: ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
        var current = document.getElementById('main');
        if (fresh && current) {
          current.replaceWith(fresh);
          bindConfirmations(fresh);
        }
        return fresh;
      });
  }

  function live(page) {
    if (page === 'overview') {
      return true;
    }
    return page === 'jobs' && document.querySelector('#jobs[data-live="true"]') !== null;
  }

  function schedule() {
    var main = document.getElementById('main');
    if (!main) {
      return;
    }
    var page = main.getAttribute('data-page');
    var delay = page === 'overview' ? 5000 : 1000;
    if (!live(page)) {
      return;
    }
    window.setTimeout(function () {
      refresh().then(schedule, function () { /* the page stays as it was */ });
    }, delay);
  }

  document.addEventListener('DOMContentLoaded', function () {
    bindConfirmations(document);
    schedule();
  });
})();
