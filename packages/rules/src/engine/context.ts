import type { Bundle } from '../bundle/bundle';
import type { ContainerRef, PodTemplate, Workload } from '../bundle/workload';
import type { Manifest, Path, Severity } from '../model';
import type { Facts } from './facts';
import type { Settings } from './settings';

export type MessageData = Readonly<Record<string, string | number>>;

export interface ReportOptions {
  /**
   * A severity for this finding instead of the rule's default (for example an error on GPU
   * workloads). Ignored when the configuration sets the rule's severity.
   */
  severity?: Severity;
}

/** Reports findings on one subject: an object, or one container of it. */
export interface Reporter<MessageId extends string> {
  /**
   * Reports a problem at `path` inside the object. For a missing field give the field's full
   * path: the engine points at the nearest key that exists.
   */
  report(messageId: MessageId, path: Path, data?: MessageData, options?: ReportOptions): void;
}

/** One container of one pod template of one workload. */
export interface ContainerSubject {
  container: ContainerRef;
  template: PodTemplate;
  workload: Workload;
  manifest: Manifest;
}

export interface RuleContext<MessageId extends string> {
  readonly bundle: Bundle;
  readonly settings: Settings;
  readonly facts: Facts;
  /** The rule's options, defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Every container of every pod template; `init: false` leaves init containers out. */
  containers(filter?: { init?: boolean }): Iterable<ContainerSubject>;
  /**
   * Declares that the rule applies to a subject and returns its reporter. A subject with no
   * report counts as a pass in the scores.
   */
  on(target: Manifest | PodTemplate, container?: ContainerRef): Reporter<MessageId>;
}
