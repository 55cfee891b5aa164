// The minutes' "In / Lưu PDF" button (meeting/Minutes.java): the browser's print dialog, whose "Save as PDF" makes
// the PDF (README: Minutes as PDF). A script file because the pages' Content-Security-Policy allows no inline script.
document.getElementById('print-minutes')?.addEventListener('click', () => window.print());
