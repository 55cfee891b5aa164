// An API refusal ({"error", "message", "details": [{"field", "reason"}]}) said in the page's language, next to the
// field it names: each form field has an element with data-error-for="<field>" beside it; what names no field on
// the form goes to the form's data-error-for="*". The node's English sentences are never shown: a message per
// error code and per field (and channel) says it instead, and an unknown code is shown as the code.

/** Where a refusal without a field of its own belongs, by error code. */
const FIELD_OF_CODE = {duplicate: 'address', email_required: 'channel'};

/** Clears every error message inside {@code scope}. */
export function clearProblems(scope) {
  scope.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

/**
 * Shows the refusal {@code answer} ({status, body}) inside {@code scope}; {@code channel} picks the words for an
 * address (an email's rules are not a phone number's). Answers the fields it named.
 */
export function showProblems(scope, msg, answer, channel) {
  clearProblems(scope);
  const shown = [];
  for (const {field, text} of problems(msg, answer, channel)) {
    const target = scope.querySelector(`[data-error-for="${CSS.escape(field)}"]`) || scope.querySelector('[data-error-for="*"]');
    if (!target) continue;
    target.textContent = target.textContent ? `${target.textContent} ${text}` : text;
    const input = scope.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
    shown.push(field);
  }
  return shown;
}

/** The refusal as [{field, text}] in the page's language. */
export function problems(msg, answer, channel) {
  const body = answer && answer.body || {};
  const code = body.error || String(answer && answer.status);
  const details = Array.isArray(body.details) ? body.details : [];
  if (code !== 'validation_failed' && msg.has(`cp.err.code.${code}`)) {
    const field = details.length && details[0].field ? details[0].field : FIELD_OF_CODE[code] || '*';
    return [{field, text: msg.t(`cp.err.code.${code}`)}];
  }
  if (details.length) {
    return details.map(d => ({field: d.field || '*', text: fieldText(msg, d.field || '', d.reason || '', channel)}));
  }
  return [{field: '*', text: msg.t('cp.err.other', code)}];
}

function fieldText(msg, field, reason, channel) {
  const base = `cp.err.${field.split('.').slice(0, field.startsWith('subscription') ? 1 : 2).join('.')}`;
  const variants = [];
  if (reason.startsWith('is required')) variants.push(`${base}.required`);
  if (reason.includes('must differ')) variants.push(`${base}.same`);
  if (channel) variants.push(`${base}.${channel}`);
  variants.push(base);
  const key = variants.find(k => msg.has(k));
  return key ? msg.t(key) : msg.t('cp.err.field', field);
}
