import type {
  AigovEntityScore,
  AigovFinding,
  AigovGrade,
  AigovHistoryPoint,
  AigovSeverity,
} from '@aigov/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import type { FakeAigovData, FakeGroup } from './FakeAigovBackend';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function gradeOf(score: number): AigovGrade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

/** A stored score, as `GET /scores` answers it. */
export function entityScore(
  name: string,
  score: number,
  options: Partial<AigovEntityScore> = {},
): AigovEntityScore {
  const kind = options.kind ?? 'Component';
  const namespace = options.namespace ?? 'default';
  return {
    entityRef: `${kind}:${namespace}/${name}`.toLowerCase(),
    kind,
    namespace,
    name,
    score,
    grade: gradeOf(score),
    status: 'ok',
    categories: { gpu: { score, grade: gradeOf(score) } },
    counts: { error: 0, warning: 0, info: 0, suppressed: 0 },
    checks: 40,
    failed: 0,
    objects: 3,
    scannedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    ...options,
  };
}

/** Scans ending now, one every `stepMs`, with these scores. */
export function history(scores: number[], stepMs = DAY): AigovHistoryPoint[] {
  const now = Date.now() - 10 * 60_000;
  return scores.map((score, i) => ({
    time: new Date(now - (scores.length - 1 - i) * stepMs).toISOString(),
    score,
    grade: gradeOf(score),
    status: 'ok',
    categories: {},
    counts: { error: 0, warning: 0, info: 0, suppressed: 0 },
    checks: 40,
    failed: Math.round((100 - score) / 5),
    objects: 3,
  }));
}

export function finding(
  ruleId: string,
  severity: AigovSeverity,
  message: string,
  object: { kind: string; name: string },
  extra: Partial<AigovFinding> = {},
): AigovFinding {
  const category = ruleId.split('/')[0] as AigovFinding['category'];
  return {
    ruleId,
    messageId: 'default',
    severity,
    category,
    message,
    remediation: `Fix ${ruleId}.`,
    docsUrl: `https://github.com/aigov-dev/aigov/blob/main/docs/rules/${ruleId}.md`,
    object: { apiVersion: 'apps/v1', namespace: 'ml', ...object },
    cluster: 'gpu-east',
    path: 'spec',
    fingerprint: `${ruleId}|${object.name}|${message}`,
    ...extra,
  };
}

export const GROUPS: FakeGroup[] = [
  { entityRef: 'group:default/ai-division', title: 'AI Division' },
  {
    entityRef: 'group:default/ml-platform',
    title: 'ML Platform',
    parent: 'group:default/ai-division',
  },
  { entityRef: 'group:default/research', title: 'Research', parent: 'group:default/ai-division' },
];

/**
 * Two teams under a division, six services (one owned by a user, not a team). Team scores
 * in the fake are means: ML Platform 82 (B), AI Division 73 (C), Research 59 (F).
 */
export function scorecardData(): FakeAigovData {
  const ml = 'group:default/ml-platform';
  const research = 'group:default/research';
  const chat = entityScore('chat-assistant', 74, {
    title: 'Chat assistant',
    owner: ml,
    counts: { error: 2, warning: 9, info: 8, suppressed: 1 },
    failed: 19,
  });
  return {
    groups: GROUPS,
    scores: [
      chat,
      entityScore('model-gateway', 81, { title: 'Model gateway', owner: ml }),
      entityScore('embeddings', 93, { title: 'Embeddings', owner: ml }),
      entityScore('llm-finetune', 55, {
        title: 'LLM fine-tuning',
        owner: research,
        status: 'partial',
        counts: { error: 4, warning: 3, info: 0, suppressed: 0 },
      }),
      entityScore('gpu-notebook', 63, {
        kind: 'Resource',
        title: 'GPU notebook',
        owner: research,
        counts: { error: 1, warning: 2, info: 1, suppressed: 0 },
        lastError: {
          message: 'The Kubernetes backend did not answer within 60000 ms',
          at: new Date(Date.now() - 5 * 60_000).toISOString(),
        },
      }),
      entityScore('rag-indexer', 88, { title: 'RAG indexer', owner: 'user:default/jane' }),
    ],
    details: {
      'component:default/chat-assistant': {
        findings: [
          finding('gpu/shm-missing', 'warning', 'No /dev/shm volume for vLLM', {
            kind: 'Deployment',
            name: 'chat-assistant',
          }),
          finding('security/network-policy-missing', 'error', 'No NetworkPolicy selects chat', {
            kind: 'Deployment',
            name: 'chat-assistant',
          }),
          finding(
            'resources/limits-missing',
            'info',
            'Suppressed limit finding',
            { kind: 'Deployment', name: 'chat-assistant' },
            { suppressed: { kind: 'annotation', reason: 'known' } },
          ),
        ],
        clusters: [{ name: 'gpu-east', objects: 3 }],
        clusterErrors: [],
        completeKinds: ['Deployment'],
      },
      'component:default/llm-finetune': {
        findings: [
          finding('reliability/pdb-missing', 'warning', 'No PodDisruptionBudget for finetune', {
            kind: 'PyTorchJob',
            name: 'llm-finetune',
          }),
          finding(
            'gpu/limits-missing',
            'error',
            'GPU requested without a limit',
            { kind: 'PyTorchJob', name: 'llm-finetune' },
            {
              container: 'pytorch',
              path: 'spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resources.limits',
            },
          ),
        ],
        clusters: [{ name: 'gpu-east', objects: 2 }],
        clusterErrors: [],
        completeKinds: [],
      },
    },
    histories: {
      'component:default/chat-assistant': history([61, 66, 70, 72, 74]),
      'component:default/model-gateway': history([79, 81]),
      'component:default/embeddings': history([93]),
      'component:default/llm-finetune': history([62, 58, 55]),
      'resource:default/gpu-notebook': history([63]),
      'component:default/rag-indexer': history([88]),
    },
    teamHistories: {
      'group:default/ai-division': [
        { date: '2025-11-26', score: 68, grade: 'D', entities: 5 },
        { date: '2025-11-27', score: 71, grade: 'C', entities: 5 },
        { date: '2025-11-28', score: 73, grade: 'C', entities: 5 },
      ],
      'group:default/ml-platform': [
        { date: '2025-11-27', score: 78, grade: 'C', entities: 3 },
        { date: '2025-11-28', score: 82, grade: 'B', entities: 3 },
      ],
    },
    lastRun: {
      id: 7,
      startedAt: new Date(Date.now() - 12 * 60_000).toISOString(),
      finishedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      entities: 6,
      scored: 6,
      partial: 1,
      failed: 0,
    },
  };
}

/** The catalog's Group entities for {@link GROUPS}, with their `childOf`/`parentOf` relations. */
export function groupEntities(groups: FakeGroup[] = GROUPS): Entity[] {
  const nameOf = (ref: string) => ref.split('/')[1] ?? '';
  return groups.map((g) => {
    const name = nameOf(g.entityRef);
    const children = groups.filter((c) => c.parent === g.entityRef);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default', ...(g.title ? { title: g.title } : {}) },
      spec: {
        type: 'team',
        profile: g.title ? { displayName: g.title } : {},
        ...(g.parent ? { parent: nameOf(g.parent) } : {}),
        children: children.map((c) => nameOf(c.entityRef)),
      },
      relations: [
        ...(g.parent ? [{ type: 'childOf', targetRef: g.parent }] : []),
        ...children.map((c) => ({ type: 'parentOf', targetRef: c.entityRef })),
      ],
    };
  });
}
