import type { Rule } from '../../engine/rule';
import dcgmMetricUnknown from './dcgm-metric-unknown';
import gpuAlertsMissing from './gpu-alerts-missing';
import metricsNotScraped from './metrics-not-scraped';
import scrapePortMismatch from './scrape-port-mismatch';
import serviceMonitorDangling from './service-monitor-dangling';

export const monitoringRules: Rule[] = [
  metricsNotScraped,
  scrapePortMismatch,
  serviceMonitorDangling,
  dcgmMetricUnknown,
  gpuAlertsMissing,
];
