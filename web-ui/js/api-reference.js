// The API reference page: our heading and words from the message files (Vietnamese by default, English after the
// switch; the operations themselves are the OpenAPI document's, in English), then Swagger UI (a WebJar, loaded as a
// classic deferred script before this module runs) rendering the node's own OpenAPI 3.1 document.
import {chosenLanguage, loadMessages} from './i18n.js';

let msg = null;
let loaded = false;

async function words(lang) {
  msg = await loadMessages(lang);
  msg.apply(document);
  document.title = msg.t('apiref.pageTitle');
  status();
}

function status(failed) {
  const line = document.getElementById('api-status');
  line.classList.toggle('error', Boolean(failed));
  line.dataset.i18n = failed ? 'apiref.failed' : loaded ? 'apiref.english' : 'apiref.loading';
  line.textContent = msg.t(line.dataset.i18n);
}

await words(chosenLanguage());
document.getElementById('lang').onclick = () => words(msg.lang === 'vi' ? 'en' : 'vi');

window.SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  // With deep links each operation's toggle button holds a link with an href (axe: nested-interactive); without
  // them Swagger UI leaves that anchor without an href, which is no control. The operations open from the list.
  deepLinking: false,
  // Grouped by the first path segment (alerts, meetings, oncall …), the operations folded until opened.
  docExpansion: 'list',
  tagsSorter: 'alpha',
  // Swagger UI would otherwise ask an outside validator service about the document.
  validatorUrl: null,
  onComplete: () => {
    loaded = true;
    status();
  },
});
