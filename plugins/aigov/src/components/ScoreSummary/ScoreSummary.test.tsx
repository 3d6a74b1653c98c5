import { render, screen } from '@testing-library/react';
import { ScoreSummary } from './ScoreSummary';

describe('ScoreSummary', () => {
  it('shows score, grade, counts by severity and checks', () => {
    render(
      <ScoreSummary
        score={72}
        grade="C"
        counts={{ error: 1, warning: 3, info: 0, suppressed: 2 }}
        status="partial"
        checks={{ total: 20, failed: 5 }}
      />,
    );
    expect(screen.getByRole('img', { name: 'Grade C, score 72 of 100' })).toHaveTextContent('C');
    expect(screen.getByText('72')).toBeInTheDocument();
    expect(screen.getByLabelText('Findings by severity')).toHaveTextContent(
      '1 error3 warnings0 info2 suppressed',
    );
    expect(screen.getByText('15 of 20 checks passed')).toBeInTheDocument();
    expect(screen.getByText(/partial/)).toBeInTheDocument();
  });

  it('leaves out what it is not given', () => {
    render(
      <ScoreSummary
        score={100}
        grade="A"
        counts={{ error: 0, warning: 0, info: 0, suppressed: 0 }}
      />,
    );
    expect(screen.queryByText(/checks passed/)).not.toBeInTheDocument();
    expect(screen.queryByText(/partial/)).not.toBeInTheDocument();
    expect(screen.queryByText(/suppressed/)).not.toBeInTheDocument();
  });
});
