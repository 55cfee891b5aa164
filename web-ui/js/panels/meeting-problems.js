// A refusal of the briefing's API said in the page's language: a message per error code, and per field for a
// validation failure (a deadline in the past beside the deadline), never the node's English sentence. The words are
// chosen as every form's are (problems.js); here only where the briefing page shows them.
import {problems} from './problems.js';

/** The briefing's words: `mtg.err.<field>[.past|.required]`, `mtg.err.code.<code>`, as problems.js reads them. */
const MEETING = {prefix: 'mtg', fieldOfCode: {}, fieldKey: field => field};

/** [{field, text}] for the answer {status, body}, or a network failure ({@code answer} null). */
export function refusal(msg, answer) {
  return problems(msg, answer || {status: 0, body: {error: 'network'}}, null, MEETING);
}

/** Shows the refusal inside {@code scope} beside the field it names (data-error-for), or in {@code fallback}. */
export function showRefusal(scope, fallback, msg, answer) {
  clearRefusal(scope);
  for (const {field, text} of refusal(msg, answer)) {
    const target = scope.querySelector(`[data-error-for="${CSS.escape(field)}"]`) || fallback;
    target.textContent = target.textContent ? `${target.textContent} ${text}` : text;
    const input = scope.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

export function clearRefusal(scope) {
  scope.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}
