/*
 * The aigov demo portal's backend: the standard Backstage plugins the aigov plugins build on
 * (catalog, Kubernetes, proxy for Prometheus, guest sign-in, permissions) and the aigov backend
 * plugin. Configuration lives in app-config.yaml at the repository root; `npm start` adds the
 * demo cluster's address on top of it.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend (packages/app/dist) when it exists, and injects its config.
backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guests only. The demo has no identity provider.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The catalog reads the demo teams, people and services from catalog-info files.
backend.add(import('@backstage/plugin-catalog-backend'));

// Reads the objects of each service from the (demo) cluster for the Kubernetes and aigov tabs.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Everything is allowed in the demo; a real portal installs its own policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));

// Scores every service on a schedule, keeps their history and serves team rollups.
backend.add(import('@aigov/backstage-plugin-backend'));

backend.start();
