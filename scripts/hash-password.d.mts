export function hashPasswordForConfig(password: string): Promise<string>;
