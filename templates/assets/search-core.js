/* FrontDoor search core: the text analysis and ranking of docs/search-index.md, step for
   step the same as the Swift code in Sources/FrontDoorKit/5-Derive/Search (TextAnalyzer,
   Porter2Stemmer, Searcher). Parity tests compare the two. No DOM access here. */
(function (global) {
  'use strict';

  // ---- Porter2 (English Snowball) stemmer: Porter2Stemmer.swift ----
  var EXCEPTIONS = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  };
  var STOP_AFTER_1A = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  var STEP2 = [
    ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'],
    ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
    ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'],
    ['bli', 'ble'], ['ogi', 'og'], ['li', '']
  ];
  var STEP3 = [
    ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ative', ''],
    ['ical', 'ic'], ['ness', ''], ['ful', '']
  ];
  var STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic'];

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }
  function ends(w, suffix) {
    if (w.length < suffix.length) return false;
    for (var k = 0; k < suffix.length; k++) if (w[w.length - suffix.length + k] !== suffix[k]) return false;
    return true;
  }
  function firstEnding(w, list) {
    for (var k = 0; k < list.length; k++) if (ends(w, list[k])) return list[k];
    return null;
  }
  function firstPair(w, pairs) {
    for (var k = 0; k < pairs.length; k++) if (ends(w, pairs[k][0])) return pairs[k];
    return null;
  }
  function replaceEnd(w, suffix, replacement) {
    w.length -= suffix.length;
    for (var k = 0; k < replacement.length; k++) w.push(replacement[k]);
  }
  function regionStart(w, from) {
    for (var index = from + 1; index < w.length; index++) {
      if (!isVowel(w[index]) && isVowel(w[index - 1])) return index + 1;
    }
    return w.length;
  }
  function endsInShortSyllable(w) {
    var n = w.length;
    if (n === 2) return isVowel(w[0]) && !isVowel(w[1]);
    if (n >= 3) {
      var last = w[n - 1];
      return !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(last) && last !== 'w' && last !== 'x' && last !== 'Y';
    }
    return false;
  }
  function endsWithDouble(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && 'bdfgmnprt'.indexOf(w[n - 1]) >= 0;
  }
  function containsVowel(w, end) {
    for (var k = 0; k < end; k++) if (isVowel(w[k])) return true;
    return false;
  }

  function stem(input) {
    if (input.length <= 2 || !/^[a-z]+$/.test(input)) return input;
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, input)) return EXCEPTIONS[input];
    var w = input.split('');
    if (w[0] === 'y') w[0] = 'Y';
    for (var k = 1; k < w.length; k++) if (w[k] === 'y' && isVowel(w[k - 1])) w[k] = 'Y';
    var r1;
    var text = w.join('');
    if (text.indexOf('gener') === 0) r1 = 5;
    else if (text.indexOf('commun') === 0) r1 = 6;
    else if (text.indexOf('arsen') === 0) r1 = 5;
    else r1 = regionStart(w, 0);
    var r2 = regionStart(w, r1);

    // Step 1a
    if (ends(w, 'sses')) w.length -= 2;
    else if (ends(w, 'ied') || ends(w, 'ies')) w.length -= (w.length > 4 ? 2 : 1);
    else if (ends(w, 'us') || ends(w, 'ss')) { /* unchanged */ }
    else if (ends(w, 's') && w.length >= 2 && containsVowel(w, w.length - 2)) w.length -= 1;

    if (STOP_AFTER_1A.indexOf(w.join('')) >= 0) return w.join('');

    // Step 1b
    var suffix = firstEnding(w, ['eedly', 'eed']);
    if (suffix) {
      if (w.length - suffix.length >= r1) replaceEnd(w, suffix, 'ee');
    } else {
      suffix = firstEnding(w, ['ingly', 'edly', 'ing', 'ed']);
      if (suffix && containsVowel(w, w.length - suffix.length)) {
        w.length -= suffix.length;
        if (ends(w, 'at') || ends(w, 'bl') || ends(w, 'iz')) w.push('e');
        else if (endsWithDouble(w)) w.length -= 1;
        else if (r1 >= w.length && endsInShortSyllable(w)) w.push('e');
      }
    }

    // Step 1c
    if (w.length > 2 && (w[w.length - 1] === 'y' || w[w.length - 1] === 'Y') && !isVowel(w[w.length - 2])) w[w.length - 1] = 'i';

    // Step 2
    var pair = firstPair(w, STEP2);
    if (pair && w.length - pair[0].length >= r1) {
      var before = w.length - pair[0].length;
      if (pair[0] === 'ogi') {
        if (before > 0 && w[before - 1] === 'l') replaceEnd(w, pair[0], pair[1]);
      } else if (pair[0] === 'li') {
        if (before > 0 && 'cdeghkmnrt'.indexOf(w[before - 1]) >= 0) w.length -= 2;
      } else {
        replaceEnd(w, pair[0], pair[1]);
      }
    }

    // Step 3
    pair = firstPair(w, STEP3);
    if (pair) {
      var before3 = w.length - pair[0].length;
      if (before3 >= r1) {
        if (pair[0] === 'ative') {
          if (before3 >= r2) w.length -= pair[0].length;
        } else {
          replaceEnd(w, pair[0], pair[1]);
        }
      }
    }

    // Step 4
    suffix = firstEnding(w, STEP4);
    if (suffix) {
      var before4 = w.length - suffix.length;
      if (before4 >= r2) {
        if (suffix === 'ion') {
          if (before4 > 0 && (w[before4 - 1] === 's' || w[before4 - 1] === 't')) w.length -= 3;
        } else {
          w.length -= suffix.length;
        }
      }
    }

    // Step 5
    if (w[w.length - 1] === 'e') {
      var before5 = w.length - 1;
      if (before5 >= r2 || (before5 >= r1 && !endsInShortSyllable(w.slice(0, before5)))) w.length -= 1;
    } else if (w[w.length - 1] === 'l' && w.length - 1 >= r2 && w.length >= 2 && w[w.length - 2] === 'l') {
      w.length -= 1;
    }
    return w.join('').replace(/Y/g, 'y');
  }

  // ---- Text analysis: TextAnalyzer.swift ----
  var IZ_SUFFIXES = ['isations', 'isation', 'ising', 'ised', 'ises', 'ise'];

  function Analyzer(stopWords, variants) {
    this.stopWords = new Set(stopWords || []);
    this.variants = variants || [];
  }
  Analyzer.prototype.fold = function (text) {
    return String(text).normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase();
  };
  Analyzer.prototype.tokens = function (text) {
    return this.fold(text).replace(/['\u2019\u02BC]/g, '').match(/[\p{L}\p{N}]+/gu) || [];
  };
  Analyzer.prototype.normalizeSpelling = function (token) {
    var word = token;
    for (var k = 0; k < this.variants.length; k++) {
      var pair = this.variants[k];
      if (word.indexOf(pair[0]) >= 0) word = word.split(pair[0]).join(pair[1]);
    }
    for (var s = 0; s < IZ_SUFFIXES.length; s++) {
      var suffix = IZ_SUFFIXES[s];
      if (word.length >= suffix.length && word.slice(word.length - suffix.length) === suffix) {
        if (word.length - suffix.length >= 3) word = word.slice(0, word.length - suffix.length) + 'iz' + suffix.slice(2);
        break;
      }
    }
    return word;
  };
  Analyzer.prototype.analyze = function (text) {
    var out = [];
    var tokens = this.tokens(text);
    for (var k = 0; k < tokens.length; k++) {
      if (this.stopWords.has(tokens[k])) continue;
      var respelled = this.normalizeSpelling(tokens[k]);
      out.push({ token: respelled, term: stem(respelled) });
    }
    return out;
  };

  // ---- Typo distance (optimal string alignment over UTF-16 code units): TypoDistance ----
  function typoDistance(a, b, limit) {
    if (a.length === 0) return b.length;
    if (b.length === 0) return a.length;
    var before = new Array(b.length + 1).fill(0);
    var previous = new Array(b.length + 1);
    var current = new Array(b.length + 1).fill(0);
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var rowMinimum = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        if (value < rowMinimum) rowMinimum = value;
      }
      if (rowMinimum > limit) return limit + 1;
      var spare = before; before = previous; previous = current; current = spare;
    }
    return previous[b.length];
  }

  function byCodeUnits(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // ---- Index sources: one file, or shards fetched as needed ----
  function fetchJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      return response.json();
    });
  }

  function SingleSource(root, basePath) {
    this.root = root;
    this.docCount = root.docs.length;
    this.sorted = null;
  }
  SingleSource.prototype.postings = function (term) {
    return Promise.resolve(Object.prototype.hasOwnProperty.call(this.root.terms, term) ? this.root.terms[term] : null);
  };
  SingleSource.prototype.vocabulary = function () {
    if (!this.sorted) this.sorted = Object.keys(this.root.terms).sort(byCodeUnits);
    return Promise.resolve(this.sorted);
  };
  SingleSource.prototype.vocabularyNear = function (length, maxEdits) {
    return this.vocabulary().then(function (sorted) {
      return sorted.filter(function (t) { return Math.abs(t.length - length) <= maxEdits; });
    });
  };
  SingleSource.prototype.loadFacets = function () { return Promise.resolve(); };
  SingleSource.prototype.facetsReady = function () { return true; };
  SingleSource.prototype.termsWithPrefix = function (prefix) {
    return this.vocabulary().then(function (sorted) { return sortedWithPrefix(sorted, prefix); });
  };
  SingleSource.prototype.facetsOf = function (doc) {
    var d = this.root.docs[doc];
    return { type: d.type, areas: d.areas || [], region: d.region === undefined ? null : d.region, offers: d.offers || [], tn: d.tn };
  };
  SingleSource.prototype.documents = function (numbers) {
    var docs = this.root.docs;
    return Promise.resolve(numbers.map(function (n) { return docs[n]; }));
  };

  function sortedWithPrefix(sorted, prefix) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < prefix) low = middle + 1; else high = middle;
    }
    var out = [];
    for (var k = low; k < sorted.length && sorted[k].indexOf(prefix) === 0; k++) out.push(sorted[k]);
    return out;
  }

  function hexName(prefix) {
    var bytes = new TextEncoder().encode(prefix);
    var hex = '';
    for (var k = 0; k < bytes.length; k++) hex += (bytes[k] < 16 ? '0' : '') + bytes[k].toString(16);
    return hex;
  }

  // Large directories: term shards, document chunks, facets and vocabulary fetched on demand.
  function ShardedSource(root, basePath) {
    this.root = root;
    this.base = basePath + 'search/';
    this.docCount = root.docCount;
    this.shardPrefixes = root.shards;
    this.shardSet = new Set(root.shards);
    this.shards = new Map();
    this.chunks = new Map();
    this.lengths = new Map();
    this.facetRows = null;
    this.facetPromise = null;
    this.typeValues = root.labels.types.map(function (pair) { return pair[0]; });
  }
  ShardedSource.prototype.shardFor = function (term) {
    var points = Array.from(term);
    for (var length = points.length; length >= 1; length--) {
      var prefix = points.slice(0, length).join('');
      if (this.shardSet.has(prefix)) return prefix;
    }
    return null;
  };
  ShardedSource.prototype.shard = function (prefix) {
    if (prefix === null) return Promise.resolve({});
    if (!this.shards.has(prefix)) this.shards.set(prefix, fetchJSON(this.base + 'terms/' + hexName(prefix) + '.json'));
    return this.shards.get(prefix);
  };
  ShardedSource.prototype.postings = function (term) {
    return this.shard(this.shardFor(term)).then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
    });
  };
  ShardedSource.prototype.termsWithPrefix = function (token) {
    var self = this;
    var wanted = this.shardPrefixes.filter(function (p) { return p.indexOf(token) === 0; });
    var containing = this.shardFor(token);
    if (containing !== null && wanted.indexOf(containing) < 0) wanted.push(containing);
    return Promise.all(wanted.map(function (p) { return self.shard(p); })).then(function (shards) {
      var out = [];
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (t) { if (t.indexOf(token) === 0) out.push(t); });
      });
      return out.sort(byCodeUnits);
    });
  };
  ShardedSource.prototype.vocabularyNear = function (length, maxEdits) {
    var self = this;
    var wanted = this.root.vocabularyLengths.filter(function (l) { return Math.abs(l - length) <= maxEdits; });
    return Promise.all(wanted.map(function (l) {
      if (!self.lengths.has(l)) self.lengths.set(l, fetchJSON(self.base + 'vocabulary/' + l + '.json'));
      return self.lengths.get(l);
    })).then(function (lists) { return [].concat.apply([], lists).sort(byCodeUnits); });
  };
  ShardedSource.prototype.loadFacets = function () {
    var self = this;
    if (!this.facetPromise) {
      this.facetPromise = fetchJSON(this.base + 'facets.json').then(function (facets) {
        var regions = self.root.labels.regions;
        var rows = [];
        for (var n = 0; n < self.docCount; n++) {
          rows.push({ areas: [], region: facets.region[n] >= 0 ? regions[facets.region[n]] : null, offers: [] });
        }
        function expand(lists, labels, key) {
          lists.forEach(function (gaps, index) {
            var doc = 0;
            for (var k = 0; k < gaps.length; k++) { doc += gaps[k]; rows[doc][key].push(labels[index][0]); }
          });
        }
        expand(facets.areas, self.root.labels.areas, 'areas');
        expand(facets.offers, self.root.labels.capabilities, 'offers');
        self.facetRows = rows;
      });
    }
    return this.facetPromise;
  };
  ShardedSource.prototype.facetsReady = function () { return this.facetRows !== null; };
  ShardedSource.prototype.facetsOf = function (doc) {
    var row = this.facetRows ? this.facetRows[doc] : null;
    return {
      type: this.typeValues[parseInt(this.root.docTypes.charAt(doc), 36)],
      tn: parseInt(this.root.titleTerms.charAt(doc), 36),
      areas: row ? row.areas : [], region: row ? row.region : null, offers: row ? row.offers : []
    };
  };
  ShardedSource.prototype.documents = function (numbers) {
    var self = this;
    var size = this.root.chunkSize;
    return Promise.all(numbers.map(function (n) {
      var chunk = Math.floor(n / size);
      if (!self.chunks.has(chunk)) self.chunks.set(chunk, fetchJSON(self.base + 'docs/' + chunk + '.json'));
      return self.chunks.get(chunk).then(function (docs) { return docs[n - chunk * size]; });
    }));
  };

  // ---- Ranking: Searcher.swift ----
  var PREFIX_WEIGHT = 0.7, ONE_EDIT_WEIGHT = 0.5, TWO_EDIT_WEIGHT = 0.3;

  function Engine(source, root) {
    this.source = source;
    this.root = root;
    this.analyzer = new Analyzer(root.analyzer.stopWords, root.analyzer.variants);
    this.k1 = root.ranking.k1;
    var labels = root.labels;
    this.labels = {
      type: labels.types,
      area: labels.areas,
      region: labels.regions.map(function (r) { return [r, r]; }),
      capability: labels.capabilities
    };
    this.areaTitles = new Map(labels.areas);
    this.typeLabels = new Map(labels.types);
  }

  Engine.prototype.expand = async function (query) {
    var analyzed = this.analyzer.analyze(query);
    var typing = query.length > 0 && !/\s$/.test(query);
    var source = this.source;
    var expanded = [];
    for (var number = 0; number < analyzed.length; number++) {
      var word = analyzed[number];
      var matches = [];
      if (await source.postings(word.term)) matches.push([word.term, 1]);
      if (number === analyzed.length - 1 && typing && word.token.length >= 3) {
        var prefixed = await source.termsWithPrefix(word.token);
        for (var p = 0; p < prefixed.length; p++) if (prefixed[p] !== word.term) matches.push([prefixed[p], PREFIX_WEIGHT]);
      }
      if (matches.length === 0 && word.token.length >= 5) {
        var maxEdits = word.token.length >= 9 ? 2 : 1;
        var vocabulary = await source.vocabularyNear(word.term.length, maxEdits);
        for (var v = 0; v < vocabulary.length; v++) {
          var candidate = vocabulary[v];
          if (Math.abs(candidate.length - word.term.length) > maxEdits) continue;
          var distance = typoDistance(word.term, candidate, maxEdits);
          if (distance <= maxEdits) matches.push([candidate, distance === 1 ? ONE_EDIT_WEIGHT : TWO_EDIT_WEIGHT]);
        }
      }
      expanded.push(matches);
    }
    return expanded;
  };

  function combine(scores, positions, titleTerms, typeWeight) {
    var total = 0, matchedTerms = 0;
    for (var k = 0; k < scores.length; k++) {
      if (scores[k] > 0) { total += scores[k]; matchedTerms += 1; }
    }
    var coverage = matchedTerms / scores.length;
    total *= coverage * coverage;
    var allInName = matchedTerms === scores.length, allInTitle = true;
    for (k = 0; k < positions.length; k++) {
      if (positions[k] < 0) allInTitle = false;
      if (positions[k] < 0 && positions[k] !== -2) allInName = false;
    }
    if (allInName) {
      total *= 1.5;
      if (allInTitle && new Set(positions).size === titleTerms) total *= 2;
    }
    for (k = 0; k + 1 < positions.length; k++) {
      if (positions[k] >= 0 && positions[k + 1] === positions[k] + 1) { total *= 1.25; break; }
    }
    total *= typeWeight;
    return Math.round(total * 1000) / 1000;
  }

  /* A filter's chosen values as a set, from a string, a list or nothing; empty strings left out. */
  function filterValues(value) {
    var list = Array.isArray(value) ? value : (value === undefined || value === null ? [] : [value]);
    var chosen = new Set();
    for (var k = 0; k < list.length; k++) if (typeof list[k] === 'string' && list[k] !== '') chosen.add(list[k]);
    return chosen;
  }

  Engine.prototype.search = async function (query, options) {
    options = options || {};
    // Each filter takes one value or a list: values of one filter combine with OR, filters with AND.
    var filters = {
      type: filterValues(options.type), area: filterValues(options.area),
      region: filterValues(options.region), capability: filterValues(options.capability)
    };
    var limit = options.limit === undefined ? 20 : options.limit;
    var source = this.source;
    var expanded = await this.expand(String(query || ''));
    var scored = [];
    var matched = new Set();
    var anyFilter = filters.type.size > 0 || filters.area.size > 0 || filters.region.size > 0 || filters.capability.size > 0;
    // Facet columns are fetched only when filters or counts are wanted (large sites split them out).
    if (anyFilter || options.facets !== false) await source.loadFacets();
    if (expanded.length === 0) {
      if (anyFilter) for (var d = 0; d < source.docCount; d++) scored.push({ doc: d, score: 0 });
    } else {
      var count = expanded.length;
      var best = new Map(), places = new Map();
      var k1 = this.k1;
      var typeWeights = this.root.ranking.typeWeights || {};
      for (var number = 0; number < count; number++) {
        var matches = expanded[number];
        for (var m = 0; m < matches.length; m++) {
          var postings = await source.postings(matches[m][0]);
          if (!postings) continue;
          matched.add(matches[m][0]);
          var weight = matches[m][1], idf = postings[0], entries = postings[1];
          var doc = 0;
          for (var e = 0; e < entries.length; e += 3) {
            doc += entries[e];
            var tfw = entries[e + 1];
            var score = weight * idf * tfw * (k1 + 1) / (tfw + k1);
            var scores = best.get(doc);
            if (!scores) { scores = new Array(count).fill(0); best.set(doc, scores); }
            if (score > scores[number]) {
              scores[number] = score;
              var positions = places.get(doc);
              if (!positions) { positions = new Array(count).fill(-1); places.set(doc, positions); }
              positions[number] = entries[e + 2];
            }
          }
        }
      }
      best.forEach(function (scores, doc) {
        var positions = places.get(doc) || new Array(count).fill(-1);
        var facetsOfDoc = source.facetsOf(doc);
        var typeWeight = typeWeights[facetsOfDoc.type];
        scored.push({ doc: doc, score: combine(scores, positions, facetsOfDoc.tn, typeWeight === undefined ? 1 : typeWeight) });
      });
    }

    var facetCounts = { type: new Map(), area: new Map(), region: new Map(), capability: new Map() };
    function hasAny(values, chosen) {
      for (var k = 0; k < values.length; k++) if (chosen.has(values[k])) return true;
      return false;
    }
    function passes(f, except) {
      return (except === 'type' || filters.type.size === 0 || filters.type.has(f.type)) &&
        (except === 'area' || filters.area.size === 0 || hasAny(f.areas, filters.area)) &&
        (except === 'region' || filters.region.size === 0 || (f.region !== null && filters.region.has(f.region))) &&
        (except === 'capability' || filters.capability.size === 0 || hasAny(f.offers, filters.capability));
    }
    function add(map, value) { map.set(value, (map.get(value) || 0) + 1); }
    var kept = [];
    for (var s = 0; s < scored.length; s++) {
      var f = source.facetsOf(scored[s].doc);
      if (passes(f, null)) kept.push(scored[s]);
      if (passes(f, 'type')) add(facetCounts.type, f.type);
      if (passes(f, 'area')) f.areas.forEach(function (a) { add(facetCounts.area, a); });
      if (passes(f, 'region') && f.region !== null) add(facetCounts.region, f.region);
      if (passes(f, 'capability')) f.offers.forEach(function (o) { add(facetCounts.capability, o); });
    }
    var labels = this.labels;
    // With `facets: false` on a split index whose facet columns are not loaded yet, there are
    // no counts to give: `facets` is null, and a second call with facets fills them in.
    var facets = source.facetsReady() ? {} : null;
    if (facets) ['type', 'area', 'region', 'capability'].forEach(function (name) {
      facets[name] = labels[name].filter(function (pair) {
        return (facetCounts[name].get(pair[0]) || 0) > 0 || filters[name].has(pair[0]);
      }).map(function (pair) {
        return { value: pair[0], label: pair[1], count: facetCounts[name].get(pair[0]) || 0 };
      });
    });

    // Slugs need the documents: ties are rare, so fetch only the tied ones.
    var slugOf = new Map();
    kept.sort(function (a, b) { return b.score - a.score; });
    var tiedDocs = [];
    for (var t = 0; t < kept.length; t++) {
      var tied = (t > 0 && kept[t - 1].score === kept[t].score) || (t + 1 < kept.length && kept[t + 1].score === kept[t].score);
      if (tied && (t < limit || kept[Math.max(0, limit - 1)].score === kept[t].score)) tiedDocs.push(kept[t].doc);
    }
    var tiedRecords = await source.documents(tiedDocs);
    tiedDocs.forEach(function (doc, index) { slugOf.set(doc, tiedRecords[index].slug); });
    kept.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      return byCodeUnits(slugOf.get(a.doc), slugOf.get(b.doc));
    });

    var top = kept.slice(0, limit);
    var records = await source.documents(top.map(function (item) { return item.doc; }));
    var areaTitles = this.areaTitles, typeLabels = this.typeLabels;
    var matchedList = Array.from(matched).sort(byCodeUnits);
    return {
      query: String(query || ''),
      total: kept.length,
      results: top.map(function (item, index) {
        var record = records[index];
        return {
          slug: record.slug, type: record.type, typeLabel: typeLabels.get(record.type) || record.type,
          title: record.title, url: record.url, summary: record.summary,
          areas: (record.areas || []).map(function (slug) { return { slug: slug, title: areaTitles.get(slug) || slug }; }),
          score: item.score, matched: matchedList
        };
      }),
      matched: matchedList,
      facets: facets
    };
  };

  // ---- Highlighting: pieces of text, marked where a word's term matched ----
  Engine.prototype.highlight = function (text, matchedTerms) {
    return highlightWith(this.analyzer, text, matchedTerms);
  };
  function highlightWith(analyzer, text, matchedTerms) {
    var wanted = new Set(matchedTerms || []);
    var pieces = [];
    var pattern = /[\p{L}\p{N}'\u2019\u02BC]+/gu;
    var last = 0, match;
    text = String(text);
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) pieces.push({ text: text.slice(last, match.index), mark: false });
      var terms = analyzer.analyze(match[0]);
      var hit = terms.some(function (t) { return wanted.has(t.term); });
      pieces.push({ text: match[0], mark: hit });
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  var defaultAnalyzer = null;

  function load(basePath) {
    var base = basePath || '/';
    if (base.charAt(base.length - 1) !== '/') base += '/';
    return fetch(base + 'search-index.json', { credentials: 'same-origin' }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (root) {
          defaultAnalyzer = new Analyzer(root.analyzer.stopWords, root.analyzer.variants);
          return new Engine(new SingleSource(root, base), root);
        });
      }
      return fetchJSON(base + 'search/manifest.json').then(function (root) {
        defaultAnalyzer = new Analyzer(root.analyzer.stopWords, root.analyzer.variants);
        return new Engine(new ShardedSource(root, base), root);
      });
    });
  }

  /** An engine over an already parsed single-file index (for tests and tools). */
  function fromIndex(root) {
    defaultAnalyzer = new Analyzer(root.analyzer.stopWords, root.analyzer.variants);
    return new Engine(new SingleSource(root, '/'), root);
  }

  global.FrontDoorSearch = {
    load: load,
    fromIndex: fromIndex,
    stem: stem,
    Analyzer: Analyzer,
    typoDistance: typoDistance,
    hexName: hexName,
    highlight: function (text, matchedTerms) {
      return highlightWith(defaultAnalyzer || new Analyzer([], []), text, matchedTerms);
    }
  };
})(typeof window !== 'undefined' ? window : globalThis);
