/** `npm test` sets itself up: scripts/test-deps.mjs decides to do nothing, install, or stop with the command. */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { plan, type MachineFacts } from '../scripts/test-deps.mjs';

function machine(o: { have?: string[]; files?: string[]; isRoot?: boolean; canSudo?: boolean }): MachineFacts {
  const have = new Set(o.have ?? []);
  const files = new Set(o.files ?? []);
  return {
    isExecutable: (file) => files.has(file),
    isFile: (file) => files.has(file),
    onPath: (name) => have.has(name),
    isRoot: o.isRoot ?? false,
    canSudo: o.canSudo ?? false,
  };
}
const ALL_FILES = ['/usr/bin/chromium', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];

describe('test-deps plan', () => {
  it('does nothing when Chromium, ffmpeg and the fonts are there', () => {
    expect(plan(machine({ have: ['ffmpeg', 'ffprobe', 'apt-get'], files: ALL_FILES })).action).toBe('none');
  });

  it('installs only what is missing, as root', () => {
    const p = plan(machine({ have: ['apt-get'], files: ALL_FILES, isRoot: true }));
    expect(p).toMatchObject({ action: 'install', sudo: false, missing: ['ffmpeg'] });
  });

  it('installs through passwordless sudo', () => {
    const p = plan(machine({ have: ['apt-get', 'ffmpeg', 'ffprobe'], canSudo: true }));
    expect(p).toMatchObject({ action: 'install', sudo: true, missing: ['chromium', 'fonts-dejavu-core'] });
  });

  it('stops with the one command to run when it may not install', () => {
    const p = plan(machine({ have: ['apt-get', 'ffmpeg', 'ffprobe'], files: [ALL_FILES[1]] }));
    expect(p.action).toBe('stop');
    if (p.action === 'stop') expect(p.message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
  });

  it('says what to install where there is no apt-get', () => {
    const p = plan(machine({ isRoot: true }));
    expect(p.action).toBe('stop');
    if (p.action === 'stop') expect(p.message).toMatch(/no apt-get.*chromium ffmpeg fonts-dejavu-core/s);
  });
});

describe('test-deps script', () => {
  it('--check exits 1 at once naming ffmpeg when it is not on the PATH', () => {
    const run = spawnSync(process.execPath, ['scripts/test-deps.mjs', '--check'], { env: { PATH: '' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ffmpeg');
  });

  it('passes on this machine (the tests run here, so it has what they need)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/test-deps.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
