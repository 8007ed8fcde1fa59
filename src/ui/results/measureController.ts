import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { POINTS_NEEDED, measurementValue, type Measurement, type MeasurementKind, type Point } from '../../core/export/measurements';

/**
 * The measuring tools over the paused video (lit.dev's reactive-controller pattern): which tool
 * is on, the points being placed (image pixels), dragging a point, and keeping a measurement.
 * A tool starts with its points on the detected keypoints, so one drag adjusts them; "Clear"
 * empties them and each click then places the next point. Rendering stays in the element.
 */
export class MeasureController implements ReactiveController {
  tool: MeasurementKind | null = null;
  points: Point[] = [];
  private dragging = -1;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get needed(): number {
    return this.tool ? POINTS_NEEDED[this.tool] : 0;
  }

  get complete(): boolean {
    return !!this.tool && this.points.length >= this.needed;
  }

  /** Live value of the points placed (degrees or pixels), null until complete. */
  get value(): number | null {
    return this.tool ? measurementValue({ kind: this.tool, points: this.points }) : null;
  }

  /** Turns a tool on (with its default points) or, when it is on already, off. */
  toggle(tool: MeasurementKind, defaults: Point[]): void {
    if (this.tool === tool) {
      this.off();
      return;
    }
    this.tool = tool;
    this.points = defaults.length === POINTS_NEEDED[tool] ? defaults.map((p) => [...p] as Point) : [];
    this.host.requestUpdate();
  }

  off(): void {
    this.tool = null;
    this.points = [];
    this.dragging = -1;
    this.host.requestUpdate();
  }

  clear(): void {
    this.points = [];
    this.host.requestUpdate();
  }

  /** A press at image point p: grabs a point within `grab` image pixels, else places the next one. */
  press(p: Point, grab: number): boolean {
    if (!this.tool) return false;
    let nearest = -1;
    let best = grab;
    this.points.forEach((q, i) => {
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d <= best) (best = d), (nearest = i);
    });
    if (nearest >= 0) this.dragging = nearest;
    else if (this.points.length < this.needed) this.points = [...this.points, p];
    else return false;
    this.host.requestUpdate();
    return true;
  }

  move(p: Point): void {
    if (this.dragging < 0) return;
    this.points = this.points.map((q, i) => (i === this.dragging ? p : q));
    this.host.requestUpdate();
  }

  release(): void {
    this.dragging = -1;
  }

  /** The measurement as placed, at this frame (null until complete). */
  measurement(frame: number, t: number): Measurement | null {
    return this.tool && this.complete ? { kind: this.tool, frame, t, points: this.points.map((p) => [...p] as Point) } : null;
  }
}
