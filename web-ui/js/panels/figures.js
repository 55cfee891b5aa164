// One big figure of the wall (a <div data-key><dt>label</dt><dd>value</dd></div>): the number in the page's format,
// a dash when unknown, and neutral (class zero) at zero whatever colour the figure has otherwise.
export function figure(cell, msg, value) {
  if (!cell) return;
  const dd = cell.querySelector('dd');
  const known = value !== null && value !== undefined;
  dd.textContent = known ? msg.int(value) : msg.t('noData');
  dd.dataset.value = known ? String(value) : '';
  cell.classList.toggle('zero', known && value === 0);
  cell.classList.toggle('unknown', !known);
}
