import { retentionCapabilities, type RetentionCapabilities } from '../../../shared/rules/access';
import { forbidden } from '../errors';
import type { ServiceContext } from '../services/context';

export const retentionCan = (ctx: ServiceContext): RetentionCapabilities =>
  retentionCapabilities({ isDirector: !!ctx.user.is_director, isTherapist: !!ctx.user.is_therapist });

/** Refuses, in words, an act the user's role does not allow. */
export function assertRetentionAct(ctx: ServiceContext, act: keyof RetentionCapabilities, message: string): void {
  if (!retentionCan(ctx)[act]) throw forbidden(message);
}
