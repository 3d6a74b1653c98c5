import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ContentEntry } from '../src/lib/api';
import { ApiTree, FsTree, GitTree, treeAt } from '../src/lib/tree';
import { MemoryApi } from './memory-api';

let dir: string;
let first: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'aigov-tree-'));
  git('init', '-q', '-b', 'main');
  write('k8s/a.yaml', 'kind: A\n');
  write('k8s/big.yaml', `# ${'x'.repeat(200)}\n`);
  write('k8s/sub dir/c [1].yaml', 'kind: C\n');
  write('other/d.yaml', 'kind: D\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  first = git('rev-parse', 'HEAD');
  write('k8s/a.yaml', 'kind: A2\n');
  git('commit', '-q', '-am', 'two');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

describe('GitTree', () => {
  test('lists and reads a commit, not the working tree', async () => {
    const tree = new GitTree(dir, first);
    expect(await tree.list(['k8s'])).toEqual([
      'k8s/a.yaml',
      'k8s/big.yaml',
      'k8s/sub dir/c [1].yaml',
    ]);
    expect((await tree.list([''])).length).toBe(4);
    const inputs = await tree.read(
      ['k8s/a.yaml', 'k8s/big.yaml', 'k8s/sub dir/c [1].yaml', 'missing.yaml'],
      100,
    );
    expect(inputs.map((i) => [i.file, text(i.bytes), i.size])).toEqual([
      ['k8s/a.yaml', 'kind: A\n', undefined],
      ['k8s/big.yaml', undefined, 203],
      ['k8s/sub dir/c [1].yaml', 'kind: C\n', undefined],
    ]);
    expect(await tree.kind('k8s')).toBe('dir');
    expect(await tree.kind('k8s/a.yaml')).toBe('file');
    expect(await tree.kind('nope')).toBeUndefined();
  });
});

describe('FsTree', () => {
  test('the working tree', async () => {
    const tree = new FsTree(dir);
    expect(await tree.list(['k8s', 'other/d.yaml'])).toEqual([
      'k8s/a.yaml',
      'k8s/big.yaml',
      'k8s/sub dir/c [1].yaml',
      'other/d.yaml',
    ]);
    const [a] = await tree.read(['k8s/a.yaml'], 100);
    expect(text(a?.bytes)).toBe('kind: A2\n');
    expect(await tree.kind('.git')).toBe('dir');
  });
});

describe('treeAt', () => {
  test('git when it has the commit; the contents API when it does not', async () => {
    const logs: string[] = [];
    const api = new MemoryApi();
    const source = {
      repoRoot: dir,
      gitAvailable: true,
      api,
      log: (m: string) => void logs.push(m),
    };
    expect(await treeAt(first, source)).toBeInstanceOf(GitTree);
    const missing = 'f'.repeat(40);
    expect(await treeAt(missing, source)).toBeInstanceOf(ApiTree);
    expect(logs.join('\n')).toContain('reading it through the contents API');
    await expect(treeAt(missing, { ...source, api: undefined })).rejects.toThrow(/not in git/);
  });
});

describe('ApiTree', () => {
  test('walks directories and reads files through the contents API', async () => {
    const files: Record<string, string> = {
      'k8s/a.yaml': 'kind: A\n',
      'k8s/sub/b.yaml': 'kind: B\n',
      'k8s/node_modules/x.yaml': 'x',
    };
    const api = new MemoryApi();
    const seen: string[] = [];
    api.getContent = async (p: string, ref: string): Promise<ContentEntry | undefined> => {
      seen.push(`${p}@${ref}`);
      if (files[p] !== undefined)
        return {
          type: 'file',
          path: p,
          size: files[p].length,
          content: new Uint8Array(Buffer.from(files[p])),
        };
      const children = Object.keys(files)
        .filter((f) => f.startsWith(`${p}/`))
        .map((f) => f.slice(p.length + 1).split('/')[0] as string);
      if (children.length === 0) return undefined;
      return {
        type: 'dir',
        path: p,
        entries: [...new Set(children)].map((c) => {
          const full = `${p}/${c}`;
          return {
            type: files[full] !== undefined ? 'file' : 'dir',
            path: full,
            size: files[full]?.length ?? 0,
          };
        }),
      };
    };
    const tree = new ApiTree(api, 'abc');
    expect(await tree.list(['k8s'])).toEqual(['k8s/a.yaml', 'k8s/sub/b.yaml']);
    const inputs = await tree.read(['k8s/a.yaml', 'k8s/sub/b.yaml'], 3);
    expect(inputs.map((i) => [i.file, i.size])).toEqual([
      ['k8s/a.yaml', 8],
      ['k8s/sub/b.yaml', 8],
    ]);
    expect(seen.every((s) => s.endsWith('@abc'))).toBe(true);
    expect(seen).not.toContain('k8s/node_modules@abc');
  });
});
