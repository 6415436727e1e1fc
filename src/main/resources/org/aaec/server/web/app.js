// The page talks to the same API as every other client: POST /v1/predict?timeline=true.
'use strict';
const fileInput = document.getElementById('file');
const sendButton = document.getElementById('send');
const recordButton = document.getElementById('record');
const vadBox = document.getElementById('vad');
const statusLine = document.getElementById('status');
const result = document.getElementById('result');
const overall = document.getElementById('overall');
let heads = [];
let recorder = null;
window.aaecChart = null;

function say(text, isError) {
  statusLine.textContent = text;
  statusLine.className = isError ? 'error' : '';
}

fetch('/v1/model').then(r => r.json()).then(m => {
  heads = m.heads;
  document.getElementById('model').textContent = 'Model: ' + m.variant + ', trained on ' + m.trainedOn
      + '; reads ' + m.inputSeconds + ' s windows. Data licence: ' + m.dataLicence + '.';
}).catch(() => say('The model description could not be loaded.', true));

fileInput.addEventListener('change', () => { sendButton.disabled = fileInput.files.length === 0; });
sendButton.addEventListener('click', () => {
  if (fileInput.files.length > 0) {
    send(fileInput.files[0], fileInput.files[0].name);
  }
});

recordButton.addEventListener('click', async () => {
  if (recorder && recorder.state === 'recording') {
    recorder.stop();
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (e) {
    say('No microphone: ' + e.message, true);
    return;
  }
  const chunks = [];
  recorder = new MediaRecorder(stream);
  recorder.ondataavailable = e => chunks.push(e.data);
  recorder.onstop = () => {
    stream.getTracks().forEach(t => t.stop());
    recordButton.textContent = 'Record from the microphone';
    send(new Blob(chunks, { type: recorder.mimeType }), 'recording');
  };
  recorder.start();
  recordButton.textContent = 'Stop and send';
  say('Recording… press the button again to stop and send.');
});

async function send(blob, name) {
  result.dataset.state = 'waiting';
  say('Sending ' + name + '…');
  const form = new FormData();
  form.append('file', blob, name);
  const query = '/v1/predict?timeline=true' + (vadBox.checked ? '&vad=true' : '');
  let answer;
  try {
    const response = await fetch(query, { method: 'POST', body: form });
    answer = await response.json();
    if (!response.ok) {
      result.dataset.state = 'error';
      say(answer.error || ('The server answered ' + response.status), true);
      return;
    }
  } catch (e) {
    result.dataset.state = 'error';
    say('The request failed: ' + e.message, true);
    return;
  }
  show(answer);
  say(name + ': ' + answer.seconds + ' s, ' + answer.predicted + ' of ' + answer.windows + ' windows predicted.');
}

function show(answer) {
  overall.replaceChildren();
  for (const head of heads) {
    const s = answer.summary[head.name];
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.textContent = head.name;
    const label = document.createElement('td');
    label.id = head.name + '-label';
    label.textContent = s ? s.label : 'no speech';
    const detail = document.createElement('td');
    detail.textContent = s ? head.classes.map(c => c + ' ' + s.meanProbabilities[c].toFixed(2)).join(', ') : '';
    row.append(name, label, detail);
    overall.append(row);
  }
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
  const datasets = [];
  heads.forEach((head, h) => {
    head.classes.forEach((c, k) => {
      datasets.push({
        label: head.name + ': ' + c,
        yAxisID: 'y',
        borderColor: colours[(h * 3 + k) % colours.length],
        borderDash: h === 0 ? [] : [6, 4],
        data: answer.segments.map(s => ({ x: (s.start + s.end) / 2, y: s[head.name] ? s[head.name].probabilities[c] : null })),
        spanGaps: false,
      });
    });
  });
  if (window.aaecChart) {
    window.aaecChart.destroy();
  }
  window.aaecChart = new Chart(document.getElementById('chart'), {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: true,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'time (s)' }, min: 0, max: answer.seconds },
        y: { min: 0, max: 1, title: { display: true, text: 'probability' } },
      },
    },
  });
  result.hidden = false;
  result.dataset.state = 'done';
}
