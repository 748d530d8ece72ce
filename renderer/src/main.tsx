import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppError } from './app/AppError';
import { ErrorBoundary } from './app/ErrorBoundary';
import { SessionGate } from './features/session/SessionGate';
import './styles.scss';
import './app/app.scss';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* Screens have their own boundary inside the shell; this one is for the shell itself. */}
      <ErrorBoundary fallback={(error) => <AppError error={error} />}>
        <SessionGate />
      </ErrorBoundary>
    </StrictMode>,
  );
}
