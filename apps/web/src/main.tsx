import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import '@mantine/core/styles.css';
import './app/global.css';
import { App } from './app/App.js';

// The server's content security policy forbids eval: zod must not probe for it (its probe counts as a violation).
zodConfig({ jitless: true });

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
