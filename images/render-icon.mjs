// Renders images/icon.svg to images/icon.png (128×128, what the Marketplace and VS Code show),
// with Debian's chromium driven by playwright-core (no browser download):
//   node images/render-icon.mjs
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url);
const svg = fs.readFileSync(new URL('icon.svg', here), 'utf8');
const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL('icon.png', here).pathname, omitBackground: true });
} finally {
  await browser.close();
}
