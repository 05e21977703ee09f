// The explorer's browser entry: GraphiQL, bundled by tools/explorer/build.ts (esbuild) into dist/explorer/.
// Everything it loads comes from the gateway's own origin: the bundle, its chunks, the Monaco workers and
// the settings the gateway writes into the page (#explorer-settings, a JSON data block, not a script).
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';

const settings = JSON.parse(document.getElementById('explorer-settings')?.textContent ?? '{}');

// Monaco's editor, JSON and GraphQL language workers, built as classic scripts next to the bundle.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const url =
      label === 'json'
        ? settings.workers.json
        : label === 'graphql'
          ? settings.workers.graphql
          : settings.workers.editor;
    return new Worker(url, { name: label });
  },
};

/** POSTs to the gateway with the headers of the Headers tab (JSON with comments; GraphiQL parses them). */
async function fetcher(params, options) {
  const response = await fetch(settings.endpoint, {
    method: 'POST',
    headers: { ...(options?.headers ?? {}), 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return response.json();
}

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: settings.tabs,
      defaultHeaders: settings.headers,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }),
  );
}
