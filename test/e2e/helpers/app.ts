/** Driving the app through its data-testid contract (locators pierce the shadow DOM). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Whole-video pose estimation on 2 shared cores: minutes, not seconds. */
export const ANALYSIS_TIMEOUT_MS = 4 * 60_000;

export async function openHome(page: Page): Promise<void> {
  await page.goto('/#/');
  await expect(page.getByTestId('upload-input')).toBeAttached();
}

export async function uploadVideo(page: Page, path: string): Promise<void> {
  await page.getByTestId('upload-input').setInputFiles(path);
}

export async function uploadBuffer(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType, buffer });
}

/**
 * Waits until the results or an error are shown; an error where results were expected fails with
 * the app's own message, so a failing run says why.
 */
export async function waitForResults(page: Page): Promise<Locator> {
  const results = page.getByTestId('results');
  const error = page.getByTestId('error');
  await expect(results.or(error).first()).toBeVisible({ timeout: ANALYSIS_TIMEOUT_MS });
  if (await error.first().isVisible()) {
    throw new Error(`the app showed an error instead of results: ${(await error.first().innerText()).replace(/\s+/g, ' ')}`);
  }
  return results;
}

/** Waits for the error view; fails if results appear instead. */
export async function waitForError(page: Page): Promise<Locator> {
  const results = page.getByTestId('results');
  const error = page.getByTestId('error');
  await expect(results.or(error).first()).toBeVisible({ timeout: ANALYSIS_TIMEOUT_MS });
  expect(await results.count(), 'results shown where an error was expected').toBe(0);
  return error.first();
}

/** Clicks an element that starts a download and returns the download with its bytes. */
export async function download(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const path = await started.path();
  return { download: started, bytes: readFileSync(path) };
}

/** data-points of a chart canvas (the number of plotted points). */
export async function chartPoints(page: Page, testId: string): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute('data-points');
  return Number(value);
}
