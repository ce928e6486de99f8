/**
 * The identifier kinds from POLICY.md §1. Labels are part of the message
 * contract: every finding's message starts with one of them.
 */
export type Kind = 'ip' | 'cookie' | 'session' | 'token' | 'user' | 'storage' | 'device' | 'request';

export interface KindInfo {
  /** Human label, the first words of every finding's message. */
  readonly label: string;
  /** One line on why the policy treats it as personal data. */
  readonly why: string;
}

export const KINDS: Readonly<Record<Kind, KindInfo>> = {
  ip: {
    label: 'IP address',
    why: 'An IP address can be tied to a person through their ISP or a later sign-in, so it is personal data.',
  },
  cookie: {
    label: 'cookie',
    why: 'Cookies carry identifiers that track a browser across visits, so their values are personal data.',
  },
  session: {
    label: 'session id',
    why: 'A session id singles out one signed-in person and lets anyone who reads it act as them.',
  },
  token: {
    label: 'authentication token',
    why: 'Bearer tokens, API keys and JWTs identify an account and grant its access; a logged token is a leaked credential.',
  },
  user: {
    label: 'user identifier',
    why: 'User ids, usernames and e-mail addresses name a person directly.',
  },
  storage: {
    label: 'browser storage value',
    why: 'Values read from localStorage, sessionStorage or IndexedDB are stored on the device to recognise it.',
  },
  device: {
    label: 'device metadata',
    why: 'User agents, client hints, device ids and fingerprints can single out a device and so the person using it.',
  },
  request: {
    label: 'whole request',
    why: 'A whole request, its headers or all its cookies hold several identifiers at once (IP, cookies, tokens, user agent).',
  },
};

export const KIND_IDS: readonly Kind[] = ['ip', 'cookie', 'session', 'token', 'user', 'storage', 'device', 'request'];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KIND_IDS as readonly string[]).includes(value);
}

/**
 * The kind a finding's message names, from the label it starts with
 * (longest label first, so no label shadows a longer one).
 */
export function kindOfMessage(message: string): Kind | undefined {
  let best: Kind | undefined;
  let bestLength = -1;
  for (const kind of KIND_IDS) {
    const { label } = KINDS[kind];
    if (label.length > bestLength && message.toLowerCase().startsWith(label.toLowerCase())) {
      best = kind;
      bestLength = label.length;
    }
  }
  return best;
}
