// A refusal of the briefing's API said in the page's language: a message per error code, and per field for a
// validation failure (a deadline in the past beside the deadline), never the node's English sentence.

/** [{field, text}] for the answer {status, body}, or a network failure ({@code answer} null). */
export function refusal(msg, answer) {
  if (!answer) return [{field: '*', text: msg.t('mtg.err.network')}];
  const body = answer.body || {};
  const code = body.error || String(answer.status);
  const details = Array.isArray(body.details) ? body.details : [];
  if (details.length && (code === 'validation_failed' || code === 'unknown_reference')) {
    return details.map(d => ({field: d.field || '*', text: fieldText(msg, d.field || '', d.reason || '')}));
  }
  return [{field: '*', text: msg.has(`mtg.err.code.${code}`) ? msg.t(`mtg.err.code.${code}`) : msg.t('mtg.err.other', code)}];
}

function fieldText(msg, field, reason) {
  const variants = [];
  if (reason.includes('past')) variants.push(`mtg.err.${field}.past`);
  if (reason.startsWith('is required')) variants.push(`mtg.err.${field}.required`);
  variants.push(`mtg.err.${field}`);
  const key = variants.find(k => msg.has(k));
  return key ? msg.t(key) : msg.t('mtg.err.field', field);
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
