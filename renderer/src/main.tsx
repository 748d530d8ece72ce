import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.scss';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><p className="govuk-body">Loading</p></StrictMode>);
