import { z } from 'zod';
import { contract, methodNames } from '../../shared/contract';

/** Every contract method with its access level and its input as JSON Schema. */
export function describeMethods(): Record<string, { access: string; input: unknown }> {
  return Object.fromEntries(
    methodNames.map((method) => [
      method,
      { access: contract[method].access, input: z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) },
    ]),
  );
}
