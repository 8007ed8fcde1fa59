import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a confirmation stays up (it also goes on navigation: the shell calls `clear`). */
export const TOAST_MS = 4_000;

/** A short confirmation (or failure) message, e.g. of the last save; shown by `<gait-toast>`. */
export class ToastController implements ReactiveController {
  text = '';
  /** Whether the toast offers a link to the history. */
  link = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  show(text: string, link: boolean): void {
    this.text = text;
    this.link = link;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), TOAST_MS);
    this.host.requestUpdate();
  }

  clear(): void {
    clearTimeout(this.timer);
    if (!this.text) return;
    this.text = '';
    this.host.requestUpdate();
  }
}
