// Placeholder page of the wall display: reads the node's readiness, in Vietnamese by default.
(async () => {
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  const messages = await (await fetch(`/i18n/messages_${lang}.json`)).json();
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = messages[el.dataset.i18n]; });
  document.getElementById('lang').onclick = () => { location.search = lang === 'vi' ? '?lang=en' : '?lang=vi'; };
  const show = (id, ok) => { const el = document.getElementById(id); el.textContent = messages[ok ? 'ok' : 'notOk']; el.className = ok ? 'ok' : 'bad'; };
  const refresh = async () => {
    try {
      const ready = await (await fetch('/ready')).json();
      show('db', ready.checks.postgres.ok);
      show('cluster', ready.checks.cluster.ok);
    } catch (e) { show('db', false); show('cluster', false); }
  };
  refresh();
  setInterval(refresh, 5000);
})();
