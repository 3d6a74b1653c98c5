import '@testing-library/jest-dom';

// The test apps run React Router 6 without the v7 future flags; its notices say nothing about
// this plugin and bury real warnings.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('React Router Future Flag Warning')) return;
  warn(...args);
};
