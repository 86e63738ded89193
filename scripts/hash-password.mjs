// `npm run hash-password`: prints the scrypt hash of a password for the config file's `users`.
// Same format as lib/auth/password.ts (a unit test checks that the two agree).
import { randomBytes, scrypt } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export function hashPasswordForConfig(password) {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N: 16384, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(`scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`));
  });
}

async function readStdin() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.replace(/\r?\n$/, '');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const password = await readStdin();
  if (!password) {
    console.error('no password given on standard input');
    process.exit(1);
  }
  console.log(await hashPasswordForConfig(password));
}
