/**
 * Issue 3 item 5: without a usable camera (this browser has none: the `app` project runs without
 * the fake-device flags) filming gives a clear message and the way to upload instead.
 */
import { expect, test } from '@playwright/test';
import { openHome } from './helpers/app';

test('no camera: a clear message, and "upload instead" leads to the upload', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('film').click();
  const error = page.getByTestId('error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toHaveAttribute('data-error-code', /^(no-camera|camera-refused)$/);
  await expect(error).toContainText(/camera/i);
  console.log(`no camera: ${(await error.innerText()).replace(/\s+/g, ' ')}`);
  await page.getByTestId('use-upload').click();
  await expect(page.getByTestId('upload-input')).toBeAttached();
  await expect(page.getByTestId('error')).toHaveCount(0);
});
