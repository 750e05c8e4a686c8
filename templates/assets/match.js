/* FrontDoor match pages: choosing what you need re-ranks the partners in place, exactly as
   the prebuilt page for that choice ranks them (MatchEngine.partners(in:offering:)): a partner
   offering it gains 1.5; equal scores keep the order of the page with nothing chosen. The URL
   becomes the prebuilt page's, so reloading or sharing works without this script. */
(function () {
  'use strict';
  var CAPABILITY_WEIGHT = 1.5;
  var filter = document.querySelector('[data-match-filter]');
  var list = document.querySelector('[data-match-partners]');
  // A list cut to the best few cannot show another choice's best: its links load that page.
  if (!filter || !list || list.hasAttribute('data-match-partial')) return;
  var note = document.querySelector('[data-match-note]');
  var items = Array.prototype.slice.call(list.children);
  var links = Array.prototype.slice.call(filter.querySelectorAll('[data-capability]'));

  function number(item, name) { return parseFloat(item.getAttribute(name)) || 0; }

  function apply(slug, label) {
    var ranked = items.map(function (item) {
      var hit = slug !== '' && (item.getAttribute('data-offers') || '').split(' ').indexOf(slug) >= 0;
      var flag = item.querySelector('[data-offers-flag]');
      if (flag) {
        flag.hidden = !hit;
        var strong = flag.querySelector('strong');
        if (strong) strong.textContent = 'Offers ' + label;
      }
      return { item: item, score: number(item, 'data-base-score') + (hit ? CAPABILITY_WEIGHT : 0) };
    });
    ranked.sort(function (a, b) {
      return a.score !== b.score ? b.score - a.score : number(a.item, 'data-base-order') - number(b.item, 'data-base-order');
    });
    ranked.forEach(function (entry) { list.appendChild(entry.item); });
    links.forEach(function (link) {
      if (link.getAttribute('data-capability') === slug) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    if (note) note.textContent = slug ? 'Those offering ' + label + ' come first.' : 'Choose what you need to bring those who offer it to the top.';
    // The heading and title of the prebuilt page for this choice.
    var heading = document.querySelector('[data-match-title]');
    if (heading) {
      heading.textContent = 'Partners in ' + heading.getAttribute('data-area') + (slug ? ' offering ' + label.toLowerCase() : '');
      document.title = heading.textContent + ' \u2013 ' + heading.getAttribute('data-site-title');
    }
  }

  function choiceFor(pathname) {
    for (var k = 0; k < links.length; k++) if (new URL(links[k].href).pathname === pathname) return links[k];
    return null;
  }

  filter.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('[data-capability]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.getAttribute('aria-current') === 'page') return;
    apply(link.getAttribute('data-capability'), link.textContent);
    history.pushState({ frontdoorMatch: true }, '', link.href);
  });
  window.addEventListener('popstate', function () {
    var link = choiceFor(location.pathname);
    if (link) apply(link.getAttribute('data-capability'), link.textContent);
  });
})();
