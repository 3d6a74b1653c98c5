import { demoCatalogEntities } from '@aigov/demo-cluster';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { AuthorizePermissionRequest } from '@backstage/plugin-permission-common';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startAigovTestBackend } from '../__testUtils__/backend';
import { withRelations } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';

const databases = createTestDatabases();
const entities = withRelations(demoCatalogEntities());

const READ_ROUTES = [
  '/api/aigov/scores',
  '/api/aigov/scores/component/default/chat-assistant',
  '/api/aigov/scores/component/default/chat-assistant/history',
  '/api/aigov/teams/default/ai-division',
  '/api/aigov/teams/default/ai-division/history',
  '/api/aigov/export.csv',
  '/api/aigov/status',
];
const REFRESH_ROUTES = [
  '/api/aigov/refresh',
  '/api/aigov/scores/component/default/chat-assistant/refresh',
];

describe('aigov permissions', () => {
  it('denies every route to a user without aigov.scores.read or aigov.scores.refresh', async () => {
    const backend = await startAigovTestBackend({
      entities,
      knex: await databases.init('SQLITE_3'),
      services: [mockServices.permissions.factory({ result: AuthorizeResult.DENY })],
    });
    for (const path of READ_ROUTES) {
      const res = await request(backend.server).get(path);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.error).toEqual({
        name: 'NotAllowedError',
        message: 'Permission aigov.scores.read is required',
      });
    }
    for (const path of REFRESH_ROUTES) {
      const res = await request(backend.server).post(path);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.error.message).toBe('Permission aigov.scores.refresh is required');
    }
  });

  it('asks for the permission each route needs, with the caller’s credentials', async () => {
    const authorize: PermissionsService['authorize'] = jest.fn(async (requests) =>
      requests.map((r: AuthorizePermissionRequest) => ({
        result:
          r.permission.name === 'aigov.scores.read' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })),
    );
    const backend = await startAigovTestBackend({
      entities,
      knex: await databases.init('SQLITE_3'),
      services: [mockServices.permissions.mock({ authorize }).factory],
    });
    const read = await request(backend.server)
      .get('/api/aigov/scores')
      .set('Authorization', mockCredentials.user.header('user:default/ada'));
    expect(read.status).toBe(200);
    expect(authorize).toHaveBeenLastCalledWith(
      [{ permission: expect.objectContaining({ name: 'aigov.scores.read', type: 'basic' }) }],
      { credentials: mockCredentials.user('user:default/ada') },
    );
    const refresh = await request(backend.server)
      .post('/api/aigov/refresh')
      .set('Authorization', mockCredentials.user.header('user:default/ada'));
    expect(refresh.status).toBe(403);
  });

  it('rejects requests without valid credentials before checking permissions', async () => {
    const backend = await startAigovTestBackend({
      entities,
      knex: await databases.init('SQLITE_3'),
    });
    const res = await request(backend.server)
      .get('/api/aigov/scores')
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });
});
