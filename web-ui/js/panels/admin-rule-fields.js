// The fields of an alert rule that its kind decides, as the admin page's edit and new-rule forms both show them:
// severity, the fire and clear thresholds (not for down/degraded), the window (the KPI rates) and the timings; and
// those fields read back as the node's body. Each field has the place of its refusal (oncall-form's field()).
import {field, input, select} from './oncall-form.js';
import {SEVERITIES} from './admin-alerting.js';

/** Kinds that fire on a state, not a number: no thresholds. */
export const BINARY = new Set(['system_down', 'system_degraded']);
/** Kinds measured over a window of minutes. */
export const WINDOWED = new Set(['agency_on_time_below', 'kpi_drop_rate']);
export const TIMINGS = ['forSeconds', 'clearSeconds', 'reopenSeconds', 'escalateAfterSeconds'];

/** What a form's text field says as the API's number: '' → null, 1,5 → 1.5; what is no number is sent as typed. */
export function number(text) {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A text field for a number (decimal keypad on a phone), showing {@code value} or empty. */
function numberInput(name, value) {
  const i = input(name, 'text', value === null || value === undefined ? '' : String(value));
  i.inputMode = 'decimal';
  return i;
}

/** The names of the fields a rule of {@code kind} uses beyond severity. */
export function numberNames(kind) {
  return [...(BINARY.has(kind) ? [] : ['threshold', 'clearThreshold']), ...(WINDOWED.has(kind) ? ['windowMinutes'] : []),
    ...TIMINGS];
}

/** The labelled fields of a rule of {@code kind}, filled from {@code values} (a stored rule, or defaults). */
export function kindFields(msg, kind, values) {
  const fields = [field(msg, 'adm.rules.f.severity',
      select(msg, 'severity', SEVERITIES.map(s => [s, `adm.alert.severity.${s}`]), values.severity))];
  if (!BINARY.has(kind)) {
    fields.push(field(msg, 'adm.rules.f.threshold', numberInput('threshold', values.threshold), `adm.rules.unitHint.${kind}`),
        field(msg, 'adm.rules.f.clearThreshold', numberInput('clearThreshold', values.clearThreshold), `adm.rules.clearHint.${kind}`));
  }
  if (WINDOWED.has(kind)) fields.push(field(msg, 'adm.rules.f.windowMinutes', numberInput('windowMinutes', values.windowMinutes)));
  for (const name of TIMINGS) fields.push(field(msg, `adm.rules.f.${name}`, numberInput(name, values[name])));
  return fields;
}

/**
 * The kind's fields of {@code form} as a body: severity and each number; an empty number is null (an update clears
 * it), or left out when {@code omitEmpty} (a new rule: the node's defaults apply).
 */
export function kindBody(form, kind, omitEmpty) {
  const body = {severity: form.severity.value};
  for (const name of numberNames(kind)) {
    const value = number(form[name].value);
    if (value !== null || !omitEmpty) body[name] = value;
  }
  return body;
}
