// The BlazeFace web sample's page: a photo goes to POST /api/detect, webcam frames go over the /api/track WebSocket
// (an 8-byte little-endian capture time in milliseconds, then a JPEG); the faces come back in the picture's pixels
// and are drawn over it on #overlay, whose canvas pixels are the picture's pixels.
'use strict';

const BOX_COLOUR = '#00e676';
const KEYPOINT_COLOUR = '#ff1744';
const MESH_COLOUR = '#40c4ff';
// Frames sent and not yet answered: two keep the server busy while a reply travels, and no more pile up here.
const MAX_FRAMES_IN_FLIGHT = 2;

const $ = (id) => document.getElementById(id);
const modelSelect = $('model');
const meshSwitch = $('mesh');
const photoInput = $('photo');
const cameraButton = $('camera');
const video = $('video');
const picture = $('picture');
const overlay = $('overlay');

let camera = null; // { stream, socket, inFlight, timer } while the webcam runs
let frameTimes = []; // arrival times of the last replies, for frames per second

function query() {
  const parameters = new URLSearchParams({ model: modelSelect.value });
  if (meshSwitch.checked) parameters.set('mesh', 'true');
  return parameters.toString();
}

function showStatus(text) {
  $('status').textContent = text || '';
}

// Sizes the overlay over the shown picture: canvas pixels = picture pixels, CSS size = the picture's size on screen.
function fitOverlay(element, width, height) {
  overlay.width = width;
  overlay.height = height;
  overlay.style.width = element.clientWidth + 'px';
  overlay.style.height = element.clientHeight + 'px';
}

// Draws the faces of one result, in the picture's pixels: the mesh's landmarks as dots when present (under the rest),
// then boxes, keypoints and a label. A face followed by its mesh has keypoints only on the frames where the detector
// found it.
function drawFaces(result) {
  const context = overlay.getContext('2d');
  context.clearRect(0, 0, overlay.width, overlay.height);
  const line = Math.max(2, Math.round(Math.max(overlay.width, overlay.height) / 250));
  context.lineWidth = line;
  context.font = `${line * 7}px system-ui, sans-serif`;
  context.fillStyle = MESH_COLOUR;
  for (const face of result.faces) {
    for (const point of face.landmarks || []) context.fillRect(point.x - line / 2, point.y - line / 2, line, line);
  }
  for (const face of result.faces) {
    const box = face.box;
    context.strokeStyle = BOX_COLOUR;
    context.strokeRect(box.x, box.y, box.width, box.height);
    context.fillStyle = KEYPOINT_COLOUR;
    for (const point of face.keypoints || []) {
      context.beginPath();
      context.arc(point.x, point.y, line * 1.5, 0, 2 * Math.PI);
      context.fill();
    }
    context.fillStyle = BOX_COLOUR;
    context.fillText(label(face), box.x, Math.max(line * 7, box.y - line * 2));
  }
}

// "#id value": the mesh's presence when the face has one (its detector score comes only with the frames where the
// detector ran), otherwise the detection score; no id for a photo.
function label(face) {
  const value = (face.presence ?? face.score).toFixed(2);
  return face.id === undefined ? value : `#${face.id} ${value}`;
}

// Shows one result's numbers: frames per second, the server's time, and the faces as a list.
function report(result, serverMilliseconds) {
  $('server-ms').textContent = serverMilliseconds === null ? '-' : serverMilliseconds.toFixed(1);
  $('face-count').textContent = String(result.faces.length);
  const list = $('faces');
  list.replaceChildren(...result.faces.map((face) => {
    const item = document.createElement('li');
    item.textContent = label(face);
    if (face.id !== undefined) item.dataset.id = String(face.id);
    return item;
  }));
  $('result').textContent = JSON.stringify(result, null, 1);
  const now = performance.now();
  frameTimes.push(now);
  frameTimes = frameTimes.filter((time) => now - time <= 2000);
  $('fps').textContent = frameTimes.length > 1
    ? ((frameTimes.length - 1) * 1000 / (now - frameTimes[0])).toFixed(1)
    : '-';
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return `${response.status} ${problem.title}: ${problem.detail}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

// A photo: uploaded as a form file, shown, and its faces drawn once the answer is in.
async function detectPhoto(file) {
  stopCamera();
  showStatus('');
  const form = new FormData();
  form.append('image', file, file.name);
  const response = await fetch(`/api/detect?${query()}`, { method: 'POST', body: form });
  if (!response.ok) {
    showStatus(await problemText(response));
    return;
  }
  const result = await response.json();
  const timing = /dur=([0-9.]+)/.exec(response.headers.get('Server-Timing') || '');
  if (picture.src) URL.revokeObjectURL(picture.src);
  picture.src = URL.createObjectURL(file);
  await picture.decode();
  video.hidden = true;
  picture.hidden = false;
  fitOverlay(picture, picture.naturalWidth, picture.naturalHeight);
  frameTimes = [];
  drawFaces(result);
  report(result, timing ? Number(timing[1]) : null);
  document.body.dataset.state = 'photo';
}

async function startCamera() {
  showStatus('');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  } catch (error) {
    showStatus(`The webcam could not be started: ${error.name}`);
    return;
  }
  video.srcObject = stream;
  await video.play();
  picture.hidden = true;
  video.hidden = false;
  fitOverlay(video, video.videoWidth, video.videoHeight);
  frameTimes = [];
  camera = { stream, socket: null, inFlight: 0, timer: 0, encoder: document.createElement('canvas') };
  cameraButton.textContent = 'Stop the webcam';
  connect();
  camera.timer = setInterval(sendFrame, 33);
  document.body.dataset.state = 'camera';
}

// (Re)connects the tracking WebSocket with the current model and mesh switch; a new socket is a new tracker.
function connect() {
  if (camera.socket) camera.socket.close();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/api/track?${query()}`);
  socket.binaryType = 'arraybuffer';
  camera.socket = socket;
  camera.inFlight = 0;
  socket.onmessage = (event) => {
    if (!camera || camera.socket !== socket) return;
    camera.inFlight = Math.max(0, camera.inFlight - 1);
    const reply = JSON.parse(event.data);
    if (reply.error) {
      showStatus(`${reply.status}: ${reply.error}`);
    } else {
      showStatus('');
      if (overlay.width !== reply.width || overlay.height !== reply.height) fitOverlay(video, reply.width, reply.height);
      drawFaces(reply);
      report(reply, reply.server_ms);
    }
    sendFrame();
  };
  socket.onclose = (event) => {
    if (camera && camera.socket === socket && event.code !== 1000) {
      showStatus(`The tracking connection closed (${event.code}${event.reason ? ': ' + event.reason : ''}).`);
    }
  };
}

// Captures the current video frame, as JPEG, with its capture time, when fewer than two frames are unanswered.
function sendFrame() {
  if (!camera || !camera.socket || camera.socket.readyState !== WebSocket.OPEN) return;
  if (camera.inFlight >= MAX_FRAMES_IN_FLIGHT || video.videoWidth === 0) return;
  camera.inFlight++;
  const socket = camera.socket;
  const time = performance.now();
  const canvas = camera.encoder;
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  canvas.toBlob(async (blob) => {
    if (!blob || socket.readyState !== WebSocket.OPEN) {
      if (camera && camera.socket === socket) camera.inFlight--;
      return;
    }
    const image = new Uint8Array(await blob.arrayBuffer());
    const message = new Uint8Array(8 + image.length);
    new DataView(message.buffer).setFloat64(0, time, true);
    message.set(image, 8);
    socket.send(message);
  }, 'image/jpeg', 0.85);
}

function stopCamera() {
  if (!camera) return;
  clearInterval(camera.timer);
  if (camera.socket) camera.socket.close(1000);
  for (const track of camera.stream.getTracks()) track.stop();
  video.srcObject = null;
  camera = null;
  cameraButton.textContent = 'Start the webcam';
}

async function loadFeatures() {
  const response = await fetch('/api/features');
  const features = await response.json();
  modelSelect.replaceChildren(...features.models.map((name) => new Option(name, name)));
  document.body.dataset.state = 'ready';
}

function settingsChanged() {
  if (camera) {
    connect();
  } else {
    choosePhoto();
  }
}

function choosePhoto() {
  if (photoInput.files.length > 0) {
    detectPhoto(photoInput.files[0]).catch((error) => showStatus(`The photo could not be sent: ${error.message}`));
  }
}

photoInput.addEventListener('change', choosePhoto);
cameraButton.addEventListener('click', () => (camera ? stopCamera() : startCamera()));
modelSelect.addEventListener('change', settingsChanged);
meshSwitch.addEventListener('change', settingsChanged);
window.addEventListener('resize', () => {
  const shown = camera ? video : picture;
  if (!shown.hidden) {
    overlay.style.width = shown.clientWidth + 'px';
    overlay.style.height = shown.clientHeight + 'px';
  }
});
loadFeatures();
