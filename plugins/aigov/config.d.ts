export interface Config {
  /** Configuration of the aigov plugins. */
  aigov?: {
    /**
     * Seconds between refreshes of the live views (the "AI Compliance" tab and both cards).
     * 0 turns refreshing off. Default 60.
     * @visibility frontend
     */
    refreshIntervalSeconds?: number;

    kubernetes?: {
      /**
       * Custom resources the live views fetch with the Kubernetes plugin besides its own
       * objects, and evaluate. Replaces the default list: KServe InferenceService, Ray
       * RayCluster/RayService/RayJob, Kubeflow PyTorchJob and TrainJob, LeaderWorkerSet,
       * JobSet, PodDisruptionBudget, NetworkPolicy, PersistentVolumeClaim, ServiceMonitor,
       * PodMonitor, PrometheusRule and KEDA ScaledObject (the aigov backend's default too). The
       * Kubernetes backend's service account must be allowed to list them.
       * @visibility frontend
       */
      customResources?: Array<{
        /**
         * API group, e.g. `serving.kserve.io`; `""` is not allowed in config, so core types
         * cannot be listed here (the Kubernetes plugin fetches them).
         * @visibility frontend
         */
        group: string;
        /**
         * Version in the group, e.g. `v1beta1`.
         * @visibility frontend
         */
        apiVersion: string;
        /**
         * Plural resource name, e.g. `inferenceservices`.
         * @visibility frontend
         */
        plural: string;
        /**
         * Kind of the objects, e.g. `InferenceService`.
         * @visibility frontend
         */
        kind: string;
      }>;
    };

    gpu?: {
      /**
       * A pod holding GPUs whose utilisation stays under this percentage for the whole
       * window is highlighted as idle. Default 5.
       * @visibility frontend
       */
      idleThresholdPercent?: number;

      /** Live GPU usage (DCGM exporter metrics) from Prometheus through the Backstage proxy. */
      prometheus?: {
        /**
         * Set to false to show the GPU allocation only. Default true.
         * @visibility frontend
         */
        enabled?: boolean;
        /**
         * Path of the Prometheus endpoint under the proxy backend (`/api/proxy`): queries go
         * to `/api/proxy<proxyPath>/api/v1/query_range`. Default `/prometheus`.
         * @visibility frontend
         */
        proxyPath?: string;
        /**
         * Window of the sparklines and of the idle check, in minutes. Default 60.
         * @visibility frontend
         */
        rangeMinutes?: number;
        /**
         * Resolution of the series, in seconds. Default: the window divided by 60.
         * @visibility frontend
         */
        stepSeconds?: number;
        /** Labels that name the workload pod in DCGM series. */
        labels?: {
          /**
           * Default `pod` (the exporter sets it, or `honor_labels: true`).
           * @visibility frontend
           */
          pod?: string;
          /**
           * Default `namespace`.
           * @visibility frontend
           */
          namespace?: string;
          /**
           * The pod label renamed by Prometheus when the scrape target has its own. Default
           * `exported_pod`.
           * @visibility frontend
           */
          exportedPod?: string;
          /**
           * Default `exported_namespace`.
           * @visibility frontend
           */
          exportedNamespace?: string;
          /**
           * Label naming the cluster, for a Prometheus shared by clusters (Thanos, Mimir); the
           * queries then also match the pod's cluster. Default: none.
           * @visibility frontend
           */
          cluster?: string;
        };
      };
    };
  };
}
