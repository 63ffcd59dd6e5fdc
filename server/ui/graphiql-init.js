// Starts GraphiQL on the klantgraaf GraphiQL page. The page provides the
// configuration as JSON in #klantgraaf-config: the GraphQL endpoint
// (relative to the page), the example queries to open as tabs and a key
// that separates the stored editor state of different example sets.
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  function fail(msg) {
    root.textContent = msg;
    if (window.console) { console.error(msg); }
  }
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    fail('GraphiQL could not be loaded: the script assets are missing.');
    return;
  }

  var cfg = JSON.parse(document.getElementById('klantgraaf-config').textContent);
  var endpoint = new URL(cfg.endpoint, window.location.href).toString();

  // GraphiQL keeps tabs and history in localStorage. The key prefix
  // includes a hash of the examples, so a new set of examples (e.g. a
  // demo with another dataset) opens fresh tabs instead of stale ones.
  function namespacedStorage(prefix) {
    var ls;
    try {
      ls = window.localStorage;
      ls.getItem(prefix);
    } catch (e) {
      return null;
    }
    function ownKeys() {
      var keys = [];
      for (var i = 0; i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(prefix) === 0) { keys.push(k); }
      }
      return keys;
    }
    return {
      getItem: function (k) { return ls.getItem(prefix + k); },
      setItem: function (k, v) { ls.setItem(prefix + k, v); },
      removeItem: function (k) { ls.removeItem(prefix + k); },
      clear: function () { ownKeys().forEach(function (k) { ls.removeItem(k); }); },
      get length() { return ownKeys().length; }
    };
  }

  var examples = cfg.examples || [];
  var props = {
    fetcher: GraphiQL.createFetcher({ url: endpoint }),
    defaultEditorToolsVisibility: examples.some(function (e) { return !!e.variables; }) ? 'variables' : false
  };
  var storage = namespacedStorage('klantgraaf:' + cfg.storageKey + ':');
  if (storage) { props.storage = storage; }
  if (examples.length > 0) {
    props.defaultQuery = examples[0].query;
    props.defaultTabs = examples.map(function (e) {
      return { query: e.query, variables: e.variables || null };
    });
  }

  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props));
})();
