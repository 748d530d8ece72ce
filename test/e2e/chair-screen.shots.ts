import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openChairScreen, test, type AppUnderTest } from './fixtures';
import { seedReview } from './seed-review';

/**
 * The README's pictures of the chair's screen during a review of two children and six agencies:
 * everyone invited and attended, the first child's views entered. At 1280×720, at 320 CSS pixels
 * wide, and at 200% zoom of a 1280×720 window (640×360 CSS pixels at twice the density).
 */
const OUT = resolve(__dirname, '../../docs/screenshots');

async function seedMidConference(app: AppUnderTest): Promise<{ reviewId: number; firstChildId: number }> {
  const { reviewId, children, agencies } = await seedReview(app);
  const r = app.register;
  await r.live.inviteMany(
    reviewId,
    agencies.map((a) => a.id),
  );
  await r.live.markAllAttended(reviewId);
  const [first] = children;
  if (!first) throw new Error('The seeded review has no children');
  await r.live.setAllViews({ conferenceId: reviewId, childId: first.id, view: 'plan' });
  return { reviewId, firstChildId: first.id };
}

/**
 * The first child's step. Wide, the window's first screen as the chair opens it; narrow or zoomed,
 * scrolled to the views (the header and the step list are above), with the compact quoracy and
 * outcome bar at the foot of the window.
 */
async function shoot(page: Page, app: AppUnderTest, name: string, scrollToViews: boolean): Promise<void> {
  const { reviewId, firstChildId } = await seedMidConference(app);
  await openChairScreen(page, app, reviewId, firstChildId);
  const firstView = page.getByTestId(/^view-row-/).first();
  await expect(firstView).toBeVisible();
  if (scrollToViews) await firstView.evaluate((row) => row.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${OUT}/${name}.png`, animations: 'disabled' });
}

test.describe('at 1280×720', () => {
  test('the chair’s screen', async ({ app, page }) => {
    await shoot(page, app, 'chair-screen-1280', false);
  });
});

test.describe('at 320 CSS pixels wide', () => {
  test.use({ viewport: { width: 320, height: 720 } });
  test('the chair’s screen', async ({ app, page }) => {
    await shoot(page, app, 'chair-screen-320', true);
  });
});

test.describe('at 200% zoom of a 1280×720 window', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  test('the chair’s screen', async ({ app, page }) => {
    await shoot(page, app, 'chair-screen-200', true);
  });
});
