// A rule's test against the last hour (POST /api/v1/alert-rules/:id/test) as the admin page shows it: the hour, how
// many observations it saw, and each alert the rule would have had (on what, when it fired with which value, when it
// would have cleared or that it was still firing). Nothing was stored by the node; the page says so.
import {el} from './dom.js';
import {when} from './oncall-form.js';
import {subjectName} from './admin-alerting.js';

const BINARY = new Set(['system_down', 'system_degraded']);
const numbers = new Map();

/** A rule's value in its unit: 3.200 ms, 85,5%, 12 hồ sơ; a down/degraded rule's value in words. */
export function ruleValue(msg, kind, value) {
  if (BINARY.has(kind)) return msg.t(`adm.rules.value.${kind}`);
  if (!numbers.has(msg.locale)) numbers.set(msg.locale, new Intl.NumberFormat(msg.locale, {maximumFractionDigits: 2}));
  return msg.t(`adm.rules.unit.${kind}`, numbers.get(msg.locale).format(value));
}

/** The answer of a test, for the rule of kind {@code kind}; {@code edited}: tested with unsaved changes. */
export function testResult(msg, ref, kind, answer, edited) {
  const box = el('div', 'rule-test');
  box.setAttribute('role', 'status');
  const title = el('h4', '', msg.t('adm.rules.test.title', msg.shortTime.format(new Date(answer.from)),
      msg.shortTime.format(new Date(answer.to))));
  box.append(title);
  if (edited) box.append(el('p', 'hint', msg.t('adm.rules.test.edited')));
  const firings = answer.firings || [];
  const summary = el('p', 'summary', firings.length ? msg.count('adm.rules.test.fired', firings.length)
    : msg.t('adm.rules.test.none'));
  summary.dataset.firings = String(firings.length);
  box.append(summary, el('p', 'hint', msg.t('adm.rules.test.seen', msg.int(answer.observations), msg.int(answer.subjects))));
  if (firings.length) {
    const list = el('ul', 'firings');
    for (const f of firings) {
      const li = el('li', 'firing');
      li.dataset.subject = f.subject;
      li.dataset.firedAt = f.firedAt;
      const fired = msg.t(f.firedBefore ? 'adm.rules.test.firingSince' : 'adm.rules.test.firedAt', when(msg, f.firedAt),
          ruleValue(msg, kind, f.value));
      const end = f.clearedAt ? msg.t('adm.rules.test.clearedAt', when(msg, f.clearedAt)) : msg.t('adm.rules.test.stillFiring');
      li.append(el('strong', 'firing-subject', subjectName(msg, ref, f.subject)), el('span', 'firing-when', fired),
          el('span', 'firing-end', end));
      if (!BINARY.has(kind) && f.worst !== f.value) {
        li.append(el('span', 'firing-worst', msg.t('adm.rules.test.worst', ruleValue(msg, kind, f.worst))));
      }
      list.append(li);
    }
    box.append(list);
  }
  box.append(el('p', 'hint', msg.t('adm.rules.test.nothingStored')));
  return box;
}
