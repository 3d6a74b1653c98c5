import { Content, Header, Page } from '@backstage/core-components';
import { AigovScorecard } from './AigovScorecard';

export const SCORECARD_TITLE = 'AI Scorecard';
export const SCORECARD_SUBTITLE =
  'AI workload compliance by team, from the aigov backend’s scheduled scans';

/** The scorecard as a page of a legacy-frontend-system app, with its header. */
export function ScorecardPage() {
  return (
    <Page themeId="tool">
      <Header title={SCORECARD_TITLE} subtitle={SCORECARD_SUBTITLE} />
      <Content>
        <AigovScorecard />
      </Content>
    </Page>
  );
}
