/**
 * Issue 3: each bad input gives a specific message (role=alert, with the cause's code) and the app
 * keeps working: after every one, back to the start, and at the end a good walk still analyses in
 * the same page.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHome, uploadBuffer, uploadVideo, waitForError, waitForResults } from './helpers/app';
import { BAD_DIR, WALKS_DIR } from './helpers/paths';

interface BadInput {
  title: string;
  file: () => { name: string; mimeType: string; buffer: Buffer };
  /** The error code the app must name (data-error-code). */
  code: string;
  /** Words the message must contain, so the user reads the specific cause. */
  words: RegExp;
}

const fromFixture = (path: string, mimeType: string) => () => ({ name: path.split('/').pop()!, mimeType, buffer: readFileSync(path) });

const BAD_INPUTS: BadInput[] = [
  {
    title: 'a text file renamed .mp4',
    file: () => ({ name: 'notes.mp4', mimeType: 'video/mp4', buffer: Buffer.from('Walk notes: left knee sore after 5 km.\n'.repeat(40)) }),
    code: 'not-a-video',
    words: /not a video/i,
  },
  {
    title: 'a truncated MP4 (first 40 %)',
    file: () => {
      const whole = readFileSync(join(WALKS_DIR, 'healthy-ltr.mp4'));
      return { name: 'truncated.mp4', mimeType: 'video/mp4', buffer: whole.subarray(0, Math.floor(whole.length * 0.4)) };
    },
    code: 'corrupt',
    words: /could not be read|incomplete|damaged|cut off|truncated/i,
  },
  { title: 'an HEVC MP4', file: fromFixture(join(BAD_DIR, 'hevc.mp4'), 'video/mp4'), code: 'unsupported-codec', words: /hevc|h\.265/i },
  { title: 'a Theora Ogg', file: fromFixture(join(BAD_DIR, 'theora.ogv'), 'video/ogg'), code: 'unsupported-codec', words: /theora/i },
  { title: 'a video with nobody in it', file: fromFixture(join(BAD_DIR, 'nobody.mp4'), 'video/mp4'), code: 'no-person', words: /nobody|no one|no person/i },
  { title: 'a one-second clip', file: fromFixture(join(BAD_DIR, 'one-second.mp4'), 'video/mp4'), code: 'too-short', words: /short|seconds?/i },
  { title: 'a walk filmed from the front', file: fromFixture(join(BAD_DIR, 'frontal.mp4'), 'video/mp4'), code: 'not-side-view', words: /side/i },
];

test.describe.configure({ mode: 'serial' });

let page: Page;
const messages = new Map<string, string>();

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await openHome(page);
});

test.afterAll(async () => {
  await page.close();
});

for (const bad of BAD_INPUTS) {
  test(`${bad.title}: "${bad.code}" message, then back to the start`, async () => {
    const { name, mimeType, buffer } = bad.file();
    await uploadBuffer(page, name, mimeType, buffer);
    const error = await waitForError(page);
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toHaveAttribute('data-error-code', bad.code);
    const text = (await error.innerText()).replace(/\s+/g, ' ');
    console.log(`${bad.title}: ${text}`);
    expect(text).toMatch(bad.words);
    messages.set(bad.title, await page.getByTestId('error-message').innerText());
    await page.getByTestId('error-home').click();
    await expect(page.getByTestId('upload-input')).toBeAttached();
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
}

test('each bad input had its own message', () => {
  expect(messages.size).toBe(BAD_INPUTS.length);
  // Even the two unsupported codecs name their own codec.
  expect(new Set(messages.values()).size).toBe(BAD_INPUTS.length);
});

test('after all the bad inputs, a good walk still gives results in the same page', async () => {
  await uploadVideo(page, join(WALKS_DIR, 'healthy-ltr.mp4'));
  await waitForResults(page);
  await expect(page.getByTestId('phase-timeline')).toBeVisible();
});
