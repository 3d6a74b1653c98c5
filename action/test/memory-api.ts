/** An in-memory GitHubApi for unit tests: comments and reviews kept in arrays, calls recorded. */
import type {
  ContentEntry,
  GitHubApi,
  IssueComment,
  PullRequest,
  PullRequestFile,
  ReviewComment,
  User,
} from '../src/lib/api';

export class MemoryApi implements GitHubApi {
  readonly calls: string[] = [];
  comments: IssueComment[] = [];
  reviewComments: ReviewComment[] = [];
  reviews: {
    number: number;
    body: string;
    comments: { path: string; line: number; body: string }[];
  }[] = [];
  files: PullRequestFile[] = [];
  pulls: PullRequest[] = [];
  login: string | undefined = 'github-actions[bot]';
  /** Set to make every write fail like a fork's read-only token. */
  readOnly = false;
  /** Called before each list of comments (to simulate another run writing meanwhile). */
  onList: (() => void) | undefined;
  private nextId = 100;

  constructor(readonly me: User = { login: 'github-actions[bot]', type: 'Bot' }) {}

  private write(call: string): void {
    this.calls.push(call);
    if (this.readOnly)
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
  }

  add(body: string, user: User = this.me): IssueComment {
    const c = { id: this.nextId++, body, user, html_url: `https://github.test/c/${this.nextId}` };
    this.comments.push(c);
    return c;
  }

  async getPull(number: number): Promise<PullRequest> {
    this.calls.push(`getPull ${number}`);
    const p = this.pulls.find((x) => x.number === number);
    if (!p) throw Object.assign(new Error('Not Found'), { status: 404 });
    return p;
  }
  async findPulls(owner: string, branch: string): Promise<PullRequest[]> {
    this.calls.push(`findPulls ${owner}:${branch}`);
    return this.pulls.filter((p) => p.head.ref === branch);
  }
  async listPullFiles(number: number): Promise<PullRequestFile[]> {
    this.calls.push(`listPullFiles ${number}`);
    return this.files;
  }
  async listIssueComments(number: number): Promise<IssueComment[]> {
    this.calls.push(`listIssueComments ${number}`);
    this.onList?.();
    return this.comments.map((c) => ({ ...c }));
  }
  async createIssueComment(number: number, body: string): Promise<IssueComment> {
    this.write(`createIssueComment ${number}`);
    return this.add(body);
  }
  async updateIssueComment(id: number, body: string): Promise<IssueComment> {
    this.write(`updateIssueComment ${id}`);
    const c = this.comments.find((x) => x.id === id);
    if (!c) throw Object.assign(new Error('Not Found'), { status: 404 });
    c.body = body;
    return { ...c };
  }
  async deleteIssueComment(id: number): Promise<void> {
    this.write(`deleteIssueComment ${id}`);
    this.comments = this.comments.filter((c) => c.id !== id);
  }
  async listReviewComments(number: number): Promise<ReviewComment[]> {
    this.calls.push(`listReviewComments ${number}`);
    return this.reviewComments;
  }
  async createReview(
    number: number,
    review: {
      commit_id: string;
      body: string;
      event: 'COMMENT';
      comments: { path: string; line: number; body: string }[];
    },
  ): Promise<{ id: number }> {
    this.write(`createReview ${number}`);
    this.reviews.push({ number, body: review.body, comments: review.comments });
    for (const c of review.comments)
      this.reviewComments.push({ id: this.nextId++, body: c.body, path: c.path, user: this.me });
    return { id: this.nextId++ };
  }
  async viewerLogin(): Promise<string | undefined> {
    this.calls.push('viewerLogin');
    return this.login;
  }
  async getContent(_path: string, _ref: string): Promise<ContentEntry | undefined> {
    this.calls.push('getContent');
    return undefined;
  }
}
