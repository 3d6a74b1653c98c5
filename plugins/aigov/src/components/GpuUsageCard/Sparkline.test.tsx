import { render, screen } from '@testing-library/react';
import { Sparkline } from './Sparkline';

const series = (values: number[]) => ({
  labels: {},
  points: values.map((v, i) => ({ t: 1000 + i * 60, v })),
});

describe('Sparkline', () => {
  it('draws the series scaled to the range with its current value', () => {
    render(
      <Sparkline
        series={series([0, 50, 100])}
        label="GPU utilisation"
        format={(v) => `${v}%`}
        max={100}
        width={100}
        height={24}
      />,
    );
    const img = screen.getByRole('img', {
      name: 'GPU utilisation: now 100%, peak 100%, average 50%',
    });
    expect(img.querySelector('polyline')).toHaveAttribute('points', '0.0,22.0 50.0,12.0 100.0,2.0');
    expect(screen.getByText('100%')).toBeInTheDocument();
  });

  it('marks demo data and says when there is none', () => {
    const { rerender } = render(<Sparkline series={series([5])} label="U" format={String} demo />);
    expect(
      screen
        .getByRole('img', { name: 'U (demo data): now 5, peak 5, average 5' })
        .querySelector('polyline'),
    ).toHaveAttribute('stroke-dasharray', '4 2');
    expect(screen.getByText('DEMO')).toBeInTheDocument();
    rerender(<Sparkline series={series([])} label="U" format={String} />);
    expect(screen.getByText('no data')).toBeInTheDocument();
  });
});
