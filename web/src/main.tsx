import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { namespaces } from './locales/index.js';
import { initI18n } from './lib/i18n.js';
import './styles.css';

initI18n(namespaces);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
