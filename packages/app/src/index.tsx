import '@backstage/cli/asset-types';
// The Backstage UI design system's styles, which the new frontend system's pages and the aigov
// plugin's components are built with.
import '@backstage/ui/css/styles.css';
import { createRoot } from 'react-dom/client';
import app from './App';

const root = document.getElementById('root');
if (!root) {
  throw new Error('The page has no #root element to render the app into');
}
createRoot(root).render(app);
