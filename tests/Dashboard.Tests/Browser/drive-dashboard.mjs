// Drives the dashboard as a person would, in headless Debian Chromium: log in with the browser token,
// see every resource Running, read a console log, the structured logs, a booking's trace waterfall and
// the metrics, then restart a resource from the page. Screenshots go to ARTIFACTS.
// Run by tests/Dashboard.Tests (BrowserTests) with DASHBOARD_URL, DASHBOARD_LOGIN_URL, RESOURCES, RESTART and ARTIFACTS.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { DASHBOARD_URL, DASHBOARD_LOGIN_URL, RESOURCES, RESTART, ARTIFACTS } = process.env;
const resources = RESOURCES.split(',');
const timeout = 60_000;
const step = text => console.log(`step: ${text}`);

const userDataDir = mkdtempSync(join(tmpdir(), 'airline-dashboard-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
context.setDefaultTimeout(timeout);
const page = context.pages()[0] ?? await context.newPage();
const shot = name => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
const stateOf = name => page.locator(`tr[data-resource="${name}"] .state`);

try {
  step('without the cookie the dashboard asks for the token');
  await page.goto(DASHBOARD_URL);
  await page.waitForURL(/\/login$/);
  await page.locator('input[name="t"]').waitFor();
  await shot('01-login');

  step('log in with the browser token');
  await page.goto(DASHBOARD_LOGIN_URL);
  await page.locator('#resources').waitFor();

  step(`every resource is Running: ${resources.join(', ')}`);
  for (const name of resources) {
    await stateOf(name).filter({ hasText: /^Running$/ }).waitFor();
  }
  await page.locator('tr[data-resource="gateway"] .health', { hasText: 'Healthy' }).waitFor();
  await shot('02-resources');

  step('details of the gateway: environment with secrets masked');
  await page.locator('tr[data-resource="gateway"] td:first-child').click();
  await page.locator('tr.details', { hasText: 'OTEL_EXPORTER_OTLP_HEADERS' }).waitFor();
  const headers = await page.locator('tr.details .kv div', { hasText: 'x-otlp-api-key=' }).first().textContent();
  if (!headers.includes('••••••')) throw new Error(`the OTLP API key is not masked: ${headers}`);
  await shot('03-resource-details');

  step('console log of flights');
  await page.locator('tr[data-resource="flights"] a', { hasText: 'Console' }).click();
  await page.locator('.console .line', { hasText: 'Now listening on' }).first().waitFor();
  await page.locator('#filter').fill('listening');
  await shot('04-console');

  step('structured logs');
  await page.goto(DASHBOARD_URL + '#/logs');
  await page.locator('#logs tr[data-sequence]').first().waitFor();
  await shot('05-structured-logs');

  step('the booking is one trace across gateway, flights and reservations');
  await page.goto(DASHBOARD_URL + '#/traces');
  const booking = page.locator('#traces tr[data-trace]', { hasText: 'POST /api/reservations' }).first();
  await booking.waitFor();
  await shot('06-traces');
  await booking.click();
  await page.locator('.waterfall .row').first().waitFor();
  for (const service of ['gateway', 'flights', 'reservations']) {
    await page.locator('.waterfall .row .chip', { hasText: new RegExp(`^${service}$`) }).first().waitFor();
  }
  await page.locator('.waterfall .row').first().click();
  await page.locator('.span-details').waitFor();
  await shot('07-trace-waterfall');

  step('metrics');
  await page.goto(DASHBOARD_URL + '#/metrics');
  await page.locator('.card[data-instrument="http.server.request.duration"] svg polyline').first().waitFor({ state: 'attached' });
  await shot('08-metrics');

  step(`restart ${RESTART} from the page`);
  await page.goto(DASHBOARD_URL + '#/resources');
  await stateOf(RESTART).filter({ hasText: /^Running$/ }).waitFor();
  await page.locator(`button[data-command="restart"][data-resource="${RESTART}"]`).click();
  await stateOf(RESTART).filter({ hasText: /^(Starting|Finished)$/ }).waitFor();
  await shot('09-restarting');
  await stateOf(RESTART).filter({ hasText: /^Running$/ }).waitFor();
  await page.locator(`tr[data-resource="${RESTART}"] td:nth-child(7)`, { hasText: /^1$/ }).waitFor();
  await shot('10-restarted');
  step('done');
} catch (error) {
  await shot('failure').catch(() => {});
  console.error(`failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
