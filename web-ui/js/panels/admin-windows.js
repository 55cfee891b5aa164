// The admin page's maintenance windows: the on-call page's WindowsPanel (the list, the form, end or delete) mounted in
// the admin page's section, on the same routes (/api/v1/oncall/maintenance-windows) and the same messages. An sre or
// an admin schedules them (MANAGE_ONCALL); the node refuses anyone else.
import {api} from '../auth.js';
import {el} from './dom.js';
import {mayManage, renameSystems, showRefusals, words} from './oncall-form.js';
import {WindowsPanel} from './oncall-windows.js';
import {cityReference} from './admin-alerting.js';

const WINDOWS = '/api/v1/oncall/maintenance-windows';

export async function mount(root, page) {
  const hint = words('p', 'hint', page.msg, 'oc.windows.hint');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  const list = el('ul', 'oc-list');
  list.id = 'windows';
  const editor = el('div');
  editor.id = 'window-editor';
  root.append(hint, error, list, editor);
  const data = {windows: [], systems: []};
  let failed = null;
  const render = () => {
    const msg = page.msg;
    error.textContent = failed ? msg.t('adm.alert.loadFailed', failed) : '';
    panel.render(data, mayManage(page.me));
    msg.apply(root);
    renameSystems(msg, root, data.systems, []);
    showRefusals(msg);
  };
  const load = async () => {
    try {
      const [windows, ref] = await Promise.all([api(page.token, WINDOWS), cityReference(page)]);
      data.windows = windows.items;
      data.systems = ref.systems;
      failed = null;
    } catch (e) {
      console.info('maintenance windows', e.message);
      failed = e.status || 'network';
      setTimeout(load, 5000);
    }
    render();
  };
  const panel = new WindowsPanel(list, editor, page, load);
  await load();
  return {render};
}
