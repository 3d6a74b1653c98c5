import { render, screen } from '@testing-library/react';
import { FindingCounts } from './FindingCounts';

describe('FindingCounts', () => {
  it('counts findings by severity in words', () => {
    const { rerender } = render(
      <FindingCounts counts={{ error: 1, warning: 2, info: 1, suppressed: 4 }} />,
    );
    expect(screen.getByText('1 error · 2 warnings · 1 info')).toBeInTheDocument();
    rerender(<FindingCounts counts={{ error: 0, warning: 1, info: 0, suppressed: 0 }} />);
    expect(screen.getByText('0 errors · 1 warning · 0 info')).toBeInTheDocument();
  });
});
