import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import type { CallOptions, Core } from './types';

/** The core validates every output against the contract, so this cast only restores what it checked. */
export function typedCall<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
  options: CallOptions = {},
): Promise<CallResult<MethodOutput<M>>> {
  return core.call(method, input, options) as Promise<CallResult<MethodOutput<M>>>;
}
