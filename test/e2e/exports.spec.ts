/**
 * Issue 4 item 4: every export downloads a non-empty file of its kind, the print button prints
 * with the print stylesheet, and the exported pose track opened again gives the same analysis.
 * The walk comes in through the demo button (the rendered healthy-ltr walk shipped with the app).
 */
import { expect, test } from '@playwright/test';
import type { GaitReport } from '../../src/core/format/report';
import { chartPoints, download, openHome, waitForResults } from './helpers/app';

test('exports: report JSON, frames CSV, cycles CSV, pose track JSON, charts PNG, print; the track opens again', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('demo').click();
  await waitForResults(page);

  const report = await download(page, 'export-report-json');
  expect(report.download.suggestedFilename()).toMatch(/\.json$/);
  const parsedReport = JSON.parse(report.bytes.toString('utf8')) as GaitReport;
  expect(parsedReport.format).toBe('gait-report');
  const frameCount = parsedReport.frames.t.length;

  const frames = await download(page, 'export-frames-csv');
  expect(frames.download.suggestedFilename()).toMatch(/\.csv$/);
  const frameLines = frames.bytes.toString('utf8').trim().split(/\r?\n/);
  expect(frameLines[0]).toMatch(/knee/i);
  expect(frameLines[0].split(',').length).toBeGreaterThan(4);
  // A header (and maybe comment lines) plus one row per frame.
  expect(frameLines.filter((line) => /^\d/.test(line)).length).toBe(frameCount);

  const cycles = await download(page, 'export-cycles-csv');
  expect(cycles.download.suggestedFilename()).toMatch(/\.csv$/);
  const cycleRows = cycles.bytes.toString('utf8').trim().split(/\r?\n/).filter((line) => /^(left|right)\b|,(left|right),/i.test(line));
  const cycleCount = parsedReport.sides.left.cycles.length + parsedReport.sides.right.cycles.length;
  expect(cycleCount).toBeGreaterThan(0);
  expect(cycleRows.length).toBe(cycleCount);

  const track = await download(page, 'export-track-json');
  expect(track.download.suggestedFilename()).toMatch(/\.json$/);
  const parsedTrack = JSON.parse(track.bytes.toString('utf8')) as { format: string; frames: unknown[] };
  expect(parsedTrack.format).toBe('gait-pose-track');
  expect(parsedTrack.frames.length).toBe(frameCount);

  const png = await download(page, 'export-charts-png');
  expect(png.download.suggestedFilename()).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.bytes.length).toBeGreaterThan(10_000);

  // Print: the browser's print dialog, with a print stylesheet that hides the controls.
  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => void ((window as unknown as { printCalls: number }).printCalls += 1);
  });
  await page.getByTestId('print').click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('results')).toBeVisible();
  await expect(page.getByTestId('export-report-json')).toBeHidden();
  await expect(page.getByTestId('history-link')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`print to PDF: ${pages} page(s), ${pdf.length} bytes`);
  expect(pages).toBeGreaterThanOrEqual(1);
  await page.emulateMedia({ media: 'screen' });

  // The exported pose track, opened again, gives the same analysis (no video this time).
  await page.getByTestId('home-link').click();
  await page.getByTestId('track-input').setInputFiles({ name: track.download.suggestedFilename(), mimeType: 'application/json', buffer: track.bytes });
  await waitForResults(page);
  expect(await chartPoints(page, 'chart-cycle-knee-left')).toBeGreaterThan(0);
  await expect(page.getByTestId('phase-timeline')).toBeVisible();
  const again = JSON.parse((await download(page, 'export-report-json')).bytes.toString('utf8')) as GaitReport;
  expect(again.summary.cadence).toBe(parsedReport.summary.cadence);
  expect(again.flags.map((f) => f.id)).toEqual(parsedReport.flags.map((f) => f.id));
  expect(again.sides.left.heelStrikes).toEqual(parsedReport.sides.left.heelStrikes);
});
