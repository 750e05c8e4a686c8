/* FrontDoor search page: search as you type, filters with counts, state in the URL.
 *
 * Reads the engine from search-core.js (the global FrontDoorSearch). Content from the index
 * reaches the page only through textContent, createElement and setAttribute, never as HTML,
 * and the file has no inline script or style, so the page works under a strict
 * Content-Security-Policy. Without JavaScript (or if the engine does not load) the page's
 * plain browsing links stay visible. */
(function () {
  'use strict';

  var FACETS = ['type', 'area', 'region', 'capability'];
  var FACET_LABELS = { type: 'Type', area: 'Area of expertise', region: 'Region', capability: 'Offers' };
  var PARAMS = ['q'].concat(FACETS);
  var LIMIT = 50;
  var TYPING_DELAY = 150;

  var root = document.querySelector('[data-search]');
  if (!root) return;
  var fallback = document.querySelector('[data-search-fallback]');
  var fallbackMessage = document.querySelector('[data-search-fallback-message]');
  var form = root.querySelector('[data-search-form]');
  var input = form.querySelector('input[name="q"]');
  var status = root.querySelector('[data-search-status]');
  var list = root.querySelector('[data-search-results]');
  var more = root.querySelector('[data-search-more]');
  var selected = root.querySelector('[data-search-selected]');
  var selectedList = root.querySelector('[data-search-selected-list]');
  var clearLink = root.querySelector('[data-search-clear]');
  var applyButton = root.querySelector('[data-search-apply]');
  var layout = root.querySelector('[data-search-layout]');
  var filterPanel = root.querySelector('.filter');
  var filterToggle = root.querySelector('[data-filter-toggle]');
  var basePath = normaliseBase(root.getAttribute('data-base-path'));
  var pageTitle = document.title;

  var engine = null;
  var sequence = 0;
  var timer = null;

  var core = window.FrontDoorSearch;
  if (!core || typeof core.load !== 'function') return; // the fallback stays in view

  // The script runs: show the search, hide the fallback. Filters apply at once, so the
  // no-script "Apply filters" button is not needed.
  root.hidden = false;
  if (fallback) fallback.hidden = true;
  if (applyButton) applyButton.hidden = true;
  setUpFilterToggle();

  var state = readURL();
  writeControls(state);
  setStatus('Loading search…');

  core.load(basePath).then(function (loaded) {
    engine = loaded;
    state = readControls();
    run(state);
  }, function (error) {
    failed(error);
  });

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      state = readControls();
      history.replaceState(null, '', urlFor(state));
      run(state);
    }, TYPING_DELAY);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    timer = null;
    state = readControls();
    history.replaceState(null, '', urlFor(state));
    run(state);
  });

  form.addEventListener('change', function (event) {
    var target = event.target;
    if (!target || target.type !== 'radio' || FACETS.indexOf(target.name) < 0) return;
    clearTimeout(timer);
    timer = null;
    state = readControls();
    history.pushState(null, '', urlFor(state));
    run(state);
  });

  window.addEventListener('popstate', function () {
    clearTimeout(timer);
    timer = null;
    state = readURL();
    writeControls(state);
    run(state);
  });

  if (clearLink) {
    clearLink.addEventListener('click', function (event) {
      event.preventDefault();
      changeFilters(function (next) { FACETS.forEach(function (name) { next[name] = ''; }); });
    });
  }

  /* ---- state ---- */

  function normaliseBase(value) {
    var base = typeof value === 'string' && value ? value : '/';
    if (base.charAt(0) !== '/') base = '/' + base;
    if (base.charAt(base.length - 1) !== '/') base += '/';
    return base;
  }

  function emptyState() {
    return { q: '', type: '', area: '', region: '', capability: '' };
  }

  function readURL() {
    var params = new URLSearchParams(window.location.search);
    var next = emptyState();
    PARAMS.forEach(function (name) { next[name] = params.get(name) || ''; });
    return next;
  }

  function urlFor(value) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (name) {
      if (name === 'q' ? value.q.trim() !== '' : value[name]) params.set(name, value[name]);
    });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  function readControls() {
    var next = emptyState();
    next.q = input.value;
    FACETS.forEach(function (name) {
      var checked = form.querySelector('input[type="radio"][name="' + name + '"]:checked');
      next[name] = checked ? checked.value : '';
    });
    return next;
  }

  function writeControls(value) {
    if (input.value !== value.q) input.value = value.q;
    FACETS.forEach(function (name) {
      var wanted = value[name] || '';
      var choice = findChoice(name, wanted) || addChoice(name, wanted, wanted);
      if (choice) choice.input.checked = true;
    });
  }

  function changeFilters(change) {
    clearTimeout(timer);
    timer = null;
    var next = readControls();
    change(next);
    writeControls(next);
    state = next;
    history.pushState(null, '', urlFor(state));
    run(state);
  }

  function hasFilters(value) {
    return FACETS.some(function (name) { return !!value[name]; });
  }

  /* ---- filter options ---- */

  function facetGroup(name) {
    return form.querySelector('[data-facet="' + name + '"]');
  }

  function choices(name) {
    var group = facetGroup(name);
    if (!group) return [];
    var labels = group.querySelectorAll('.filter__choice');
    var found = [];
    for (var i = 0; i < labels.length; i++) {
      var radio = labels[i].querySelector('input[type="radio"]');
      if (radio) {
        found.push({
          element: labels[i],
          input: radio,
          label: labels[i].querySelector('[data-choice-label]'),
          count: labels[i].querySelector('[data-count]')
        });
      }
    }
    return found;
  }

  function findChoice(name, value) {
    var all = choices(name);
    for (var i = 0; i < all.length; i++) {
      if (all[i].input.value === value) return all[i];
    }
    return null;
  }

  /* An option the page did not list (a value from the URL or from the engine's facets). */
  function addChoice(name, value, label) {
    var group = facetGroup(name);
    if (!group || value === '') return null;
    var element = document.createElement('label');
    element.className = 'filter__choice';
    var radio = document.createElement('input');
    radio.className = 'filter__radio';
    radio.setAttribute('type', 'radio');
    radio.setAttribute('name', name);
    radio.value = value;
    var text = document.createElement('span');
    text.setAttribute('data-choice-label', '');
    text.textContent = label || value;
    var count = document.createElement('span');
    count.className = 'filter__count';
    count.setAttribute('data-count', '');
    element.appendChild(radio);
    element.appendChild(document.createTextNode(' '));
    element.appendChild(text);
    element.appendChild(document.createTextNode(' '));
    element.appendChild(count);
    group.appendChild(element);
    return findChoice(name, value);
  }

  function choiceLabel(name, value) {
    var choice = findChoice(name, value);
    return choice && choice.label ? choice.label.textContent : value;
  }

  /* On narrow screens the filters fold away behind a button, so results come first. Wide
     screens show them beside the results and the stylesheet hides the button. */
  function setUpFilterToggle() {
    if (!filterPanel || !filterToggle) return;
    filterToggle.hidden = false;
    setFiltersOpen(false);
    filterToggle.addEventListener('click', function () {
      setFiltersOpen(filterToggle.getAttribute('aria-expanded') !== 'true');
    });
  }

  function setFiltersOpen(open) {
    filterToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    filterToggle.textContent = open ? 'Hide filters' : 'Show filters';
    if (open) filterPanel.removeAttribute('data-collapsed');
    else filterPanel.setAttribute('data-collapsed', '');
  }

  /* browseAll: nothing asked yet, so every option is offered (without counts) and choosing
     one lists what has that value. */
  function updateFacets(facets, value, browseAll) {
    var anyShown = false;
    FACETS.forEach(function (name) {
      var rows = facets && Array.isArray(facets[name]) ? facets[name] : [];
      var counts = {};
      rows.forEach(function (row) {
        if (!row || typeof row.value !== 'string') return;
        counts[row.value] = typeof row.count === 'number' ? row.count : 0;
        var choice = findChoice(name, row.value);
        if (!choice) choice = addChoice(name, row.value, typeof row.label === 'string' ? row.label : row.value);
        else if (choice.label && typeof row.label === 'string' && row.label && choice.label.textContent === row.value) {
          choice.label.textContent = row.label;
        }
      });
      var shown = 0;
      choices(name).forEach(function (choice) {
        if (choice.input.value === '') return;
        var count = counts[choice.input.value] || 0;
        if (choice.count) choice.count.textContent = browseAll ? '' : '(' + count + ')';
        var visible = browseAll || count > 0 || choice.input.checked;
        choice.element.hidden = !visible;
        if (visible) shown++;
      });
      var group = facetGroup(name);
      if (group) group.hidden = shown === 0 && !value[name];
      if (group && !group.hidden) anyShown = true;
    });
    // No filter can narrow these results: give the results the whole width.
    if (filterPanel) filterPanel.hidden = !anyShown;
    if (layout) {
      if (anyShown) layout.removeAttribute('data-no-filter');
      else layout.setAttribute('data-no-filter', '');
    }
  }

  function updateSelected(value) {
    if (!selected || !selectedList) return;
    while (selectedList.firstChild) selectedList.removeChild(selectedList.firstChild);
    var any = false;
    FACETS.forEach(function (name) {
      if (!value[name]) return;
      any = true;
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.className = 'filter__tag';
      var without = {};
      PARAMS.forEach(function (key) { without[key] = value[key]; });
      without[name] = '';
      link.setAttribute('href', urlFor(without));
      var hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = 'Remove this filter: ' + FACET_LABELS[name] + ' ';
      var text = document.createElement('span');
      text.textContent = choiceLabel(name, value[name]);
      link.appendChild(hidden);
      link.appendChild(text);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        changeFilters(function (next) { next[name] = ''; });
        input.focus();
      });
      item.appendChild(link);
      selectedList.appendChild(item);
    });
    selected.hidden = !any;
    if (clearLink) clearLink.setAttribute('href', urlFor({ q: value.q, type: '', area: '', region: '', capability: '' }));
  }

  /* ---- searching ---- */

  function run(value) {
    if (!engine) return;
    var mine = ++sequence;
    // Results first; on a large (split) index the facet counts follow in a second call.
    var options = { limit: LIMIT, facets: false };
    FACETS.forEach(function (name) { if (value[name]) options[name] = value[name]; });
    var result;
    try {
      result = Promise.resolve(engine.search(value.q, options));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(function (response) {
      if (mine !== sequence) return; // a newer search has started
      render(response || {}, value);
      if (response && response.facets === null) {
        options.facets = true;
        Promise.resolve(engine.search(value.q, options)).then(function (full) {
          if (mine === sequence && full) updateFacets(full.facets, value, browsing(value, full));
        });
      }
    }, function (error) {
      if (mine !== sequence) return;
      setStatus('Sorry, the search did not work. Try again, or browse by type or area.');
      clear(list);
      if (window.console) window.console.warn('FrontDoor search failed:', error);
    });
  }

  function render(response, value) {
    var results = Array.isArray(response.results) ? response.results : [];
    var total = typeof response.total === 'number' ? response.total : results.length;
    var query = value.q.trim();

    clear(list);
    var fragment = document.createDocumentFragment();
    results.forEach(function (result) { fragment.appendChild(resultItem(result)); });
    list.appendChild(fragment);

    // Facet counts that follow in a second call (facets null) update the filters then.
    if (response.facets !== null) updateFacets(response.facets, value, browsing(value, response));
    updateSelected(value);

    if (!query && !hasFilters(value) && results.length === 0) {
      setStatus('Type a word to search, or choose a filter.');
    } else {
      setStatus(summary(total, query, value));
    }
    if (total > results.length && results.length > 0) {
      more.textContent = 'Showing the best ' + results.length + ' of ' + total +
        ' results. Add words or choose a filter to narrow the search.';
      more.hidden = false;
    } else {
      more.textContent = '';
      more.hidden = true;
    }
    document.title = query ? query + ' – ' + pageTitle : pageTitle;
  }

  /* Nothing asked yet (no words, no filter, no results): offer every filter option. */
  function browsing(value, response) {
    var results = response && Array.isArray(response.results) ? response.results : [];
    return !value.q.trim() && !hasFilters(value) && results.length === 0;
  }

  function summary(total, query, value) {
    var text = total === 0 ? 'No results' : total + (total === 1 ? ' result' : ' results');
    if (query) text += ' for ' + query;
    var filters = FACETS.filter(function (name) { return !!value[name]; })
      .map(function (name) { return choiceLabel(name, value[name]); });
    if (filters.length) text += ' (' + filters.join(', ') + ')';
    return text;
  }

  function resultItem(result) {
    var matched = Array.isArray(result.matched) ? result.matched : [];
    var item = document.createElement('li');
    item.className = 'card search-result';
    item.setAttribute('data-slug', String(result.slug || ''));

    var meta = document.createElement('p');
    meta.className = 'card__meta search-result__type';
    meta.textContent = String(result.typeLabel || result.type || '');
    item.appendChild(meta);

    var heading = document.createElement('h2');
    heading.className = 'card__heading search-result__title';
    var link = document.createElement('a');
    link.className = 'card__link';
    link.setAttribute('href', siteURL(result.url));
    appendHighlighted(link, String(result.title || ''), matched);
    heading.appendChild(link);
    item.appendChild(heading);

    if (result.summary) {
      var text = document.createElement('p');
      text.className = 'card__summary search-result__summary';
      appendHighlighted(text, String(result.summary), matched);
      item.appendChild(text);
    }

    var areas = Array.isArray(result.areas) ? result.areas : [];
    if (areas.length) {
      var tags = document.createElement('ul');
      tags.className = 'tag-list';
      tags.setAttribute('aria-label', 'Areas');
      areas.forEach(function (area) {
        if (!area) return;
        var title = typeof area === 'string' ? area : String(area.title || area.slug || '');
        var slug = typeof area === 'string' ? '' : String(area.slug || '');
        var tagItem = document.createElement('li');
        var tag;
        if (slug) {
          tag = document.createElement('a');
          tag.setAttribute('href', basePath + 'areas/' + encodeURIComponent(slug) + '/');
        } else {
          tag = document.createElement('span');
        }
        tag.className = 'tag';
        tag.textContent = title;
        tagItem.appendChild(tag);
        tags.appendChild(tagItem);
      });
      item.appendChild(tags);
    }
    return item;
  }

  /* Text with the matched words in <mark>, built from text nodes only. */
  function appendHighlighted(parent, text, matched) {
    var pieces = null;
    if (matched.length && typeof core.highlight === 'function') {
      try { pieces = core.highlight(text, matched); } catch (error) { pieces = null; }
    }
    if (!Array.isArray(pieces)) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    pieces.forEach(function (piece) {
      if (!piece) return;
      var content = String(piece.text == null ? '' : piece.text);
      if (piece.mark) {
        var mark = document.createElement('mark');
        mark.textContent = content;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(content));
      }
    });
  }

  /* A page address from the index, kept inside this site: the index gives site paths
     (with or without the base path); anything with a scheme or host goes to the home page. */
  function siteURL(url) {
    if (typeof url !== 'string' || url === '') return basePath;
    if (/^[a-zA-Z][a-zA-Z0-9+.\-]*:/.test(url) || url.indexOf('//') === 0 || url.indexOf('\\') >= 0) return basePath;
    if (url.indexOf(basePath) === 0) return url;
    return basePath + url.replace(/^\/+/, '');
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function failed(error) {
    setStatus('Sorry, search is not working at the moment.');
    root.hidden = true;
    if (fallback) fallback.hidden = false;
    if (fallbackMessage) {
      fallbackMessage.textContent = 'Sorry, search is not working at the moment. You can still find everything in the directory by browsing.';
    }
    if (window.console) window.console.warn('FrontDoor search could not load its index:', error);
  }
})();
