// Drives the customer web app as travellers would, in headless Debian Chromium, one SCENARIO at a time:
//   journey        sign up and in, search LAX→DCA for two, pick two adjacent seats, hold them (a countdown runs),
//                  confirm, see them in My trips,
//                  change one's seat, then its flight (rebooking), cancel the other; prints the seat map's first paint (Performance API) as a `figure:` line
//   live-seat-map  a second traveller books a seat the first is looking at: it turns unavailable without a reload
//   keyboard       seats picked, held and confirmed with the keyboard only
// Screenshots of every step go to ARTIFACTS. Run by tests/Web.Tests (BrowserTests) with SCENARIO, WEB_URL, DATE
// (yyyy-MM-dd) and ARTIFACTS.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { SCENARIO, WEB_URL, DATE, ARTIFACTS } = process.env;
const timeout = 30_000;
const password = 'Traveller#2026';
const step = text => console.log(`step: ${text}`);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** A traveller: their own browser context (cookies), at phone width unless told otherwise. */
async function traveller(name, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, baseURL: WEB_URL });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  page.on('pageerror', error => console.log(`${name} page error: ${error.message}`));
  const shot = file => page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage: true });
  return { name, context, page, shot, email: `${name}-${unique()}@example.com` };
}

async function signUpAndIn({ page, email, shot }, prefix) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (prefix) await shot(`${prefix}-sign-up`);
  await page.getByRole('button', { name: 'Create account' }).click();

  // The identity service's sign-in page (code flow + PKCE), then back to the web app.
  await page.locator('input[name="email"]').waitFor();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  if (prefix) await shot(`${prefix}-identity-sign-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(url => url.href.startsWith(WEB_URL));
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function search({ page }, passengers) {
  await page.goto('/');
  await page.getByLabel('From').fill('LAX');
  await page.getByLabel('To').fill('DCA');
  await page.getByLabel('Date').fill(DATE);
  await page.getByLabel('Passengers').fill(String(passengers));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('.flight').first().waitFor();
}

/** Checks the page against WCAG 2.1 A and AA with axe-core: every finding is printed, a serious or critical one fails. */
async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const { violations } = await page.evaluate(() =>
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of violations) {
    console.log(`axe ${name}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`);
  }
  const serious = violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) throw new Error(`${name}: ${serious.length} serious accessibility problem(s): ${serious.map(v => v.id).join(', ')}`);
  console.log(`accessibility: ${name}: no serious or critical WCAG 2.1 AA finding`);
}

/** Waits until the seat map's interactive component is connected, so clicks reach the server. */
async function live(page) {
  await page.locator('.booking-bar[data-live="true"]').waitFor();
}

const seat = (page, seatNum) => page.locator(`button.seat[data-seat="${seatNum}"]`);

/** Two free seats side by side in one row, no aisle between them, from the back of the aircraft (least taken). */
const adjacentFreeSeats = page => page.evaluate(() => {
  const rows = [...document.querySelectorAll('.seat-map .row')].reverse();
  for (const row of rows) {
    const cells = [...row.children];
    for (let i = 0; i + 1 < cells.length; i++) {
      const [a, b] = [cells[i], cells[i + 1]];
      if (a.matches('button.seat.available') && b.matches('button.seat.available')) return [a.dataset.seat, b.dataset.seat];
    }
  }
  return null;
});

const freeSeats = (page, count) => page.evaluate(count =>
  [...document.querySelectorAll('.seat-map button.seat.available')].reverse().slice(0, count).map(b => b.dataset.seat), count);

/** The seat map's first paint on a full load: first contentful paint, its first cabin drawn (Element Timing), LCP. */
async function measureFirstPaint(page, url) {
  await page.goto(url);
  await page.locator('.seat-map h3').first().waitFor();
  return page.evaluate(() => new Promise(resolve => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const figures = { ttfb: navigation.responseStart, domContentLoaded: navigation.domContentLoadedEventEnd, fcp };
    new PerformanceObserver(list => {
      const entry = list.getEntries()[0];
      figures.seatMap = entry.renderTime || entry.loadTime;
      new PerformanceObserver(lcpList => {
        figures.lcp = lcpList.getEntries().at(-1).startTime;
        resolve(figures);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }).observe({ type: 'element', buffered: true });
  }));
}


/** Signs a new traveller up and in, searches LAX → DCA and opens AA2532's seat map; returns its URL. */
async function toSeatMap(traveller, passengers, prefix) {
  await signUpAndIn(traveller, prefix);
  await search(traveller, passengers);
  if (prefix) await traveller.shot(`${prefix}-search-results`);
  await traveller.page.getByRole('link', { name: /Choose seats on AA2532/ }).click();
  await traveller.page.waitForURL(/\/flights\/[0-9a-f-]+\/seats\?passengers=/);
  await live(traveller.page);
  return traveller.page.url();
}

async function journey() {
  const first = await traveller('ada');
  const { page } = first;
  step('a new traveller signs up, then signs in on the identity service');
  await page.goto('/');
  await first.shot('01-home');
  await accessible(page, 'home');
  await page.goto('/signup');
  await accessible(page, 'sign-up');
  await signUpAndIn(first, '02');
  await first.shot('03-signed-in');

  step('sign out (here and on the identity service), and in again with the password');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="email"]').fill(first.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  step('search LAX → DCA for 2 passengers');
  await search(first, 2);
  await first.shot('04-search-results');
  await accessible(page, 'search results');
  await page.getByRole('link', { name: /Choose seats on AA2532/ }).click();
  await page.waitForURL(/\/flights\/[0-9a-f-]+\/seats\?passengers=2/);
  const seatMapUrl = page.url();
  await live(page);

  step('seat map first paint, warm (Performance API)');
  const paint = await measureFirstPaint(page, seatMapUrl);
  const figure = `figure: seat map first paint: TTFB ${paint.ttfb.toFixed(0)} ms, first contentful paint ${paint.fcp?.toFixed(0)} ms, ` +
    `first cabin drawn (element timing) ${paint.seatMap?.toFixed(0)} ms, largest contentful paint ${paint.lcp?.toFixed(0)} ms`;
  console.log(figure);
  writeFileSync(join(ARTIFACTS, 'first-paint.txt'), `${figure}\n`);
  await live(page);
  await accessible(page, 'seat map');

  step('pick two adjacent seats, hold them (countdown shown), confirm');
  const pair = await adjacentFreeSeats(page);
  if (!pair) throw new Error('no two adjacent free seats');
  for (const seatNum of pair) {
    await seat(page, seatNum).click();
    await seat(page, seatNum).and(page.locator('[aria-pressed="true"]')).waitFor();
  }
  await first.shot('05-two-seats-selected');
  await page.getByRole('button', { name: 'Hold 2 seats' }).click();
  await page.getByRole('status').filter({ hasText: `Held: ${pair[0]} and ${pair[1]}` }).waitFor();
  await page.getByRole('timer').filter({ hasText: /^\d+:\d\d left$/ }).waitFor();
  await first.shot('06-held-with-countdown');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.getByRole('status').filter({ hasText: `Booked: ${pair[0]} and ${pair[1]}` }).waitFor();
  await first.shot('07-booked');

  step('both seats are in My trips');
  await page.getByRole('link', { name: 'See my trips' }).click();
  for (const seatNum of pair) await page.locator(`.seats li[data-seat="${seatNum}"]`).waitFor();
  await accessible(page, 'my trips');
  await first.shot('07-my-trips');

  step(`change seat ${pair[1]}`);
  await page.getByRole('link', { name: new RegExp(`Change seat ${pair[1]} `) }).click();
  await live(page);
  await seat(page, pair[1]).and(page.locator('.own')).waitFor();
  const [newSeat] = await freeSeats(page, 1);
  await seat(page, newSeat).click();
  await page.getByRole('button', { name: `Move to ${newSeat}` }).click();
  await page.getByRole('status').filter({ hasText: `your seat is now ${newSeat} on AA2532 instead of ${pair[1]}` }).waitFor();
  await first.shot('08-seat-changed');
  await page.goto('/trips');
  await page.locator(`.seats li[data-seat="${newSeat}"]`).waitFor();
  if (await page.locator(`.seats li[data-seat="${pair[1]}"]`).count() !== 0) throw new Error(`${pair[1]} is still in My trips`);

  step(`move seat ${newSeat} to the next day's flight`);
  await page.getByRole('link', { name: new RegExp(`Change flight for seat ${newSeat} `) }).click();
  await page.getByRole('heading', { name: `Find another flight for seat ${newSeat}` }).waitFor();
  await page.getByRole('link', { name: /Choose seats on AA2532/ }).click();
  await live(page);
  const [nextDaySeat] = await freeSeats(page, 1);
  await seat(page, nextDaySeat).click();
  await page.getByRole('button', { name: `Move to ${nextDaySeat}` }).click();
  await page.getByRole('status').filter({ hasText: `your seat is now ${nextDaySeat} on AA2532 instead of ${newSeat}` }).waitFor();
  await first.shot('09-flight-changed');
  await page.goto('/trips');
  await page.locator('.trip').nth(1).locator(`.seats li[data-seat="${nextDaySeat}"]`).waitFor();
  await page.locator('.trip').first().locator(`.seats li[data-seat="${newSeat}"]`).waitFor({ state: 'detached' });
  await first.shot('10-my-trips-two-flights');

  step(`cancel seat ${pair[0]}`);
  await page.locator('.my-trips[data-live="true"]').waitFor();
  await page.getByRole('button', { name: new RegExp(`Cancel seat ${pair[0]} `) }).click();
  await page.getByRole('status').filter({ hasText: `Seat ${pair[0]} on AA2532 is cancelled.` }).waitFor();
  await page.locator(`.seats li[data-seat="${pair[0]}"]`).waitFor({ state: 'detached' });
  await first.shot('11-cancelled');
}

async function liveSeatMap() {
  const watcher = await traveller('ada');
  const booker = await traveller('grace', { width: 1280, height: 900 });
  step('the first traveller opens a seat map');
  const seatMapUrl = await toSeatMap(watcher, 1);
  const [watched] = await freeSeats(watcher.page, 1);
  await seat(watcher.page, watched).and(watcher.page.locator('.available')).waitFor();
  await watcher.shot('01-watching');

  step(`a second traveller books ${watched} on the same flight`);
  await signUpAndIn(booker);
  await booker.page.goto(seatMapUrl);
  await live(booker.page);
  await seat(booker.page, watched).click();
  await booker.page.getByRole('button', { name: 'Hold 1 seat' }).click();
  await booker.page.getByRole('button', { name: 'Confirm booking' }).click();
  await booker.page.getByRole('status').filter({ hasText: `Booked: ${watched}` }).waitFor();
  await booker.shot('02-second-traveller-booked');

  step(`${watched} turns unavailable on the first traveller's open page`);
  const before = await watcher.page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + location.href);
  await seat(watcher.page, watched).and(watcher.page.locator('.taken[aria-disabled="true"]')).waitFor({ timeout: 15_000 });
  const after = await watcher.page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + location.href);
  if (before !== after) throw new Error('the page was reloaded');
  await watcher.shot('03-seat-turned-unavailable');
}

async function keyboard() {
  const t = await traveller('alan', { width: 1280, height: 900 });
  const { page } = t;
  await toSeatMap(t, 2);
  step('Tab reaches the seat map');
  await page.locator('h1').focus();
  let from = null;
  for (let presses = 0; presses < 40 && !from; presses++) {
    await page.keyboard.press('Tab');
    from = await page.evaluate(() => document.activeElement?.closest('.seat-map') ? document.activeElement.dataset.seat : null);
  }
  if (!from) throw new Error('Tab never reached a seat');

  step('arrow keys move between seats, Space picks two');
  const picked = [];
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
  while (picked.length < 2) {
    const here = await page.evaluate(() => document.activeElement.dataset.seat);
    if (!here) throw new Error('focus left the seat map');
    if (await seat(page, here).getAttribute('aria-disabled') !== 'true') {
      await page.keyboard.press('Space');
      await seat(page, here).and(page.locator('[aria-pressed="true"]')).waitFor();
      picked.push(here);
    }
    await page.keyboard.press('ArrowRight');
  }
  if (picked.includes(from)) throw new Error('the arrow keys did not move between seats');
  await page.getByRole('status').filter({ hasText: `${picked[1]} selected (2 of 2)` }).waitFor();
  await t.shot('01-picked-with-keyboard');

  step('Shift+Tab leaves the seat map for the Hold button; Enter holds, focus moves to Confirm, Enter books');
  await page.keyboard.press('Shift+Tab');
  const onButton = await page.evaluate(() => document.activeElement?.textContent.trim());
  if (onButton !== 'Hold 2 seats') throw new Error(`Shift+Tab from the seat map reached '${onButton}', not the Hold button`);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Confirm booking' }).and(page.locator(':focus')).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: `Booked: ${picked.join(' and ')}` }).waitFor();
  await t.shot('02-booked-with-keyboard');
  console.log(`keyboard: moved from ${from}, picked ${picked.join(' and ')} and booked them`);
}

const scenarios = { journey, 'live-seat-map': liveSeatMap, keyboard };
if (!scenarios[SCENARIO]) throw new Error(`SCENARIO must be one of ${Object.keys(scenarios).join(', ')}`);
try {
  step(`scenario ${SCENARIO}`);
  await scenarios[SCENARIO]();
} catch (error) {
  for (const context of browser.contexts()) {
    const [page] = context.pages();
    const index = browser.contexts().indexOf(context);
    await page?.screenshot({ path: join(ARTIFACTS, index === 0 ? 'failure.png' : `failure-${index + 1}.png`), fullPage: true }).catch(() => {});
  }
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
}
