// Where a person lands after signing in: a leader holding a phone gets the one-glance summary instead of the wall;
// everyone else, and a leader at a desk or in front of the wall, stays on the page they signed in at.
const CITY_READERS = ['leader', 'operator', 'sre', 'admin', 'display'];
const PHONE = '(max-width: 40rem)';

/** Whether the person may read city-wide data (the node's READ_CITY_DATA roles). */
export function isCityReader(me) {
  return (me.roles || []).some(r => CITY_READERS.includes(r));
}

/** The page to go to after signing in at {@code path}, or null to stay. */
export function landingAfterSignIn(me, path) {
  const atWall = path === '/' || path === '/index.html';
  return atWall && (me.roles || []).includes('leader') && matchMedia(PHONE).matches ? '/summary.html' : null;
}
