import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { activeDeviceId, cameraError, listCameras, openCamera, stopStream, type CameraDevice, type FacingMode } from '../../../capture/camera';
import type { VideoInputError } from '../../../contracts';

/**
 * The camera stream: opens a camera (a chosen device, or front/rear), plays it in the host's
 * <video>, lists the cameras, and stops it when asked or when the host leaves the page. A refused
 * or missing camera ends in `error` (a VideoInputError with the message to show).
 */
export class CameraStreamController implements ReactiveController {
  stream: MediaStream | null = null;
  error: VideoInputError | null = null;
  cameras: CameraDevice[] = [];
  deviceId = '';
  /** Width / height of the camera's picture. */
  aspect = 16 / 9;
  /** Bumped by every open and stop, so a slow getUserMedia from an earlier open is discarded. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    /** The <video> to play the stream in (rendered by the host). */
    private readonly video: () => HTMLVideoElement | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /**
   * Opens the camera and plays it. Resolves true when the stream plays, false when it failed
   * (`error` says why) or a later open or stop superseded this one.
   */
  async open(options: { deviceId?: string; facing: FacingMode }): Promise<boolean> {
    this.stop();
    const generation = this.generation;
    this.error = null;
    let stream: MediaStream;
    try {
      stream = await openCamera(options.deviceId ? options : { facing: options.facing });
    } catch (error) {
      if (generation === this.generation) this.error = cameraError(error);
      this.host.requestUpdate();
      return false;
    }
    if (generation !== this.generation || !this.host.isConnected) {
      stopStream(stream);
      return false;
    }
    this.stream = stream;
    await this.host.updateComplete;
    const video = this.video();
    if (generation !== this.generation || !video) return false;
    video.srcObject = stream;
    video.onloadedmetadata = () => {
      if (video.videoWidth && video.videoHeight) this.aspect = video.videoWidth / video.videoHeight;
      this.host.requestUpdate();
    };
    try {
      await video.play();
    } catch {
      // Autoplay of a muted inline video is allowed everywhere we target; if not, the user's next
      // click (Record) plays it.
    }
    // Labels are only filled in once permission was given, so list the cameras now.
    this.cameras = await listCameras().catch(() => []);
    this.deviceId = activeDeviceId(stream) ?? '';
    this.host.requestUpdate();
    return generation === this.generation;
  }

  /** Stops the camera (and any open in progress). */
  stop(): void {
    this.generation++;
    stopStream(this.stream);
    this.stream = null;
    const video = this.video();
    if (video) video.srcObject = null;
  }
}
