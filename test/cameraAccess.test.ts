import { describe, expect, it } from 'vitest';
import { cameraError, defaultFacingMode, facingFromLabel } from '../src/capture/camera';
import { pickRecorderMimeType } from '../src/capture/mediaRecorderRecorder';
import { extensionFor, recordingName } from '../src/capture/recording';
import { VideoInputError } from '../src/contracts';

/** getUserMedia rejects with DOMExceptions; only their name matters. */
const domError = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('camera errors', () => {
  it('maps a refused permission to camera-refused', () => {
    for (const name of ['NotAllowedError', 'PermissionDeniedError', 'SecurityError']) {
      const error = cameraError(domError(name));
      expect(error).toBeInstanceOf(VideoInputError);
      expect(error.code).toBe('camera-refused');
      expect(error.hint).toMatch(/upload/i);
    }
  });

  it('maps a missing, busy or unsuitable camera to no-camera with a specific message', () => {
    expect(cameraError(domError('NotFoundError'))).toMatchObject({ code: 'no-camera', message: expect.stringMatching(/no camera was found/i) });
    expect(cameraError(domError('NotReadableError'))).toMatchObject({ code: 'no-camera', message: expect.stringMatching(/another app/i) });
    expect(cameraError(domError('OverconstrainedError'))).toMatchObject({ code: 'no-camera', message: expect.stringMatching(/not available/i) });
    expect(cameraError(domError('WeirdError', 'boom'))).toMatchObject({ code: 'no-camera', message: expect.stringContaining('boom') });
  });

  it('picks the rear camera on phones and the front one on laptops', () => {
    const nav = (userAgent: string, maxTouchPoints = 0) => ({ userAgent, maxTouchPoints }) as Navigator;
    expect(defaultFacingMode(nav('Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36', 5))).toBe('environment');
    expect(defaultFacingMode(nav('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', 5))).toBe('environment');
    expect(defaultFacingMode(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 5))).toBe('environment'); // iPadOS
    expect(defaultFacingMode(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15'))).toBe('user');
    expect(defaultFacingMode(nav('Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0'))).toBe('user');
    expect(facingFromLabel('Back Camera')).toBe('environment');
    expect(facingFromLabel('camera2 1, facing front')).toBe('user');
    expect(facingFromLabel('HD Webcam')).toBeNull();
  });
});

describe('recorder format', () => {
  it('prefers the cheapest encoder (H.264, then VP9, then VP8) and takes what the browser has', () => {
    expect(pickRecorderMimeType(() => true)).toBe('video/mp4;codecs=avc1');
    expect(pickRecorderMimeType((type) => type.startsWith('video/webm'))).toBe('video/webm;codecs=vp9');
    expect(pickRecorderMimeType((type) => type === 'video/webm;codecs=vp8' || type === 'video/webm')).toBe('video/webm;codecs=vp8');
    expect(pickRecorderMimeType((type) => type.startsWith('video/mp4'))).toBe('video/mp4;codecs=avc1');
    expect(pickRecorderMimeType(() => false)).toBeNull();
    expect(extensionFor('video/mp4')).toBe('mp4');
    expect(recordingName(new Date(2026, 10, 21, 9, 5, 3), 'video/webm')).toBe('walk-2026-11-21-090503.webm');
  });
});
