/**
 * Camera access: open a camera (a chosen device, or front/rear by facingMode), list the cameras
 * (labels only appear after permission was given), and turn getUserMedia's DOMExceptions into
 * VideoInputErrors a person can act on.
 */
import { VideoInputError } from '../contracts';

export type FacingMode = 'user' | 'environment';

export interface CameraDevice {
  deviceId: string;
  /** The browser's label, or "Camera 1", ... before permission. */
  label: string;
  /** From the label where it says so ("back", "rear", "front"); null when unknown. */
  facing: FacingMode | null;
}

export interface OpenCameraOptions {
  /** A device from listCameras(); wins over `facing`. */
  deviceId?: string;
  /** Default: rear on phones and tablets, front on laptops (defaultFacingMode()). */
  facing?: FacingMode;
}

/**
 * Phones and tablets film someone else walking, so they use the rear camera; a laptop has only
 * the front one. UA-CH `mobile` where the browser has it, else touch-first pointer + small screen.
 */
export function isHandheld(nav: Navigator | undefined = globalThis.navigator): boolean {
  if (!nav) return false;
  const uaData = (nav as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  if (uaData && typeof uaData.mobile === 'boolean' && uaData.mobile) return true;
  if (/Android|iPhone|iPad|iPod|Mobile/i.test(nav.userAgent)) return true;
  // iPadOS reports itself as a Mac: a Mac with a touch screen is an iPad.
  return /Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1;
}

export function defaultFacingMode(nav: Navigator | undefined = globalThis.navigator): FacingMode {
  return isHandheld(nav) ? 'environment' : 'user';
}

/**
 * 720p at 30 fps is plenty for MoveNet (its input is 192 or 256 px) and cheap to record; `ideal`
 * so that any camera still opens.
 */
function videoConstraints(options: OpenCameraOptions): MediaTrackConstraints {
  const base: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
  if (options.deviceId) return { ...base, deviceId: { exact: options.deviceId } };
  return { ...base, facingMode: { ideal: options.facing ?? defaultFacingMode() } };
}

export async function openCamera(options: OpenCameraOptions = {}): Promise<MediaStream> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia) {
    throw new VideoInputError(
      'no-camera',
      'This browser gives no camera access here.',
      globalThis.isSecureContext === false
        ? 'Cameras only work on a secure (https://) page. Open the app over https, or upload a video instead.'
        : 'Use a current browser (Chrome, Edge, Firefox or Safari), or upload a video instead.',
    );
  }
  try {
    return await media.getUserMedia({ video: videoConstraints(options), audio: false });
  } catch (error) {
    // A remembered device that is gone (unplugged): fall back to any camera before giving up.
    if (options.deviceId && errorName(error) === 'OverconstrainedError') {
      try {
        return await media.getUserMedia({ video: videoConstraints({ facing: options.facing }), audio: false });
      } catch (second) {
        throw cameraError(second);
      }
    }
    throw cameraError(error);
  }
}

/** The video inputs; call after openCamera() succeeded, or the labels are empty. */
export async function listCameras(): Promise<CameraDevice[]> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.enumerateDevices) return [];
  const devices = await media.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}`, facing: facingFromLabel(d.label) }));
}

export function facingFromLabel(label: string): FacingMode | null {
  if (/back|rear|environment|world/i.test(label)) return 'environment';
  if (/front|user|face|selfie/i.test(label)) return 'user';
  return null;
}

/** The deviceId the stream's video track actually uses (to preselect it in a camera list). */
export function activeDeviceId(stream: MediaStream): string | undefined {
  return stream.getVideoTracks()[0]?.getSettings().deviceId;
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

/**
 * getUserMedia's errors (W3C Media Capture and Streams, section 10 "getUserMedia"), plus the names
 * older Chrome and Firefox used, mapped to the two codes the app shows.
 */
export function cameraError(error: unknown): VideoInputError {
  if (error instanceof VideoInputError) return error;
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new VideoInputError(
        'camera-refused',
        'Camera access was refused.',
        'Allow the camera for this site (the camera icon in the address bar, or the browser’s site settings) and try again, or upload a video instead.',
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return new VideoInputError('no-camera', 'No camera was found on this device.', 'Connect a camera, or film on a phone and upload the video.');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new VideoInputError(
        'no-camera',
        'The camera could not be started: another app or tab may be using it.',
        'Close other apps that use the camera (video calls) and try again, or upload a video instead.',
      );
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return new VideoInputError('no-camera', 'The chosen camera is not available.', 'Pick another camera from the list, or upload a video instead.');
    default:
      return new VideoInputError(
        'no-camera',
        `The camera could not be opened${error instanceof Error && error.message ? ` (${error.message})` : ''}.`,
        'Try again, or upload a video instead.',
      );
  }
}
