import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read scores, findings, histories, team rollups and the CSV export. Every `GET` route of the
 * aigov backend requires it.
 *
 * @public
 */
export const aigovScoresReadPermission = createPermission({
  name: 'aigov.scores.read',
  attributes: { action: 'read' },
});

/**
 * Trigger a rescan: of every entity (`POST /refresh`) or of one (`POST /scores/…/refresh`).
 *
 * @public
 */
export const aigovScoresRefreshPermission = createPermission({
  name: 'aigov.scores.refresh',
  attributes: { action: 'update' },
});

/**
 * Every permission of the aigov plugins, for the permission registry and policies.
 *
 * @public
 */
export const aigovPermissions = [aigovScoresReadPermission, aigovScoresRefreshPermission];
