import type { JsonObject, Manifest, Path } from '../model';

/** What a workload does with its pods: serve until stopped, or run to completion. */
export type WorkloadClass = 'service' | 'batch';

export interface ContainerRef {
  name: string;
  /** Path of the container inside the object. */
  path: Path;
  value: JsonObject;
  init: boolean;
  /** Path of the container's resources (`resourcesPerNode` on a TrainJob trainer). */
  resourcesPath: Path;
  /** The index among the containers (or init containers) of its pod spec; -1 when synthetic. */
  index: number;
}

export interface PodTemplate {
  readonly workload: Workload;
  /** Which of the workload's pod templates: `predictor`, `head`, `worker:gpu-group`, `Worker`… */
  readonly role: string | undefined;
  /** Path of the pod spec inside the object. */
  readonly specPath: Path;
  readonly spec: JsonObject;
  /** Path of the pod template's metadata, when it has one. */
  readonly metadataPath: Path | undefined;
  /** Labels of the pods this template creates (including labels operators add). */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Pods created from this template per copy of the workload; undefined when not known. */
  readonly replicas: number | undefined;
  readonly containers: readonly ContainerRef[];
  /**
   * False when the pod-level fields live in another object (a TrainJob's runtime): pod-spec
   * rules skip the template, container rules still run.
   */
  readonly ownsPodSpec: boolean;
}

export interface Workload {
  readonly manifest: Manifest;
  readonly class: WorkloadClass;
  /** A training run: Kubeflow training jobs, TrainJob, RayJob. A GPU Job is decided by the facts. */
  readonly training: boolean;
  /** A serving kind by definition (InferenceService, RayService). */
  readonly serving: boolean;
  /** spec.replicas (defaulted) for kinds that have it. */
  readonly replicas: number | undefined;
  /** Path of the replicas field for kinds that have it. */
  readonly replicasPath: Path | undefined;
  readonly templates: readonly PodTemplate[];
}
