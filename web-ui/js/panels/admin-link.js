// The link to the admin page in a page's header (#admin-link, hidden in the HTML): shown to the people who have an
// admin section to use there (admins, SREs); the node refuses everyone else's admin calls anyway.
import {byId} from './dom.js';

const ADMIN_ROLES = ['admin', 'sre'];

export function showAdminLink(me) {
  const link = byId('admin-link');
  if (link) link.classList.toggle('hidden', !(me.roles || []).some(r => ADMIN_ROLES.includes(r)));
}
