/* FrontDoor search page: search as you type, filters with counts, state in the URL.
 *
 * Filters follow the Ministry of Justice filter pattern: a fieldset of checkboxes per filter,
 * each option with its count, the chosen ones listed as removable tags. Several options of
 * one filter combine with OR, different filters with AND (as `frontdoor search` does with
 * repeated --type/--area). The address holds one parameter per chosen option
 * (?q=x&type=company&type=trust), so results can be shared and the back button works.
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
  var refocusTags = false;

  var core = window.FrontDoorSearch;
  if (!core || typeof core.load !== 'function') return; // the fallback stays in view

  // The script runs: show the search, hide the fallback. Filters apply at once (live
  // updates), so the "Apply filters" button is not needed.
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
    if (!target || target.type !== 'checkbox' || FACETS.indexOf(target.name) < 0) return;
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
      changeFilters(function (next) { FACETS.forEach(function (name) { next[name] = []; }); });
      refocusTags = true; // the link hides with the tags: focus goes to the search box
    });
  }

  /* ---- state ---- */

  function normaliseBase(value) {
    var base = typeof value === 'string' && value ? value : '/';
    if (base.charAt(0) !== '/') base = '/' + base;
    if (base.charAt(base.length - 1) !== '/') base += '/';
    return base;
  }

  /* The state: the words, and per filter the list of chosen values (empty: no filter). */
  function emptyState() {
    return { q: '', type: [], area: [], region: [], capability: [] };
  }

  function copyState(value) {
    var next = emptyState();
    next.q = value.q;
    FACETS.forEach(function (name) { next[name] = value[name].slice(); });
    return next;
  }

  /* Non-empty values, each once, in the order given. */
  function distinct(values) {
    var out = [];
    values.forEach(function (v) { if (v && out.indexOf(v) < 0) out.push(v); });
    return out;
  }

  function readURL() {
    var params = new URLSearchParams(window.location.search);
    var next = emptyState();
    next.q = params.get('q') || '';
    FACETS.forEach(function (name) {
      var values = params.getAll(name);
      if (name === 'type') values = values.map(knownType);
      next[name] = distinct(values);
    });
    return next;
  }

  /* A type as the page knows it: `companies` (a folder name, as the CLI also accepts) is `company`. */
  function knownType(value) {
    if (!value || findChoice('type', value)) return value;
    var candidates = [value.toLowerCase()];
    if (/ies$/.test(candidates[0])) candidates.push(candidates[0].slice(0, -3) + 'y');
    if (/s$/.test(candidates[0])) candidates.push(candidates[0].slice(0, -1));
    for (var k = 0; k < candidates.length; k++) if (findChoice('type', candidates[k])) return candidates[k];
    return value;
  }

  function urlFor(value) {
    var params = new URLSearchParams();
    if (value.q.trim() !== '') params.set('q', value.q);
    FACETS.forEach(function (name) {
      value[name].forEach(function (v) { params.append(name, v); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  function readControls() {
    var next = emptyState();
    next.q = input.value;
    FACETS.forEach(function (name) {
      next[name] = choices(name).filter(function (choice) { return choice.input.checked; })
        .map(function (choice) { return choice.input.value; });
    });
    return next;
  }

  function writeControls(value) {
    if (input.value !== value.q) input.value = value.q;
    FACETS.forEach(function (name) {
      value[name].forEach(function (wanted) {
        if (!findChoice(name, wanted)) addChoice(name, wanted, wanted);
      });
      choices(name).forEach(function (choice) {
        choice.input.checked = value[name].indexOf(choice.input.value) >= 0;
      });
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
    return FACETS.some(function (name) { return value[name].length > 0; });
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
      var box = labels[i].querySelector('input[type="checkbox"]');
      if (box) {
        found.push({
          element: labels[i],
          input: box,
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
    var box = document.createElement('input');
    box.className = 'filter__checkbox';
    box.setAttribute('type', 'checkbox');
    box.setAttribute('name', name);
    box.value = value;
    var text = document.createElement('span');
    text.setAttribute('data-choice-label', '');
    text.textContent = label || value;
    var count = document.createElement('span');
    count.className = 'filter__count';
    count.setAttribute('data-count', '');
    var wrapper = document.createElement('span');
    wrapper.className = 'filter__text';
    wrapper.appendChild(text);
    wrapper.appendChild(document.createTextNode(' '));
    wrapper.appendChild(count);
    element.appendChild(box);
    element.appendChild(document.createTextNode(' '));
    element.appendChild(wrapper);
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
        var count = counts[choice.input.value] || 0;
        if (choice.count) choice.count.textContent = browseAll ? '' : '(' + count + ')';
        var visible = browseAll || count > 0 || choice.input.checked;
        choice.element.hidden = !visible;
        if (visible) shown++;
      });
      var group = facetGroup(name);
      if (group) group.hidden = shown === 0 && value[name].length === 0;
      if (group && !group.hidden) anyShown = true;
    });
    // No filter can narrow these results: give the results the whole width.
    if (filterPanel) filterPanel.hidden = !anyShown;
    if (layout) {
      if (anyShown) layout.removeAttribute('data-no-filter');
      else layout.setAttribute('data-no-filter', '');
    }
  }

  /* The chosen options as tags, grouped by filter; each tag is a link to the same search
     without that option (and, with the script, removes it in place). */
  function updateSelected(value) {
    if (!selected || !selectedList) return;
    clear(selectedList);
    var any = false;
    FACETS.forEach(function (name) {
      if (value[name].length === 0) return;
      any = true;
      var heading = document.createElement('h4');
      heading.className = 'filter__selected-group';
      heading.textContent = FACET_LABELS[name];
      var tags = document.createElement('ul');
      tags.className = 'filter__tags';
      value[name].forEach(function (chosen) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.className = 'filter__tag';
        var without = copyState(value);
        without[name] = value[name].filter(function (v) { return v !== chosen; });
        link.setAttribute('href', urlFor(without));
        var hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = 'Remove this filter: ' + FACET_LABELS[name] + ': ';
        var text = document.createElement('span');
        text.textContent = choiceLabel(name, chosen);
        link.appendChild(hidden);
        link.appendChild(text);
        link.addEventListener('click', function (event) {
          event.preventDefault();
          changeFilters(function (next) {
            next[name] = next[name].filter(function (v) { return v !== chosen; });
          });
          // The tags are rebuilt with the results: focus moves on once they are.
          refocusTags = true;
        });
        item.appendChild(link);
        tags.appendChild(item);
      });
      selectedList.appendChild(heading);
      selectedList.appendChild(tags);
    });
    selected.hidden = !any;
    if (clearLink) {
      var none = emptyState();
      none.q = value.q;
      clearLink.setAttribute('href', urlFor(none));
    }
  }

  /* A removed tag is gone from the page: focus the first tag left, or else the search box. */
  function focusAfterRemoval() {
    var next = selectedList && !selected.hidden ? selectedList.querySelector('.filter__tag') : null;
    (next || input).focus();
  }

  /* ---- searching ---- */

  function run(value) {
    if (!engine) return;
    var mine = ++sequence;
    // Results first; on a large (split) index the facet counts follow in a second call.
    var options = { limit: LIMIT, facets: false };
    FACETS.forEach(function (name) { if (value[name].length) options[name] = value[name].slice(); });
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
    if (refocusTags) {
      refocusTags = false;
      focusAfterRemoval();
    }

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
    // Options of one filter are alternatives ("Company or NHS trust"); filters add up.
    var filters = FACETS.filter(function (name) { return value[name].length > 0; })
      .map(function (name) {
        return value[name].map(function (v) { return choiceLabel(name, v); }).join(' or ');
      });
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
