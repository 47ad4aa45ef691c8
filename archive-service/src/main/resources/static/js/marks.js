// The mark entry grid (marks.html): recomputes the averages on the server as marks are typed (preview), saves the
// sheet, and marks each refused cell with its message. Values come from the grid's data-* attributes. A file of its
// own: the pages' Content-Security-Policy allows no inline script.
(function () {
  const grid = document.getElementById('grid');
  const csrfHeader = grid.dataset.csrfHeader;
  const csrfToken = grid.dataset.csrfToken;
  const comment = grid.dataset.comment === 'true';
  const status = document.getElementById('status');
  const saved = document.getElementById('saved');
  const refused = document.getElementById('refused');
  function mark(text) {
    const t = text.trim();
    if (t === '') return null;
    // a number stays the digits typed (never through binary floating point); anything else is sent as text and
    // refused by the server with its place
    if (!comment && /^\d{1,2}([.,]\d+)?$/.test(t)) return t.replace(',', '.');
    return JSON.stringify(t);
  }
  function sheet() {
    const rows = [];
    grid.querySelectorAll('tbody tr').forEach(tr => {
      const regular = [];
      tr.querySelectorAll('input.regular').forEach(i => { const m = mark(i.value); if (m !== null) regular.push(m); });
      const mid = mark(tr.querySelector('input.midterm').value);
      const fin = mark(tr.querySelector('input.final').value);
      rows.push('{"student":' + JSON.stringify(tr.dataset.student) + ',"regular":[' + regular.join(',') + ']'
        + ',"midterm":' + (mid === null ? 'null' : mid) + ',"final":' + (fin === null ? 'null' : fin) + '}');
    });
    return '[' + rows.join(',') + ']';
  }
  function shown(v) {
    if (v === null || v === undefined) return 'Chưa đủ điểm';
    if (v === 'D') return 'Đ';
    if (v === 'CD') return 'CĐ';
    // averages come with one decimal (exact on the server); JSON.parse drops a trailing ".0", so it is written back
    return typeof v === 'number' ? v.toFixed(1) : String(v);
  }
  function send(url) {
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    headers[csrfHeader] = csrfToken;
    return fetch(url, {method: 'POST', headers: headers, body: sheet(), credentials: 'same-origin'})
      .then(r => r.text().then(text => ({status: r.status, body: text ? JSON.parse(text) : null})));
  }
  function show(answer) {
    grid.querySelectorAll('input.invalid').forEach(i => { i.classList.remove('invalid'); i.removeAttribute('title'); });
    if (answer.status !== 200) {
      const errors = (answer.body && answer.body.errors) || [];
      errors.forEach(e => {
        const m = /^\[(\d+)\]\.(regular|midterm|final)(?:\[(\d+)\])?/.exec(e.path);
        if (!m) return;
        const tr = grid.querySelectorAll('tbody tr')[Number(m[1])];
        const input = m[2] === 'regular' ? tr.querySelectorAll('input.regular')[Number(m[3] || 0)] : tr.querySelector('input.' + m[2]);
        if (input) { input.classList.add('invalid'); input.title = e.messageVi; }
      });
      return (answer.body && answer.body.detailVi) || ('Lỗi ' + answer.status);
    }
    const term = grid.dataset.term;
    answer.body.forEach(r => {
      const tr = grid.querySelector('tr[data-student="' + r.student + '"]');
      const subject = r.subjects.find(s => s.code === grid.dataset.subject);
      if (!tr || !subject) return;
      tr.querySelector('td.term-result').textContent = shown(subject['term' + term]);
      tr.querySelector('td.year-result').textContent = shown(subject.year);
    });
    return null;
  }
  let timer = null;
  grid.addEventListener('input', () => {
    clearTimeout(timer);
    saved.textContent = '';
    timer = setTimeout(() => {
      status.textContent = 'Đang tính điểm trung bình…';
      send(grid.dataset.preview).then(answer => {
        const error = show(answer);
        status.textContent = error ? error : 'Điểm trung bình đã tính lại (chưa lưu).';
      }).catch(e => { status.textContent = 'Không tính được: ' + e; });
    }, 300);
  });
  const save = document.getElementById('save');
  if (save) save.addEventListener('click', () => {
    saved.textContent = ''; refused.textContent = '';
    send(grid.dataset.save).then(answer => {
      const error = show(answer);
      if (error) { refused.textContent = error; } else { saved.textContent = 'Đã lưu bảng điểm.'; status.textContent = ''; }
    }).catch(e => { refused.textContent = 'Không lưu được: ' + e; });
  });
})();
