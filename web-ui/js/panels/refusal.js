// A refusal of the console or the tasks page ({status, body: {"error", "message", "details": [{"field", "reason"}]}})
// in the page's language: a message per field the refusal names, else per error code, else the code itself. The
// node's English sentence is never shown (the pattern of problems.js, for pages without a form per field).

/** "Không thực hiện được: <why>". */
export function refusalText(msg, answer) {
  return msg.t('desk.refused', refusalReason(msg, answer));
}

/** Why, alone: for a page that words its own lead ("Không xác nhận được: <why>"). */
export function refusalReason(msg, answer) {
  const body = answer && answer.body || {};
  const code = body.error || `http_${answer && answer.status}`;
  const field = Array.isArray(body.details) && body.details.length ? body.details[0].field : null;
  const key = [field && `desk.err.field.${field}`, `desk.err.${code}`].find(k => k && msg.has(k));
  return key ? msg.t(key) : msg.t('desk.err.other', code);
}
