import { z } from 'zod';

// The CSP has no 'unsafe-eval'. Zod probes `new Function` when it builds an object schema unless told not
// to, and the browser reports that probe as a violation. This module is imported first, before any schema.
z.config({ jitless: true });
