/*
 * The complaint form's script. It is optional: without it the form is one long page and works as a plain form post.
 * With it, the quick-exit button replaces this page in the browser's history, so that Back does not return to it,
 * and the form shows one step at a time, which suits a phone. It never checks the answers itself: the server does,
 * in the page's language, and the form then opens on the first step that needs fixing.
 */
(function () {
  'use strict';

  var exit = document.getElementById('quick-exit');
  if (exit) {
    exit.addEventListener('click', function (event) {
      event.preventDefault();
      document.body.hidden = true;
      window.location.replace(exit.href);
    });
  }

  var form = document.getElementById('complaint');
  var send = form && form.querySelector('.send');
  var steps = form ? Array.prototype.slice.call(form.querySelectorAll('fieldset.step')) : [];
  if (!send || steps.length < 2) {
    return;
  }

  var progress = document.createElement('p');
  progress.className = 'progress';
  progress.setAttribute('aria-live', 'polite');
  form.insertBefore(progress, steps[0]);
  var nav = document.createElement('div');
  nav.className = 'steps-nav';
  var back = button(form.getAttribute('data-back'), 'secondary');
  var next = button(form.getAttribute('data-next'), '');
  nav.appendChild(back);
  nav.appendChild(next);
  form.insertBefore(nav, send);

  var current = 0;
  for (var i = 0; i < steps.length; i++) {
    if (steps[i].querySelector('.error')) {
      current = i;
      break;
    }
  }
  back.addEventListener('click', function () { show(current - 1, true); });
  next.addEventListener('click', function () { show(current + 1, true); });
  Array.prototype.forEach.call(document.querySelectorAll('#problems a'), function (link) {
    link.addEventListener('click', function () {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      var step = target && target.closest('fieldset.step');
      if (step) {
        show(steps.indexOf(step), false);
      }
    });
  });
  show(current, false);

  function button(text, className) {
    var made = document.createElement('button');
    made.type = 'button';
    made.textContent = text;
    if (className) {
      made.className = className;
    }
    return made;
  }

  function show(index, moveFocus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, k) { step.hidden = k !== current; });
    back.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    send.hidden = current !== steps.length - 1;
    progress.textContent = form.getAttribute('data-step')
        .replace('{0}', String(current + 1)).replace('{1}', String(steps.length));
    if (moveFocus) {
      steps[current].setAttribute('tabindex', '-1');
      steps[current].focus();
    }
  }
}());
