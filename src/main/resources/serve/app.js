// openocr web page: upload an image, draw the words the server read, tune thresholds.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let file = null;
  let result = null;
  // A server started with a token: open the page as /#token=TOKEN (the fragment is not sent).
  const token = new URLSearchParams(location.hash.slice(1)).get('token');

  // Red (confidence 0) through yellow to green (1), as in the overlay PNGs.
  function colour(c) {
    const hue = Math.max(0, Math.min(1, c)) * 120;
    return 'hsl(' + hue + ',100%,40%)';
  }

  function setStatus(msg, isError) {
    $('status').textContent = msg;
    $('status').className = isError ? 'error' : '';
  }

  async function run() {
    if (!file) { return; }
    setStatus('Reading ' + file.name + ' ...');
    $('rerun').disabled = true;
    const url = 'v1/ocr?min_confidence=' + encodeURIComponent($('min').value)
      + '&name=' + encodeURIComponent(file.name);
    try {
      const headers = { 'Content-Type': file.type || 'application/octet-stream' };
      if (token) { headers.Authorization = 'Bearer ' + token; }
      const resp = await fetch(url, { method: 'POST', body: file, headers: headers });
      const body = await resp.json();
      if (!resp.ok) {
        const hint = resp.status === 401 ? ' (open the page as /#token=YOUR_TOKEN)' : '';
        setStatus('Error ' + resp.status + ': ' + (body.error ? body.error.message : '') + hint,
          true);
        return;
      }
      result = body;
      const sel = $('pagesel');
      sel.innerHTML = '';
      body.pages.forEach((p, i) => {
        const o = document.createElement('option');
        o.value = i;
        o.textContent = (i + 1) + ' / ' + body.pages.length;
        sel.appendChild(o);
      });
      draw();
      const page = body.pages[0];
      setStatus(page.words.length + ' words, mean confidence ' + page.meanConfidence.toFixed(3) + ', '
        + body.timings.totalMs + ' ms (' + body.pages.length + ' page(s))');
    } catch (e) {
      setStatus('Request failed: ' + e, true);
    } finally {
      $('rerun').disabled = false;
    }
  }

  function draw() {
    const boxes = $('boxes');
    boxes.innerHTML = '';
    if (!result || result.pages.length === 0) { return; }
    const index = Math.min(result.pages.length - 1, parseInt($('pagesel').value || '0', 10));
    const page = result.pages[index];
    const img = $('img');
    const stage = $('stage');
    // Browsers show PNG/JPEG/GIF/BMP; for TIFF, PDF and pages after the first, boxes go on white.
    const shown = index === 0 && img.naturalWidth > 0;
    stage.classList.toggle('noimg', !shown);
    stage.style.width = shown ? '' : page.width + 'px';
    stage.style.height = shown ? '' : page.height + 'px';
    const sx = shown ? img.clientWidth / page.width : 1;
    const sy = shown ? img.clientHeight / page.height : 1;
    $('text').textContent = page.text;
    const min = parseFloat($('show').value);
    const minDet = parseFloat($('det').value);
    for (const w of page.words) {
      const d = document.createElement('div');
      d.className = 'word' + (w.confidence < min || w.detScore < minDet ? ' hidden' : '');
      d.style.left = (w.box[0] * sx) + 'px';
      d.style.top = (w.box[1] * sy) + 'px';
      d.style.width = ((w.box[2] - w.box[0]) * sx) + 'px';
      d.style.height = ((w.box[3] - w.box[1]) * sy) + 'px';
      d.style.borderColor = colour(w.confidence);
      d.dataset.text = w.text;
      d.dataset.confidence = w.confidence.toFixed(3);
      d.dataset.det = w.detScore.toFixed(3);
      if ($('labels').checked) {
        const s = document.createElement('span');
        s.textContent = w.text;
        d.appendChild(s);
      }
      boxes.appendChild(d);
    }
  }

  function choose(f) {
    if (!f) { return; }
    file = f;
    const img = $('img');
    img.onload = () => run();
    // Formats the browser cannot show (TIFF, PDF) are still read; boxes are drawn on white.
    img.onerror = () => { img.removeAttribute('src'); run(); };
    img.src = URL.createObjectURL(f);
  }

  const drop = $('drop');
  drop.addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => choose(e.target.files[0]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    choose(e.dataTransfer.files[0]);
  });
  $('show').addEventListener('input', () => { $('showv').textContent = (+$('show').value).toFixed(2); draw(); });
  $('det').addEventListener('input', () => { $('detv').textContent = (+$('det').value).toFixed(2); draw(); });
  $('min').addEventListener('input', () => { $('minv').textContent = (+$('min').value).toFixed(2); });
  $('labels').addEventListener('change', draw);
  $('pagesel').addEventListener('change', draw);
  $('rerun').addEventListener('click', run);
  window.addEventListener('resize', draw);

  const tip = $('tip');
  $('boxes').addEventListener('mousemove', (e) => {
    const t = e.target.closest('.word');
    if (!t) { tip.style.display = 'none'; return; }
    tip.textContent = t.dataset.text + '  (confidence ' + t.dataset.confidence
      + ', detection ' + t.dataset.det + ')';
    tip.style.left = (e.clientX + 12) + 'px';
    tip.style.top = (e.clientY + 12) + 'px';
    tip.style.display = 'block';
  });
  $('boxes').addEventListener('mouseleave', () => { tip.style.display = 'none'; });
})();
