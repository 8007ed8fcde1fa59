/** The phase timeline's event edits (issue 12 item 3): pure operations on both legs' events. */
import { describe, expect, it } from 'vitest';
import { addEvent, countEdits, deleteEvent, describeEdits, isEdited, moveEvent, snapToFrame, stepEvent, type EditableEvents } from '../src/ui/results/eventEdits';

const frames = Array.from({ length: 301 }, (_, i) => i / 30);
const detected: EditableEvents = {
  left: { heelStrikes: [1, 2.1, 3.2], toeOffs: [1.6, 2.7] },
  right: { heelStrikes: [1.55, 2.65], toeOffs: [1.05, 2.15] },
};

describe('event edits', () => {
  it('moves an event and keeps the list sorted, following it to its new place', () => {
    const { events, ref } = moveEvent(detected, { side: 'left', kind: 'heelStrikes', index: 0 }, 2.5);
    expect(events.left.heelStrikes).toEqual([2.1, 2.5, 3.2]);
    expect(ref.index).toBe(1);
    expect(detected.left.heelStrikes).toEqual([1, 2.1, 3.2]); // not mutated
  });

  it('steps an event by whole frames', () => {
    const { events } = stepEvent(detected, { side: 'right', kind: 'toeOffs', index: 1 }, 2, frames);
    // 2.15 s lies halfway between frames 64 and 65 and counts as frame 64: two frames on is frame 66.
    expect(events.right.toeOffs[1]).toBeCloseTo(66 / 30, 9);
    expect(frames).toContain(events.right.toeOffs[1]);
  });

  it('deletes, adds (not twice at one time) and snaps to frames', () => {
    expect(deleteEvent(detected, { side: 'left', kind: 'toeOffs', index: 0 }).left.toeOffs).toEqual([2.7]);
    const t = snapToFrame(frames, 1.912);
    expect(t).toBeCloseTo(57 / 30, 9);
    const added = addEvent(detected, 'left', 'toeOffs', t)!;
    expect(added.events.left.toeOffs).toEqual([1.6, t, 2.7]);
    expect(added.ref).toEqual({ side: 'left', kind: 'toeOffs', index: 1 });
    expect(addEvent(added.events, 'left', 'toeOffs', t)).toBeNull();
  });

  it('counts moved, added and deleted events against the detected ones', () => {
    let e = moveEvent(detected, { side: 'left', kind: 'heelStrikes', index: 1 }, 2.2).events;
    e = deleteEvent(e, { side: 'right', kind: 'heelStrikes', index: 0 });
    e = addEvent(e, 'right', 'toeOffs', 2.9)!.events;
    e = addEvent(e, 'left', 'toeOffs', 3.6)!.events;
    const count = countEdits(e, detected);
    expect(count).toEqual({ moved: 1, added: 2, deleted: 1 });
    expect(describeEdits(count)).toBe('1 moved, 2 added, 1 deleted');
    expect(countEdits(detected, detected)).toEqual({ moved: 0, added: 0, deleted: 0 });
    expect(isEdited(2.2, 'left', 'heelStrikes', detected)).toBe(true);
    expect(isEdited(2.1, 'left', 'heelStrikes', detected)).toBe(false);
    expect(isEdited(2.2, 'left', 'heelStrikes', null)).toBe(false);
  });
});
