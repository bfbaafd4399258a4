import { mayForPractice, practiceRefusal, type Actor, type PracticeAction } from '../../../shared/rules/access';
import { forbidden } from '../errors';
import type { ServiceContext } from './context';

/** The signed-in user as the rules in shared/rules/access.ts see them. */
export function actorOf(ctx: Pick<ServiceContext, 'user'>): Actor {
  return { isDirector: !!ctx.user.is_director, isTherapist: !!ctx.user.is_therapist };
}

/** Refuses, in words, what only a practice director may do. */
export function assertMayForPractice(ctx: Pick<ServiceContext, 'user'>, action: PracticeAction): void {
  if (!mayForPractice(actorOf(ctx), action)) throw forbidden(practiceRefusal(action));
}
