import { defineRule } from '../../engine/rule';
import type { PodTemplate, Workload } from '../../bundle/workload';
import type { Facts } from '../../engine/facts';
import { KSERVE_SCRAPE_ANNOTATION, SCRAPE_ANNOTATION, annotationPath, scrapeIndex } from './scrape';

/** The template to report on: the first one with GPUs, else the first one (a model server). */
function primaryTemplate(workload: Workload, facts: Facts): PodTemplate | undefined {
  const own = workload.templates.filter((t) => t.ownsPodSpec);
  return own.find((t) => facts.isGpuTemplate(t)) ?? own[0];
}

export default defineRule({
  meta: {
    id: 'monitoring/metrics-not-scraped',
    category: 'monitoring',
    severity: 'warning',
    tags: ['gpu', 'observability'],
    description:
      'An inference server or GPU workload with no Prometheus scrape annotations, ServiceMonitor or PodMonitor selecting it (only when the set is complete).',
    rationale:
      'Model servers export the numbers that matter for running them: queue depth, time to first token, KV-cache ' +
      'use, tokens per second. Without a scrape nobody sees a saturated or stalled server until users complain, ' +
      'and autoscalers on those metrics have nothing to read. GPU jobs without metrics hide idle, expensive GPUs. ' +
      'A workload counts as scraped when any of its pods carries `prometheus.io/scrape: "true"` (or KServe\'s ' +
      '`serving.kserve.io/enable-prometheus-scraping`), a Service with that annotation selects it, or a ' +
      'ServiceMonitor, PodMonitor, PodMonitoring/ClusterPodMonitoring (Google Managed Prometheus) or ' +
      'VMPodScrape/VMServiceScrape (VictoriaMetrics) selects it, including through the Services that KubeRay, ' +
      'KServe and LeaderWorkerSet create. Runs only when the scanned set is complete.',
    remediation:
      'Add a PodMonitor or a ServiceMonitor that selects the pods (or their Service) on the metrics port, or the ' +
      'annotations `prometheus.io/scrape: "true"`, `prometheus.io/port` and `prometheus.io/path` on the pod ' +
      'template if your Prometheus uses annotation-based discovery.',
    requiresComplete: true,
    completeKinds: ['Service', 'ServiceMonitor', 'PodMonitor'],
    messages: {
      notScraped:
        '{{what}} {{kind}} "{{name}}" is not scraped: no prometheus.io/scrape annotation on its pods or Service, and no ServiceMonitor or PodMonitor selects it.',
    },
  },
  check(ctx) {
    const scraped = scrapeIndex(ctx.bundle).scrapedTemplates();
    for (const workload of ctx.bundle.workloads) {
      const server = ctx.facts.isInferenceServer(workload);
      if (!server && !ctx.facts.isGpuWorkload(workload)) continue;
      const template = primaryTemplate(workload, ctx.facts);
      if (!template) continue;
      const reporter = ctx.on(template);
      if (workload.templates.some((t) => scraped.has(t))) continue;
      const m = workload.manifest;
      const key = m.kind === 'InferenceService' ? KSERVE_SCRAPE_ANNOTATION : SCRAPE_ANNOTATION;
      reporter.report('notScraped', annotationPath(template, key), {
        what: server ? 'Inference server' : 'GPU workload',
        kind: m.kind,
        name: m.name,
      });
    }
  },
});
