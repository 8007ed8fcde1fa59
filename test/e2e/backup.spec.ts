/**
 * Issue 12 item 6: a history exported from one browser profile and imported into a fresh one
 * reopens with its sessions (notes, people, measurements-free); importing it again adds nothing;
 * a save that would not fit in the browser's storage is refused with a clear message first.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { waitForResults } from './helpers/app';
import { openSyntheticTrack, syntheticTrackFile } from './helpers/tracks';

async function save(page: Page, file: ReturnType<typeof syntheticTrackFile>, person: string, note: string): Promise<void> {
  await openSyntheticTrack(page, file);
  await page.getByTestId('session-person').fill(person);
  await page.getByTestId('session-note').fill(note);
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
}

test('backup: export from one profile, import into a fresh one, no duplicates on a second import', async ({ browser }) => {
  const first = await browser.newContext();
  const a = await first.newPage();
  await save(a, syntheticTrackFile('one.track.json', { cadence: 100, seed: 21 }), 'Ana', 'first walk (backup e2e)');
  await save(a, syntheticTrackFile('two.track.json', { cadence: 112, seed: 22 }), 'Ben', 'second walk (backup e2e)');
  // One with its video (the demo walk).
  await a.goto('/#/');
  await a.getByTestId('demo').click();
  await waitForResults(a);
  await a.getByTestId('session-person').fill('Cy');
  await a.getByTestId('save-session-top').click();
  await expect(a.getByTestId('save-status')).toContainText(/saved/i);
  await a.getByTestId('history-link').click();
  await expect(a.getByTestId('session')).toHaveCount(3);
  await a.getByTestId('backup-videos').check();
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('backup-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^gait-history-\d{4}-\d\d-\d\d\.json$/);
  await expect(a.getByTestId('backup-status')).toContainText('Backup of 3 sessions downloaded');
  const backup = readFileSync(await download.path());
  await first.close();

  // A fresh profile (its own IndexedDB): empty history, then the import.
  const second = await browser.newContext();
  const b = await second.newPage();
  await b.goto('/#/history');
  await expect(b.getByTestId('backup-import')).toBeAttached();
  await expect(b.getByTestId('session')).toHaveCount(0);
  await b.getByTestId('backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(b.getByTestId('backup-status')).toContainText('Imported 3 sessions from backup.json');
  await expect(b.getByTestId('session')).toHaveCount(3);
  await expect(b.getByTestId('session-person-name')).toHaveText(['Cy', 'Ben', 'Ana']);
  // Again: nothing twice.
  await b.getByTestId('backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(b.getByTestId('backup-status')).toContainText('Imported 0 sessions from backup.json; 3 were already here');
  await expect(b.getByTestId('session')).toHaveCount(3);
  // The video came along: the session reopens playing it.
  await expect(b.getByTestId('session').filter({ hasText: 'Cy' })).toContainText('video kept');
  await b.getByTestId('session').filter({ hasText: 'Cy' }).getByTestId('session-open').click();
  await waitForResults(b);
  const video = b.getByTestId('video-overlay').locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(4);
  await b.getByTestId('history-link').click();
  // A session reopens with its results and note.
  await b.getByTestId('session').filter({ hasText: 'first walk (backup e2e)' }).getByTestId('session-open').click();
  await waitForResults(b);
  await expect(b.getByTestId('session-note')).toHaveValue('first walk (backup e2e)');
  await expect(b.getByTestId('session-person')).toHaveValue('Ana');
  // A file that is not a backup gets a clear message.
  await b.getByTestId('history-link').click();
  await b.getByTestId('backup-import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(b.getByTestId('backup-status')).toContainText('Not imported: This file is not a history backup: it is not JSON.');
  await second.close();
});

test('storage nearly full: the save is refused with a clear message before it fails', async ({ page }) => {
  // The browser reports its storage for this site as all but full.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'storage', { value: { estimate: async () => ({ usage: 999_900_000, quota: 1_000_000_000 }) } });
  });
  await openSyntheticTrack(page, syntheticTrackFile('full.track.json', { seed: 23 }));
  await page.getByTestId('save-session-top').click();
  await expect(page.getByTestId('save-status')).toContainText("Not saved: the browser's storage for this app is full");
  await page.getByTestId('history-link').click();
  await expect(page.getByTestId('session')).toHaveCount(0);
  await expect(page.getByTestId('storage-warning')).toContainText('nearly full');
});
