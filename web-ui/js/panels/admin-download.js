// A CSV export saved as a file: fetched with the signed-in person's token (a plain link could not carry it), then
// handed to the browser as a download under the name the node gives in Content-Disposition. A refusal comes back as
// {status, body} for the page to show beside its fields (problems.js); nothing is saved then.

/** The admin sections' words for refusals: `exp.err.…` (problems.js). */
export const EXPORT_WORDS = {prefix: 'exp', fieldOfCode: {}, fieldKey: field => field};

/** GETs {@code path} and saves the answer; answers {status, filename, bytes} or, when refused, {status, body}. */
export async function download(token, path) {
  let response;
  try {
    response = await fetch(path, {headers: {Authorization: `Bearer ${token}`}});
  } catch (e) {
    console.info('export', e.message);
    return {status: 0, body: {error: 'network'}};
  }
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = {error: `http_${response.status}`};
    }
    return {status: response.status, body};
  }
  const blob = await response.blob();
  const filename = filenameOf(response.headers.get('Content-Disposition')) || 'export.csv';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return {status: response.status, filename, bytes: blob.size};
}

/** The file name of {@code attachment; filename="…"}. */
export function filenameOf(disposition) {
  const match = /filename="([^"]+)"/.exec(disposition || '');
  return match ? match[1] : null;
}

/** A query string of the non-empty {@code params}. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The first and last day of this month in Hanoi, yyyy-MM-dd. */
export function thisMonth(today) {
  const [y, m] = today.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return {from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}`};
}
