// Kubernetes API server
export { startDemoCluster } from './server/start';
export type { DemoCluster, DemoClusterOptions } from './server/start';
export type { FailureRule } from './server/failures';
export type { RegistryOptions } from './server/registry';
export type { ResourceType } from './server/resources';
export {
  BUILT_IN_RESOURCES,
  KNOWN_CUSTOM_RESOURCES,
  METRICS_RESOURCES,
  pluralOf,
} from './server/resources';
export { parseLabelSelector, matchesLabels, SelectorError } from './server/label-selector';
export type { LabelRequirement, LabelOperator } from './server/label-selector';
export { parseFieldSelector } from './server/field-selector';
export type { FieldRequirement } from './server/field-selector';
export type { KubeStatus } from './server/status';
export { VERSION_INFO } from './server/discovery';

// Demo data
export { demoObjects } from './demo/objects';
export { DEMO_CATALOG, DEMO_CUSTOM_RESOURCES, demoService } from './demo/catalog';
export type { DemoCatalog, DemoGroup, DemoService, DemoSystem, DemoUser } from './demo/catalog';
export { demoCatalogEntities, demoCatalogYaml } from './demo/entities';
export type { CatalogEntity, CatalogEntityOptions } from './demo/entities';

// GPU metrics
export { startDcgmExporter } from './dcgm/exporter';
export type { DcgmExporter, DcgmExporterOptions } from './dcgm/exporter';
export { gpuAllocations } from './dcgm/gpu-allocation';
export { KUBERNETES_ID_LABEL } from './util/kubernetes-id';
export type { GpuAllocation, GpuDevice } from './dcgm/gpu-allocation';
export {
  DCGM_METRICS,
  DEFAULT_USAGE_PROFILE,
  FB_TOTAL_MIB,
  USAGE_PROFILES,
  gpuMetricValue,
  gpuPhase,
} from './dcgm/gpu-usage';
export type { DcgmMetric, DcgmMetricName, UsageProfile } from './dcgm/gpu-usage';
export { renderDcgmMetrics, dcgmLabels, DRIVER_VERSION } from './dcgm/exposition';

// Demo Prometheus
export { parsePromQL, PromQLError } from './prometheus/promql';
export type { PromQLExpr, LabelMatcher, AggregationOperator } from './prometheus/promql';
export { DEMO_DATA_HEADER } from './prometheus/api';

// Shared types
export type { RecordedRequest } from './util/http';
export type { JsonObject, JsonValue, KubeObject, ObjectMeta, OwnerReference } from './util/json';
