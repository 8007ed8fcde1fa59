/**
 * Dev page for <gait-camera> (npx vite --port 5184, then /dev/camera.html): shows what the
 * recording-complete event carries and whether the recorded blob plays in a <video>.
 */
import '../src/ui/styles/global.css';
import '../src/ui/camera/camera';

const result = document.querySelector<HTMLElement>('#result')!;
const text = document.querySelector<HTMLElement>('#result-text')!;
const playback = document.querySelector<HTMLVideoElement>('#playback')!;

document.addEventListener('recording-complete', (event) => {
  const { blob, name } = (event as CustomEvent<{ blob: Blob; name: string }>).detail;
  (window as unknown as { lastRecording: Blob }).lastRecording = blob;
  result.hidden = false;
  text.textContent = `${name}: ${blob.size} bytes, type "${blob.type}". Checking playback…`;
  playback.src = URL.createObjectURL(blob);
  playback.onloadeddata = () => {
    text.textContent = `${name}: ${blob.size} bytes, type "${blob.type}", ${playback.videoWidth}x${playback.videoHeight}, duration ${playback.duration.toFixed(2)} s: plays.`;
    text.dataset.plays = 'yes';
  };
  playback.onerror = () => {
    text.textContent = `${name}: ${blob.size} bytes, type "${blob.type}": does NOT play (${playback.error?.message ?? 'error'}).`;
    text.dataset.plays = 'no';
  };
});

document.addEventListener('use-upload', () => {
  document.querySelector<HTMLElement>('#upload-note')!.hidden = false;
});
