// What the admin page's alerting sections (alert rules, silences, maintenance windows) share: whose messages say a
// refusal, who may change alerting, the city's systems and agencies (read once for the page) and a subject's name.
import {api} from '../auth.js';

/** The refusals of these sections: `adm.alert.err.<field>[.<variant>]`, `adm.alert.err.code.<code>`. */
export const ALERTING = {
  prefix: 'adm.alert',
  fieldOfCode: {},
  fieldKey: field => field.split('.')[0],
};

/** The rule kinds, in the order the node lists them. */
export const KINDS = ['system_down', 'system_degraded', 'latency_high', 'agency_on_time_below', 'district_overdue_above',
  'feedback_overdue_above', 'kpi_drop_rate'];
export const SEVERITIES = ['info', 'warning', 'critical'];

/** Whether the signed-in person may change rules and silences (sre: MANAGE_ALERTS); the node decides on each call. */
export function mayManageAlerts(me) {
  return (me.roles || []).includes('sre');
}

let reference = null;

/** The city's systems and agencies [{code, nameVi, nameEn}], read once for the page. */
export function cityReference(page) {
  if (!reference) {
    reference = Promise.all([api(page.token, '/api/v1/systems'), api(page.token, '/api/v1/agencies')])
        .then(([systems, agencies]) => ({
          systems: systems.items.map(s => ({code: s.code, nameVi: s.nameVi, nameEn: s.nameEn}))
              .sort((a, b) => a.code.localeCompare(b.code)),
          agencies: agencies.items,
        }))
        .catch(e => {
          reference = null;
          throw e;
        });
  }
  return reference;
}

/** A subject (system, agency or district code; HN the city) as its name and code in the page's language. */
export function subjectName(msg, ref, code) {
  if (!code) return msg.t('adm.alert.anySubject');
  if (code === 'HN') return msg.t('adm.alert.city');
  const known = ref.systems.find(s => s.code === code) || ref.agencies.find(a => a.code === code);
  return known ? `${msg.name(known)} (${code})` : code;
}
