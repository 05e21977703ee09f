import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COURSES,
  type CoursesData,
  CURRICULUM,
  type CurriculumData,
  TRAINING_IMPACT,
  type TrainingImpactData,
  UNIVERSITIES,
  type UniversitiesData,
} from '../../dashboard/src/queries.js';
import { startGateway } from '../../gateway/gateway.js';
import { loadConfig } from '../../subgraphs/shared/config.js';
import { createLogger } from '../../subgraphs/shared/logging.js';
import { useBrowser } from '../support/browser.js';
import { chart, openDashboard as openPage, settle, useToken } from '../support/dashboard-page.js';
import { as, NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

/**
 * The reference dashboard end to end: Chromium opens each page from the gateway, and what the charts
 * hold (read back from ECharts) is compared with the same GraphQL query sent to the API directly.
 */

const api = usePlatform();
const chromium = useBrowser();
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const stop of cleanup.reverse()) await stop();
});

const openDashboard = (page: Page, hash: string) => openPage(page, api.platform.gateway.url, hash);

describe('the reference dashboard', () => {
  it('is served by the gateway at /dashboard from its own origin, and DASHBOARD=off turns it off', async () => {
    const page = await fetch(new URL('/dashboard', api.platform.gateway.url), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await page.text();
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, api.platform.gateway.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // No CDN: the bundle imports nothing from another origin.
    expect(await asset.text()).not.toMatch(/\bimport\s*\(?\s*["'`](?:[a-z]+:)?\/\//i);
    expect((await fetch(new URL('/dashboard/../package.json', api.platform.gateway.url))).status).toBe(404);
    expect((await fetch(new URL('/dashboard/assets/nothing.js', api.platform.gateway.url))).status).toBe(404);

    expect(loadConfig({ DASHBOARD: 'off' }).gateway.dashboard).toBe(false);
    expect(loadConfig({}).gateway.dashboard).toBe(true);
    const { platform } = api;
    const gateway = await startGateway({
      subgraphUrls: Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url])),
      authenticator: platform.keys.authenticator,
      internalSigningKey: platform.keys.internalSigningKey,
      dashboard: false,
      processMetrics: false,
      logger: createLogger('test', { level: 'silent' }),
    });
    cleanup.push(() => gateway.stop());
    expect((await fetch(new URL('/dashboard/', gateway.url))).status).toBe(404);
    expect((await fetch(new URL(script!, gateway.url))).status).toBe(404);
  });

  it('region comparison: the forest plot, the ranks and the verdicts are those trainingImpact returns', async () => {
    const codes = ['12.71', '12.75', '93.01'];
    const expected = await api.query<TrainingImpactData, Record<string, unknown>>(TRAINING_IMPACT, {
      regionCodes: codes,
      year: 2025,
    });
    expect(expected.errors).toBeUndefined();
    const impact = expected.data!.trainingImpact;
    const withEffect = impact.regions.filter((region) => region.effect.perTenJp !== null);
    expect(withEffect.length).toBeGreaterThanOrEqual(2);

    const page = await chromium.open();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    expect(await openDashboard(page, `compare?regions=${codes.join(',')}&year=2025`)).not.toBe('ready');
    expect(await useToken(page, await tokenFor(NATIONAL_ADMIN))).toBe('ready');

    const forest = await chart(page, 'forest');
    expect(forest.yAxis[0]).toEqual(withEffect.map((region) => region.region?.name));
    expect(forest.series.map((series) => series.type)).toEqual(['custom', 'scatter']);
    expect(forest.series[0]!.data).toEqual(
      withEffect.map((region, i) => [region.effect.perTenJp!.lower, region.effect.perTenJp!.upper, i]),
    );
    expect(forest.series[1]!.data).toEqual(withEffect.map((region, i) => [region.effect.perTenJp!.estimate, i]));

    const ranks = await chart(page, 'ranks');
    const ranked = impact.ranking.filter((entry) => entry.rank !== null);
    expect(ranks.yAxis[0]).toEqual(ranked.map((entry) => entry.region?.name));
    expect(ranks.series[1]!.data).toEqual(ranked.map((entry, i) => [entry.rank, i]));
    expect(ranks.series[0]!.data).toEqual(
      ranked.map((entry, i) => [entry.rankInterval!.lower, entry.rankInterval!.upper, i]),
    );
    const rankRows = page.locator('[data-table=ranking] tbody tr');
    expect(await rankRows.count()).toBe(impact.ranking.length);
    for (const [i, entry] of impact.ranking.entries()) {
      const cells = await rankRows.nth(i).locator('td').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual([
        String(entry.rank),
        entry.region?.name,
        `${entry.rankInterval!.lower}-${entry.rankInterval!.upper}`,
      ]);
    }

    // Verdicts with their reasons, in Indonesian by default.
    const rows = page.locator('[data-table=verdicts] tbody tr');
    expect(await rows.count()).toBe(codes.length);
    const verdictLabels: Record<string, string> = {
      EXPAND: 'Perluas program',
      NO_EFFECT: 'Tidak berdampak: tinjau metode',
      INCONCLUSIVE: 'Belum dapat disimpulkan',
      INSUFFICIENT_DATA: 'Data tidak cukup',
      NO_DATA: 'Tidak ada data',
    };
    for (const [i, region] of impact.regions.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-verdict')).toBe(region.verdict);
      expect(await row.locator('.verdict').innerText()).toBe(verdictLabels[region.verdict]);
      expect(await row.locator('.reason').innerText()).toBe(region.verdictReason);
    }
    expect(await page.locator('nav a.active').innerText()).toBe('Perbandingan wilayah');
    await chromium.screenshot(page, 'dashboard-compare', true);

    // English on request; the choice survives a reload.
    await page.click('[data-action=language]');
    expect(await settle(page)).toBe('ready');
    expect(await page.locator('nav a.active').innerText()).toBe('Region comparison');
    expect(await page.locator('h2').innerText()).toBe('Region comparison');
    const englishVerdict = await rows.first().locator('.verdict').innerText();
    expect(englishVerdict).toBe(
      { EXPAND: 'Expand the programme', NO_EFFECT: 'No effect: review its method', INCONCLUSIVE: 'Inconclusive' }[
        impact.regions[0]!.verdict
      ] ?? englishVerdict,
    );
    await page.reload();
    expect(await settle(page)).toBe('ready');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.click('[data-action=language]');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');

    // Offline: every request the page made went to the gateway's own origin.
    const origin = new URL(api.platform.gateway.url).origin;
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(chromium.problems).toEqual([]);
    await page.close();
  });

  it('shows a refused field, a missing sign-in, a network failure and a partial answer as clear messages', async () => {
    const page = await chromium.open();
    await openDashboard(page, 'compare?regions=12.71,12.75&year=2025');
    // A planner of Medan asking about Binjai: the API refuses the field, naming the region.
    const planner = as('planner', ['12.71']);
    const refused = await api.query(TRAINING_IMPACT, { regionCodes: ['12.71', '12.75'], year: 2025 }, planner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await useToken(page, await tokenFor(planner))).toBe('error');
    const forbidden = page.locator('.status.error-forbidden');
    expect(await forbidden.innerText()).toContain('Akses ditolak');
    expect(await forbidden.innerText()).toContain(refused.errors![0]!.message);
    await chromium.screenshot(page, 'dashboard-error-forbidden');

    // No token at all: sign in first.
    expect(await useToken(page, '')).toBe('error');
    expect(await page.locator('.status.error-unauthenticated').innerText()).toContain('Perlu masuk');

    // The network fails: the page says so (and recovers when it is back).
    await useToken(page, await tokenFor(NATIONAL_ADMIN));
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.click('form.controls button[type=submit]');
    expect(await settle(page)).toBe('error');
    expect(await page.locator('.status.error-network').innerText()).toContain('Tidak dapat menghubungi server API');
    await chromium.screenshot(page, 'dashboard-error-network');
    await page.unroute('**/graphql');
    await page.click('form.controls button[type=submit]');
    expect(await settle(page)).toBe('ready');

    // A code that names no region: its error entry is shown above the regions that did arrive.
    const partial = await api.query<TrainingImpactData, Record<string, unknown>>(TRAINING_IMPACT, {
      regionCodes: ['12.71', '99.99'],
      year: 2025,
    });
    expect(partial.data?.trainingImpact.regions).toHaveLength(2);
    expect(partial.errors?.length).toBeGreaterThan(0);
    await page.fill('form.controls input', '12.71, 99.99');
    await page.click('form.controls button[type=submit]');
    expect(await settle(page)).toBe('ready');
    const notice = await page.locator('.status.partial').innerText();
    expect(notice).toContain('Sebagian data tidak tersedia');
    for (const error of partial.errors!) expect(notice).toContain(error.message);
    expect(await page.locator('[data-table=verdicts] tbody tr').count()).toBe(2);
    await page.close();
  });

  it("curriculum: a partner university's courses, versions, modules and outcomes by competency, without a token", async () => {
    // A second version of one of UNIMED's courses, published as the README shows (this project's own database).
    const universities = await api.query<UniversitiesData, Record<string, unknown>>(UNIVERSITIES, {}, 'anonymous');
    const unimed = universities.data!.universities.nodes.find((university) => university.code === 'UNIMED')!;
    const courses = await api.query<CoursesData, Record<string, unknown>>(COURSES, { universityId: unimed.id });
    expect(courses.errors).toBeUndefined();
    const course = courses.data!.courses.nodes[0]!;
    const before = await api.query<CurriculumData, Record<string, unknown>>(CURRICULUM, { courseId: course.id });
    const competencies = before.data!.course!.curriculumVersions.nodes.flatMap((v) =>
      v.learningOutcomes.map((o) => o.competency.code),
    );
    const published = await api.query(
      `mutation ($code: String!, $input: PublishCurriculumVersionInput!) {
        publishCurriculumVersion(courseCode: $code, input: $input) { version current }
      }`,
      {
        code: course.code,
        input: {
          note: 'Versi 2: praktik diperpanjang',
          modules: [
            {
              seq: 1,
              title: 'Asesmen Diagnostik',
              jp: course.jp - 12, // module JP add up to the course JP
              outcomes: [
                { statement: 'Peserta melakukan asesmen diagnostik', competencyCode: competencies[0], targetLevel: 3 },
              ],
            },
            {
              seq: 2,
              title: 'Praktik dan Refleksi',
              jp: 12,
              outcomes: [
                { statement: 'Peserta merefleksikan praktik', competencyCode: competencies[0], targetLevel: 4 },
                { statement: 'Peserta bekerja sama dengan rekan', competencyCode: competencies.at(-1), targetLevel: 2 },
              ],
            },
          ],
        },
      },
      as('partner-university', 'UNIMED'),
    );
    expect(published.errors).toBeUndefined();
    const expected = await api.query<CurriculumData, Record<string, unknown>>(
      CURRICULUM,
      { courseId: course.id },
      'anonymous',
    );
    expect(expected.errors).toBeUndefined();
    const versions = expected.data!.course!.curriculumVersions.nodes;
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [1, false],
      [2, true],
    ]);

    const page = await chromium.open();
    await openDashboard(page, 'compare');
    await useToken(page, ''); // public data: no token
    expect(await openDashboard(page, 'curriculum?university=UNIMED')).toBe('ready');
    expect(await page.locator('[data-control=course] option').count()).toBe(courses.data!.courses.nodes.length);
    await page.selectOption('[data-control=course]', String(course.id));
    await page.locator('.course-detail[data-state=ready]').waitFor();
    expect(
      (await page.locator('[data-control=version] option').allInnerTexts()).map((text) => text.split(' - ')[0]),
    ).toEqual(['v1', 'v2 (berlaku)']);
    expect(await page.inputValue('[data-control=version]')).toBe('2');

    /** The heatmap holds one cell per (competency, module) of the version, at the highest target level. */
    const expectHeatmap = async (version: (typeof versions)[number]) => {
      const heatmap = await chart(page, 'curriculum');
      const columns = heatmap.xAxis[0] as string[]; // category axes hold the labels
      const rows = heatmap.yAxis[0] as string[]; // category axes hold the labels
      expect(rows.slice(0, version.modules.length)).toEqual(version.modules.map((m) => `${m.seq}. ${m.title}`));
      expect(new Set(columns)).toEqual(new Set(version.learningOutcomes.map((o) => o.competency.code)));
      const levels = new Map<string, number>();
      for (const outcome of version.learningOutcomes) {
        const module = version.modules.find((m) => m.id === outcome.moduleId);
        const row = module ? rows.indexOf(`${module.seq}. ${module.title}`) : rows.length - 1;
        const key = `${columns.indexOf(outcome.competency.code)},${row}`;
        levels.set(key, Math.max(levels.get(key) ?? 0, outcome.targetLevel));
      }
      const cells = heatmap.series[0]!.data as [number, number, number][]; // heatmap data: [column, row, level]
      expect(new Map(cells.map(([x, y, level]) => [`${x},${y}`, level]))).toEqual(levels);
      expect(cells).toHaveLength(levels.size);
      // The table lists every outcome with its competency and level.
      const statements = await page.locator('[data-table=modules] tbody td').allInnerTexts();
      for (const outcome of version.learningOutcomes) expect(statements).toContain(outcome.statement);
    };
    await expectHeatmap(versions[1]!);
    expect(await page.locator('.version-note').innerText()).toContain('Versi 2: praktik diperpanjang');
    await page.selectOption('[data-control=version]', '1');
    await expectHeatmap(versions[0]!);
    expect(await page.locator('.version-note').innerText()).toContain(versions[0]!.note);
    await chromium.screenshot(page, 'dashboard-curriculum', true);
    expect(chromium.problems).toEqual([]);
    await page.close();
  });
});
