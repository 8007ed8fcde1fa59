/**
 * The live set-up checks as shown: a problem is listed while it was found in at least half of
 * the last few frames, so the list does not flicker from one frame to the next. Blocking problems
 * first; each shown with its most recent wording.
 */
import type { LiveCheck } from './liveChecks';

/** Frames a problem is voted on. */
export const CHECK_VOTES = 6;

export class CheckVotes {
  private history: LiveCheck[][] = [];

  constructor(private readonly frames = CHECK_VOTES) {}

  /** Adds one frame's findings; returns the problems to show now. */
  push(found: LiveCheck[]): LiveCheck[] {
    this.history.push(found);
    if (this.history.length > this.frames) this.history.shift();
    const counts = new Map<string, number>();
    for (const frameChecks of this.history) for (const c of frameChecks) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    const shown = new Map<string, LiveCheck>();
    for (const frameChecks of [...this.history].reverse()) {
      for (const c of frameChecks) if (!shown.has(c.id) && (counts.get(c.id) ?? 0) * 2 >= this.history.length) shown.set(c.id, c);
    }
    const order = (c: LiveCheck) => (c.severity === 'blocking' ? 0 : 1);
    return [...shown.values()].sort((a, b) => order(a) - order(b));
  }

  reset(): void {
    this.history = [];
  }
}
