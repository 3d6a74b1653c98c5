import { render, screen } from '@testing-library/react';
import { CategoryScoreBars } from './CategoryScoreBars';

describe('CategoryScoreBars', () => {
  it('draws a meter per category with checks, in catalog order, with its grade', () => {
    render(
      <CategoryScoreBars
        categories={{
          security: { score: 60, grade: 'D' },
          gpu: { score: 100, grade: 'A' },
          resources: { score: 85, grade: 'B' },
        }}
      />,
    );
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Resources score',
      'GPU score',
      'Security score',
    ]);
    expect(meters.map((m) => m.getAttribute('aria-valuenow'))).toEqual(['85', '100', '60']);
    expect(screen.getByRole('meter', { name: 'Security score' })).toHaveAttribute(
      'aria-valuetext',
      '60 of 100, grade D',
    );
    expect(screen.getByRole('img', { name: 'Grade D, score 60 of 100' })).toHaveTextContent('D');
    expect(
      (screen.getByRole('meter', { name: 'Security score' }).firstChild as HTMLElement).style.width,
    ).toBe('60%');
  });

  it('says when no rule applied', () => {
    render(<CategoryScoreBars categories={{}} />);
    expect(screen.getByText('No rule applied to these objects.')).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});
