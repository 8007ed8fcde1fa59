/**
 * MediaRecorder writes its file as it goes, so a WebM from Chrome or Firefox has no duration and
 * no seek index (cues), and Safari's MP4 is fragmented: a <video> then reports duration Infinity
 * and scrubbing the results' video is slow or impossible. Remuxing with mediabunny (packets copied,
 * nothing re-encoded: well under a second for a minute of video) writes both.
 * If anything goes wrong the original recording is returned unchanged: the analysis reads it too.
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';

export async function finalizeRecording(blob: Blob): Promise<Blob> {
  const isMp4 = blob.type.includes('mp4');
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const target = new BufferTarget();
    const output = new Output({
      format: isMp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
      target,
    });
    const conversion = await Conversion.init({ input, output });
    if (!conversion.isValid) return blob;
    await conversion.execute();
    if (!target.buffer || target.buffer.byteLength === 0) return blob;
    return new Blob([target.buffer], { type: isMp4 ? 'video/mp4' : 'video/webm' });
  } catch {
    return blob;
  } finally {
    input.dispose();
  }
}
