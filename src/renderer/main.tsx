import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AuthGate } from './features/security/AuthGate';
import { ConnectionBanner } from './features/team/ConnectionBanner';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConnectionBanner />
    <AuthGate>
      <App />
    </AuthGate>
  </StrictMode>,
);
