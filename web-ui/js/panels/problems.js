// An API refusal ({"error", "message", "details": [{"field", "reason", "value"}]}) said in the page's language, next
// to the field it names: each form field has an element with data-error-for="<field>" beside it; what names no field
// on the form goes to the form's data-error-for="*". The node's English sentences are never shown: a message per
// error code and per field (and variant: a contact point's channel, an on-call form) says it instead, and an unknown
// code is shown as the code. A page's messages are `<prefix>.err.<field>[.<variant>]` and
// `<prefix>.err.code.<code>[.<variant>][.<field>]`; `{0}` in a code's message is the detail's value (the unknown name).

/** The profile's words: `cp.err.…`; where a refusal without a field of its own belongs, by error code. */
export const CONTACT_POINTS = {
  prefix: 'cp',
  fieldOfCode: {duplicate: 'address', email_required: 'channel'},
  /** quietHours.to keeps two parts, a push subscription's keys are all "subscription". */
  fieldKey: field => field.split('.').slice(0, field.startsWith('subscription') ? 1 : 2).join('.'),
};

/** Clears every error message inside {@code scope}. */
export function clearProblems(scope) {
  scope.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

/**
 * Shows the refusal {@code answer} ({status, body}) inside {@code scope}; {@code variant} picks the words where they
 * differ (an email's rules are not a phone number's). Answers the fields it named.
 */
export function showProblems(scope, msg, answer, variant, words = CONTACT_POINTS) {
  clearProblems(scope);
  const shown = [];
  for (const {field, text} of problems(msg, answer, variant, words)) {
    const target = scope.querySelector(`[data-error-for="${CSS.escape(field)}"]`) || scope.querySelector('[data-error-for="*"]');
    if (!target) continue;
    if (target.textContent.includes(text)) continue;
    target.textContent = target.textContent ? `${target.textContent} ${text}` : text;
    scope.querySelectorAll(`[name="${CSS.escape(field)}"]`).forEach(input => input.setAttribute('aria-invalid', 'true'));
    shown.push(field);
  }
  return shown;
}

/** The refusal as [{field, text}] in the page's language. */
export function problems(msg, answer, variant, words = CONTACT_POINTS) {
  const body = answer && answer.body || {};
  const code = body.error || String(answer && answer.status);
  const details = Array.isArray(body.details) ? body.details : [];
  if (code !== 'validation_failed') {
    const named = details.filter(d => d.field);
    const places = named.length ? named : [{field: words.fieldOfCode[`${code}.${variant}`] || words.fieldOfCode[code] || '*'}];
    const said = places.map(d => ({field: d.field, key: codeKey(msg, words, code, variant, d.field), value: d.value}));
    if (said.every(s => s.key)) return said.map(s => ({field: s.field, text: msg.t(s.key, s.value ?? '')}));
  }
  if (details.length) {
    return details.map(d => ({field: d.field || '*', text: fieldText(msg, words, d.field || '', d.reason || '', variant)}));
  }
  return [{field: '*', text: msg.t(`${words.prefix}.err.other`, code)}];
}

function codeKey(msg, words, code, variant, field) {
  const base = `${words.prefix}.err.code.${code}`;
  const f = field && field !== '*' ? words.fieldKey(field) : null;
  const keys = [variant && f ? `${base}.${variant}.${f}` : null, f ? `${base}.${f}` : null,
    variant ? `${base}.${variant}` : null, base];
  return keys.find(k => k && msg.has(k));
}

/** The words for a field, the more particular first: by what the reason says, then by variant, then the field's. */
function fieldText(msg, words, field, reason, variant) {
  const base = `${words.prefix}.err.${words.fieldKey(field)}`;
  const variants = [];
  if (reason.startsWith('is required')) variants.push(`${base}.required`);
  if (reason.includes('must differ')) variants.push(`${base}.same`);
  if (reason.includes('must be after')) variants.push(`${base}.order`);
  if (reason.includes('in the past')) variants.push(`${base}.past`);
  if (reason.includes('a week at most')) variants.push(`${base}.week`);
  if (variant) variants.push(`${base}.${variant}`);
  variants.push(base);
  const key = variants.find(k => msg.has(k));
  return key ? msg.t(key) : msg.t(`${words.prefix}.err.field`, field);
}
