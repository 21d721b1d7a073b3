/** Which method a policy set protects; names policies and error messages. */
export interface MethodIdentity {
  className: string;
  methodName: string;
}

/** `Class.method` (or just the name, for `ResilienceService.execute`): the default policy name. */
export function describeMethod(method: MethodIdentity): string {
  return method.className ? `${method.className}.${method.methodName}` : method.methodName;
}
