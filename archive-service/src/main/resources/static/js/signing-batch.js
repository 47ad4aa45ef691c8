// A signing batch's page (signing-batch.html): polls the batch's progress every second and shows each document's
// outcome until the batch is done. A file of its own: the pages' Content-Security-Policy allows no inline script.
(function () {
  var labels = {SIGNED: 'Đã ký', SKIPPED: 'Bỏ qua', FAILED: 'Lỗi'};
  var url = document.getElementById('counts').getAttribute('data-progress');
  function text(id, value) { document.getElementById(id).textContent = value; }
  function refresh() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (b) {
        text('total', b.total); text('signed', b.signed); text('skipped', b.skipped);
        text('failed', b.failed); text('pending', b.pending);
        text('status', b.status === 'DONE' ? 'Đã xong' : 'Đang ký…');
        var bar = document.getElementById('bar');
        bar.max = b.total; bar.value = b.total - b.pending;
        var body = document.querySelector('#items tbody');
        body.textContent = '';
        (b.items || []).forEach(function (i) {
          var tr = document.createElement('tr');
          var a = document.createElement('a');
          a.href = '/documents/' + i.lookupCode + '/pdf'; a.target = '_blank'; a.textContent = i.lookupCode;
          var c1 = document.createElement('td'); c1.appendChild(a);
          var c2 = document.createElement('td'); c2.textContent = labels[i.outcome] || i.outcome;
          var c3 = document.createElement('td'); c3.textContent = i.detailVi;
          tr.appendChild(c1); tr.appendChild(c2); tr.appendChild(c3); body.appendChild(tr);
        });
        if (b.status !== 'DONE') { setTimeout(refresh, 1000); }
      })
      .catch(function () { setTimeout(refresh, 3000); });
  }
  if (document.getElementById('status').textContent !== 'Đã xong') { setTimeout(refresh, 1000); }
})();
