/**
 * The demo portal end to end, in a real browser: the Backstage backend (from source) serving the
 * production build of the app, the Kubernetes plugin reading the demo cluster (a fake Kubernetes
 * API on 127.0.0.1), the Prometheus proxy reading a real Prometheus that scrapes the DCGM
 * exporter fixture, and headless Chromium signed in as a guest.
 *
 * Screenshots of what it checks go to test/e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { DEMO_CATALOG, demoService } from '@aigov/demo-cluster';
import type {
  AigovEntityHistoryResponse,
  AigovEntityScoreDetail,
  AigovTeamRollup,
} from '@aigov/backstage-plugin-common';
import { gradeOf } from '@aigov/rules';
import { recordPageProblems, signInAsGuest } from './support/browser';
import { startEnvironment, type Environment, type StartedEnvironment } from './support/environment';
import { podUtilisationAt, UTIL_METRIC } from './support/gpu-expectations';
import { REPO_ROOT } from './support/portal';
import { waitFor } from './support/processes';

const SERVICE = demoService('chat-assistant');
const ENTITY_PATH = `/catalog/default/component/${SERVICE.name}`;
const SCREENSHOTS = path.join(REPO_ROOT, 'test', 'e2e', 'screenshots');
/** How long the page may take to show what it read (the app loads lazily on a 2-core machine). */
const UI_TIMEOUT_MS = 60_000;

let started: StartedEnvironment | undefined;
let page: Page;
let pageProblems: string[] = [];
let failed = false;
/** The score the tab showed, for the card to match. */
let tabScore: number | undefined;

function env(): Environment {
  if (!started) throw new Error('the environment did not start');
  return started.env;
}

/**
 * Runs a test body; on failure adds what the servers and the page said to the error and keeps
 * the temporary directory.
 */
function withDiagnostics(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      failed = true;
      if (error instanceof Error && started) {
        error.message += `\n\nPage problems:\n${pageProblems.join('\n') || '(none)'}\n\n${started.env.logs()}`;
      }
      throw error;
    }
  };
}

async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
}

/** The backend's latest score of the service (the scheduled task scans soon after start). */
async function backendScore(): Promise<AigovEntityScoreDetail> {
  return waitFor(
    () =>
      env()
        .portal.api<AigovEntityScoreDetail>(`/api/aigov/scores/component/default/${SERVICE.name}`)
        .catch(() => undefined),
    { what: `the aigov backend to score ${SERVICE.name}`, timeoutMs: 60_000, intervalMs: 1_000 },
  );
}

/** `Grade A, score 98 of 100` → 98 and A. */
async function readGradeBadge(badge: Locator): Promise<{ score: number; grade: string }> {
  const label = (await badge.getAttribute('aria-label')) ?? '';
  const match = /^Grade ([A-F]), score (\d+) of 100$/.exec(label);
  if (!match) throw new Error(`unexpected grade badge label: ${JSON.stringify(label)}`);
  return { grade: match[1] as string, score: Number(match[2]) };
}

/** The head of the AI Compliance tab: the live score, grade, counts and checks. */
function tabSummary(): Locator {
  return page.getByRole('group', { name: 'Score summary' });
}

function card(title: string): Locator {
  return page
    .locator('.bui-Card')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

beforeAll(async () => {
  started = await startEnvironment({ prometheusSamplesMs: 60_000, portalMs: 120_000 });
  page = await started.env.browser.newPage();
  pageProblems = recordPageProblems(page);
  await signInAsGuest(page, started.env.portal.url, UI_TIMEOUT_MS);
}, 240_000);

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await started?.stop({ keepFiles: failed });
}, 60_000);

test(
  'the AI Compliance tab shows the live score, grade and findings of a service',
  withDiagnostics(async () => {
    await page.goto(`${env().portal.url}${ENTITY_PATH}/aigov`);
    // The live summary (the stored history further down has grade badges of its own).
    const head = tabSummary();
    await head.getByText(/^\d+ of \d+ checks passed$/).waitFor({ timeout: UI_TIMEOUT_MS });
    const shown = await readGradeBadge(head.getByRole('img', { name: /^Grade [A-F], score/ }));
    tabScore = shown.score;
    expect(shown.score).toBeGreaterThanOrEqual(0);
    expect(shown.score).toBeLessThanOrEqual(100);
    expect(shown.grade).toBe(gradeOf(shown.score));

    // A finding the demo service is built to have, with its rule id, message and remediation.
    const known = page.locator('li[data-testid="finding"][data-rule="gpu/rolling-update-surge"]');
    await known.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await known.first().innerText();
    expect(text).toContain('gpu/rolling-update-surge');
    expect(text).toContain('Deployment "chat-assistant" requests GPUs and surges by maxSurge');
    expect(text).toContain('spec.strategy.rollingUpdate.maxSurge');

    await screenshot(page, 'aigov-tab');
  }),
);

test(
  'the tab (rules run in the browser) and the backend (scheduled scan) agree on the service',
  withDiagnostics(async () => {
    // Same rules core, same live objects: the same score and the same findings.
    await page.goto(`${env().portal.url}${ENTITY_PATH}/aigov`);
    const head = tabSummary();
    await head.waitFor({ timeout: UI_TIMEOUT_MS });
    const summary = head.getByRole('img', { name: /^Grade [A-F], score/ });
    await page.locator('li[data-testid="finding"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const shownRules = await page
      .locator('li[data-testid="finding"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule') ?? ''));
    const scored = await backendScore();
    const backendRules = scored.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    expect([...new Set(shownRules)].sort()).toEqual([...new Set(backendRules)].sort());
    expect((await readGradeBadge(summary)).score).toBe(scored.score);
  }),
);

test(
  'the overview cards show the score, the GPUs per pod and live utilisation from Prometheus',
  withDiagnostics(async () => {
    const utilisationAnswer = page.waitForResponse(
      (response: Response) =>
        response.url().includes('/api/proxy/prometheus/api/v1/query_range') &&
        decodeURIComponent(response.url()).includes(UTIL_METRIC) &&
        response.ok(),
      { timeout: UI_TIMEOUT_MS },
    );
    await page.goto(`${env().portal.url}${ENTITY_PATH}`);

    // The compliance card: the score of the tab and its worst findings.
    const compliance = card('AI compliance');
    const cardBadge = compliance.getByRole('img', { name: /^Grade [A-F], score \d+ of 100$/ });
    await cardBadge.first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect((await readGradeBadge(cardBadge.first())).score).toBe(tabScore);
    await expect(compliance.innerText()).resolves.toContain('gpu/rolling-update-surge');

    // The GPU card: one row per GPU pod of the service, with the GPUs its containers hold.
    const gpu = card('GPU usage');
    const rows = gpu.locator('tr[data-testid="gpu-pod"]');
    await waitFor(async () => ((await rows.count()) === SERVICE.pods ? true : undefined), {
      what: `${SERVICE.pods} GPU pod rows`,
      timeoutMs: UI_TIMEOUT_MS,
    });
    let gpus = 0;
    for (const text of await rows.allInnerTexts()) {
      const match = /(\d+) GPUs? · nvidia\.com\/gpu/.exec(text);
      if (!match) throw new Error(`no GPU count in the row: ${JSON.stringify(text)}`);
      gpus += Number(match[1]);
      expect(text).toMatch(/allocatable: 8 × nvidia\.com\/gpu/);
    }
    expect(gpus).toBe(SERVICE.gpus);

    // Live utilisation: what Prometheus answered the card, checked against the fixture's value
    // function at the scrape timestamps Prometheus recorded, and what the card shows.
    const answer = (await (await utilisationAnswer).json()) as {
      data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
    };
    expect(answer.data.result).toHaveLength(SERVICE.pods);
    const sparklines = gpu.getByRole('img', { name: /^GPU utilisation/ });
    await waitFor(async () => ((await sparklines.count()) === SERVICE.pods ? true : undefined), {
      what: 'a utilisation sparkline per pod',
      timeoutMs: UI_TIMEOUT_MS,
    });
    for (const series of answer.data.result) {
      const pod = series.metric.pod as string;
      const namespace = series.metric.namespace as string;
      const last = series.values[series.values.length - 1] as [number, string];
      const fixture = await podUtilisationAt(env().prometheus, namespace, pod, last[0]);
      // Prometheus stored what the exporter computed (±1: the exporter rounds at its own clock).
      expect(Math.abs(fixture.stored - fixture.expected)).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(last[1]) - fixture.expected)).toBeLessThanOrEqual(1);

      const row = rows.filter({ hasText: pod });
      const label =
        (await row.getByRole('img', { name: /^GPU utilisation/ }).getAttribute('aria-label')) ?? '';
      const now = /: now (\d+)%/.exec(label);
      if (!now) throw new Error(`no current utilisation in ${JSON.stringify(label)}`);
      expect(Number(now[1])).toBe(Math.round(Number(last[1])));
      expect(Math.abs(Number(now[1]) - fixture.expected)).toBeLessThanOrEqual(1.5);
      // A real Prometheus: nothing is labelled as demo data.
      expect(label).not.toMatch(/demo data/);
    }
    await expect(gpu.getByText('Demo data', { exact: true }).count()).resolves.toBe(0);

    await compliance.scrollIntoViewIfNeeded();
    await screenshot(compliance, 'aigov-card');
    await gpu.scrollIntoViewIfNeeded();
    await screenshot(gpu, 'gpu-usage-card');
  }),
);

test(
  'the scheduled scans give a team rollup over nested groups and a history of several scans',
  withDiagnostics(async () => {
    // The e2e config scans every few seconds: wait (bounded) for a second scan.
    const history = await waitFor(
      async () => {
        const answer = await env().portal.api<AigovEntityHistoryResponse>(
          `/api/aigov/scores/component/default/${SERVICE.name}/history`,
        );
        return answer.items.length >= 2 ? answer : undefined;
      },
      { what: 'two scheduled scans of the service', timeoutMs: 60_000, intervalMs: 1_000 },
    );
    const times = history.items.map((point) => Date.parse(point.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);

    // The division's rollup holds both teams (nested groups) and every demo service.
    const division = DEMO_CATALOG.division.name;
    const rollup = await env().portal.api<AigovTeamRollup>(`/api/aigov/teams/default/${division}`);
    expect(rollup.group.entityRef).toBe(`group:default/${division}`);
    expect(rollup.groups.map((group) => group.entityRef).sort()).toEqual(
      [division, ...DEMO_CATALOG.teams.map((team) => team.name)]
        .map((name) => `group:default/${name}`)
        .sort(),
    );
    expect(rollup.entities.map((entity) => entity.name).sort()).toEqual(
      DEMO_CATALOG.services.map((service) => service.name).sort(),
    );
    expect(rollup.score).not.toBeNull();
    expect(rollup.grade).toBe(gradeOf(rollup.score as number));
    const team = rollup.groups.find(
      (group) => group.entityRef === `group:default/${SERVICE.owner}`,
    );
    expect(team?.entities).toBe(
      DEMO_CATALOG.services.filter((service) => service.owner === SERVICE.owner).length,
    );
  }),
);

test(
  'the scorecard page ranks the teams and shows each service with its score and trend',
  withDiagnostics(async () => {
    // The previous test waited for two scans; the page reads the same backend.
    const division = DEMO_CATALOG.division.name;
    const rollup = await env().portal.api<AigovTeamRollup>(`/api/aigov/teams/default/${division}`);

    await page.goto(`${env().portal.url}/aigov`);
    const teams = page.getByRole('table', { name: 'Teams ranked by score' });
    await teams.waitFor({ timeout: UI_TIMEOUT_MS });
    // Every demo group ranks, best first, and the division's row shows its rollup's score.
    const ranked = await teams
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-team') ?? ''));
    expect([...ranked].sort()).toEqual(
      [division, ...DEMO_CATALOG.teams.map((team) => team.name)]
        .map((name) => `group:default/${name}`)
        .sort(),
    );
    const scores: number[] = [];
    for (const ref of ranked) {
      const badge = teams
        .locator(`tr[data-team="${ref}"]`)
        .getByRole('img', { name: /^Grade [A-F], score \d+ of 100$/ });
      scores.push((await readGradeBadge(badge)).score);
    }
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const divisionRow = teams.locator(`tr[data-team="group:default/${division}"]`);
    const divisionBadge = divisionRow.getByRole('img', { name: /^Grade [A-F], score/ });
    expect((await readGradeBadge(divisionBadge)).score).toBe(rollup.score);
    await expect(divisionRow.locator('td').nth(4).innerText()).resolves.toBe(
      String(DEMO_CATALOG.services.length),
    );

    // The services: every demo service, and the service's trend has the scans stored so far.
    const services = page.getByRole('table', { name: 'Services' });
    await services.waitFor({ timeout: UI_TIMEOUT_MS });
    const listed = await services
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-entity') ?? ''));
    expect([...listed].sort()).toEqual(
      DEMO_CATALOG.services.map((service) => `component:default/${service.name}`).sort(),
    );
    const trend = services
      .locator(`tr[data-entity="component:default/${SERVICE.name}"]`)
      .getByRole('img', { name: /^Score trend of / });
    await trend.waitFor({ timeout: UI_TIMEOUT_MS });
    const points = Number(await trend.getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(2);
    await expect(trend.getAttribute('aria-label')).resolves.toMatch(/: \d+ scans from /);

    // Picking a team narrows the services to its own.
    const team = DEMO_CATALOG.teams[0];
    if (!team) throw new Error('the demo catalog has no team');
    await teams.locator(`tr[data-team="group:default/${team.name}"] button`).click();
    await waitFor(
      async () => {
        const rows = await services.locator('tbody tr').count();
        const owned = DEMO_CATALOG.services.filter((s) => s.owner === team.name).length;
        return rows === owned ? true : undefined;
      },
      { what: `the services of ${team.name} only`, timeoutMs: UI_TIMEOUT_MS },
    );
    await teams.locator(`tr[data-team="group:default/${team.name}"] button`).click();
    await waitFor(
      async () =>
        (await services.locator('tbody tr').count()) === DEMO_CATALOG.services.length
          ? true
          : undefined,
      { what: 'all services again', timeoutMs: UI_TIMEOUT_MS },
    );
    // Everything read before the picture: every service's trend and the worst findings.
    await waitFor(
      async () =>
        (await services.getByRole('img', { name: /^Score trend of / }).count()) ===
        DEMO_CATALOG.services.length
          ? true
          : undefined,
      { what: 'a trend per service', timeoutMs: UI_TIMEOUT_MS },
    );
    await page
      .getByRole('list', { name: 'Worst findings' })
      .locator('li')
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'scorecard');

    // The entity tab shows the same history, drawn from the backend.
    await page.goto(`${env().portal.url}${ENTITY_PATH}/aigov`);
    const history = page.getByRole('region', { name: 'Score history' });
    await history.waitFor({ timeout: UI_TIMEOUT_MS });
    const chart = history.getByRole('img', { name: /^Score trend of / }).first();
    await chart.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
    await history.scrollIntoViewIfNeeded();
    await screenshot(history, 'aigov-tab-history');
  }),
);

// Last: it breaks the environment on purpose.
test(
  'a refused kind and Prometheus down are reported, and the rest still shows',
  withDiagnostics(async () => {
    env().cluster.setFailures([
      {
        path: /\/networkpolicies$/,
        status: 403,
        message:
          'networkpolicies.networking.k8s.io is forbidden: the service account cannot list them',
      },
    ]);
    await env().prometheus.stop();

    await page.goto(`${env().portal.url}${ENTITY_PATH}/aigov`);
    const warnings = page.getByLabel('Cluster warnings');
    await warnings.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect(warnings.innerText()).resolves.toMatch(/NetworkPolicy: .*HTTP 403/);
    // The score covers what was read, and says it is partial.
    await tabSummary().getByText('partial', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect(
      page.locator('li[data-testid="finding"][data-rule="gpu/rolling-update-surge"]').count(),
    ).resolves.toBe(1);
    await screenshot(page, 'aigov-tab-degraded');

    await page.goto(`${env().portal.url}${ENTITY_PATH}`);
    const gpu = card('GPU usage');
    await gpu.getByText('Live GPU usage is unavailable').waitFor({ timeout: UI_TIMEOUT_MS });
    await expect(gpu.locator('tr[data-testid="gpu-pod"]').count()).resolves.toBe(SERVICE.pods);
    await screenshot(gpu, 'gpu-usage-card-prometheus-down');
  }),
);
