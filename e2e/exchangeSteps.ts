// Steps of the 数据交换 browser tests: packages travel between installations as real downloads and uploads.
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import type { AppUnderTest } from './harness';

export interface PackageFile {
  name: string;
  buffer: Buffer;
}

/** Clicks `button` and returns the file the page downloads, as a user would save it. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<PackageFile> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), buffer: fs.readFileSync(file) };
}

/** Chooses a package file in the page's import card. */
export async function upload(page: Page, file: PackageFile): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择数据包文件（.zip）' }).click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
}

export const openExchange = (app: AppUnderTest, ...route: string[]) =>
  app.page.goto(new URL(`#/${['exchange', ...route].join('/')}`, app.bridge.url).href);
