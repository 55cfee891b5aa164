// Who is on call now and next for every system (GET /api/v1/oncall/now), grouped by the team that owns the system:
// a team's systems share its rotations, so each team is one card with its primary and secondary on call, and the
// systems no team owns are a card of their own (nobody is paged for them).
import {el} from './dom.js';
import {when} from './oncall-form.js';

const LAYERS = ['primary', 'secondary'];

/** Renders {@code now} ({at, items}) into {@code root}. */
export function renderNow(root, msg, now) {
  const groups = new Map();
  for (const item of now.items) {
    const key = item.team ? item.team.code : '';
    if (!groups.has(key)) groups.set(key, {team: item.team, items: []});
    groups.get(key).items.push(item);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.team ? 0 : 1) - (b.team ? 0 : 1)
      || msg.name(a.team).localeCompare(msg.name(b.team), msg.locale));
  root.replaceChildren(...ordered.map(g => card(msg, g.team, g.items)));
}

function card(msg, team, items) {
  const article = el('article', `now-team${team ? '' : ' unowned'}`);
  article.dataset.team = team ? team.code : '';
  const head = el('div', 'now-head');
  head.append(el('h3', '', team ? msg.name(team) : msg.t('oc.now.unowned')));
  if (team) {
    head.append(el('span', 'hint', msg.t('oc.now.lead', team.lead)));
    head.append(el('span', 'hint', team.policy ? msg.t('oc.now.policy', team.policy) : msg.t('oc.now.noPolicy')));
  }
  article.append(head);
  if (team) {
    const layers = el('div', 'now-layers');
    for (const layer of LAYERS) layers.append(onCall(msg, layer, items[0][layer]));
    article.append(layers);
  } else {
    article.append(el('p', 'warn', msg.t('oc.now.unownedHint')));
  }
  const systems = el('ul', 'now-systems');
  systems.setAttribute('aria-label', msg.t('oc.now.systems', msg.int(items.length)));
  for (const item of items.slice().sort((a, b) => a.system.localeCompare(b.system))) {
    const li = el('li', 'now-system', msg.name(item));
    li.dataset.system = item.system;
    li.title = item.system;
    systems.append(li);
  }
  article.append(el('p', 'now-systems-title', msg.t('oc.now.systems', msg.int(items.length))), systems);
  return article;
}

function onCall(msg, layer, rotation) {
  const box = el('div', 'now-layer');
  box.dataset.layer = layer;
  box.append(el('span', 'layer-name', msg.t(`oc.layer.${layer}`)));
  if (!rotation) {
    box.append(el('span', 'none hint', msg.t('oc.now.noRotation')));
    return box;
  }
  const line = el('div', 'now-line');
  if (rotation.now) {
    const who = el('strong', 'now-who', rotation.now.username);
    line.append(who);
    if (rotation.now.cover) line.append(' ', el('span', 'badge cover', msg.t('oc.cover.badge')));
    line.append(' ', el('span', 'hint', msg.t('oc.now.until', when(msg, rotation.now.to))));
  } else {
    line.append(el('span', 'now-who none', msg.t('oc.now.nobody')));
  }
  box.append(line);
  const next = el('div', 'now-next');
  next.append(rotation.next
      ? msg.t('oc.now.next', rotation.next.username, when(msg, rotation.next.from))
      : msg.t('oc.now.noNext'));
  if (rotation.next) next.dataset.username = rotation.next.username;
  box.append(next);
  return box;
}
