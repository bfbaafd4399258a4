import type { ErrorCode } from '../../shared/errors';

/** Documented in docs/cli.md; scripts depend on these numbers, so they only ever grow. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  wrongPassphrase: 3,
  damaged: 4,
  busy: 5,
  refused: 6,
  verifyFailed: 7,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(code: ErrorCode): ExitCodeValue {
  switch (code) {
    case 'invalid-input':
      return ExitCode.usage;
    case 'wrong-passphrase':
    case 'too-many-attempts':
      return ExitCode.wrongPassphrase;
    case 'no-vault':
    case 'not-a-vault':
    case 'vault-damaged':
    case 'keys-damaged':
      return ExitCode.damaged;
    case 'vault-busy':
      return ExitCode.busy;
    case 'not-found':
    case 'forbidden':
    case 'conflict':
    case 'vault-exists':
      return ExitCode.refused;
    case 'vault-locked':
    case 'internal':
      return ExitCode.internal;
  }
}
