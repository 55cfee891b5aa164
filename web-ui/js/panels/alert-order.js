// The order of every alert list (the wall's and the console's): most severe first; within a severity the alerts
// nobody has acknowledged yet before the acknowledged ones; then newest first.

const SEVERITY = {critical: 0, major: 1, warning: 2, info: 3};
const STATE = {firing: 0, acknowledged: 1, resolved: 2};

export function alertOrder(a, b) {
  return (SEVERITY[a.severity] ?? 9) - (SEVERITY[b.severity] ?? 9)
      || (STATE[a.state] ?? 9) - (STATE[b.state] ?? 9)
      || String(b.firedAt || '').localeCompare(String(a.firedAt || ''));
}
