// The admin pages (README: Admin pages): one section per capability, each shown only to the roles whose
// actions it needs (the node refuses the others anyway: every change goes through the REST routes and their
// access control). A section is a module in panels/ exporting {@code mount(root, page)}, which fills its
// <section> and returns {@code {render()}} (called again after a language switch).
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId, el} from './panels/dom.js';

/**
 * The sections in page order: their id (also the URL fragment and the message keys adm.<id>.title), the roles
 * that see them, and their module.
 */
const SECTIONS = [
  {id: 'users', roles: ['admin'], module: () => import('./panels/admin-users.js')},
  {id: 'keys', roles: ['admin'], module: () => import('./panels/admin-keys.js')},
  {id: 'displays', roles: ['admin'], module: () => import('./panels/admin-displays.js')},
  {id: 'rules', roles: ['sre', 'admin'], module: () => import('./panels/admin-rules.js')},
  {id: 'silences', roles: ['sre', 'admin'], module: () => import('./panels/admin-silences.js')},
  {id: 'windows', roles: ['sre', 'admin'], module: () => import('./panels/admin-windows.js')},
  {id: 'exports', roles: ['leader', 'operator', 'sre', 'admin'], module: () => import('./panels/admin-exports.js')},
  {id: 'audit', roles: ['admin'], module: () => import('./panels/admin-audit.js')},
];

const mounted = [];

async function startAdmin() {
  byId('admin').classList.remove('hidden');
  const roles = new Set(page.me.roles || []);
  const shown = SECTIONS.filter(s => s.roles.some(r => roles.has(r)));
  byId('no-sections').classList.toggle('hidden', shown.length > 0);
  renderHeader();
  languageButton(render);
  renderClock();
  every(1000, renderClock);
  // Every section's place is laid out first, in page order; then all load at once, each speaking as soon as it is
  // there. Nothing re-renders a loaded section but a language switch (a form being filled in stays as it is).
  const places = shown.map(section => ({section, ...place(section)}));
  await Promise.all(places.map(async ({section, root, item}) => {
    const module = await section.module();
    mounted.push(await module.mount(root, page));
    page.msg.apply(root);
    page.msg.apply(item);
  }));
  if (location.hash) document.querySelector(location.hash)?.scrollIntoView({block: 'start'});
}

/** The section's <section> with its title, and its entry in the header's list of sections. */
function place(section) {
  const root = el('section', `panel admin-section ${section.id}-section`);
  root.id = `${section.id}-panel`;
  root.setAttribute('aria-labelledby', `${section.id}-title`);
  const title = el('h2');
  title.id = `${section.id}-title`;
  title.dataset.i18n = `adm.${section.id}.title`;
  root.append(title);
  byId('sections').append(root);
  const link = el('a');
  link.href = `#${root.id}`;
  link.dataset.i18n = `adm.${section.id}.title`;
  const item = el('li');
  item.append(link);
  byId('section-links').append(item);
  return {root, item};
}

function renderHeader() {
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
  page.msg.apply(byId('admin').querySelector('header'));
  page.msg.apply(byId('no-sections'));
}

/** After a language switch: the header and every section again. */
function render() {
  renderHeader();
  for (const section of mounted) section.render();
  page.msg.apply(byId('sections'));
}

boot(startAdmin).catch(e => console.error('admin page failed to start', e));
