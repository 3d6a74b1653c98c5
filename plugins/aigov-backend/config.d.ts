import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** The aigov backend plugin: scheduled scoring of every entity with Kubernetes annotations. */
  aigov?: {
    /**
     * When the scoring task runs. It runs on one backend replica at a time (global scope).
     * Default: `{ frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 1 } }`.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * Custom resource types read for each entity, beyond the Kubernetes plugin's default object
     * types, through its `POST /resources/custom/query`. Replaces the default list (network
     * policies, PDBs, PVCs, KEDA and Prometheus operator objects, and the AI workload custom
     * resources); `[]` reads only the default object types. `kind` lets rules that conclude
     * absence trust the list: give it.
     */
    customResources?: Array<{
      group: string;
      apiVersion: string;
      plural: string;
      kind?: string;
    }>;

    /** How many entities are read and scored at the same time. Default 4. */
    concurrency?: number;

    /** How long each request to the Kubernetes backend may take. Default 60 seconds. */
    requestTimeout?: HumanDuration | string;

    /** How long the score history is kept. The latest scan of each entity is always kept. */
    retention?: {
      /** Keep every scan for this long. Default `{ days: 1 }`. */
      all?: HumanDuration | string;
      /** Keep the last scan of every hour for this long. Default `{ days: 7 }`. */
      hourly?: HumanDuration | string;
      /** Keep the last scan of every day (UTC) for this long. Default `{ days: 365 }`. */
      daily?: HumanDuration | string;
    };

    /**
     * The rules configuration, written as in `.aigov.yaml` (`extends`, `rules`, `settings`,
     * `exemptions`). It is checked against the rules core's schema when the backend starts; a
     * mistake stops the backend with the key at fault.
     */
    rules?: {
      extends?: 'recommended' | 'strict' | 'all';
      rules?: { [ruleIdOrCategory: string]: string | Array<string | object> };
      settings?: { [name: string]: string | number | boolean | Array<string | number> };
      exemptions?: Array<{
        namespace?: string;
        kind?: string;
        name?: string;
        container?: string;
        rules: string[];
        reason: string;
      }>;
    };
  };
}
