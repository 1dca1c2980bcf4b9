/** Emoji grouped by what they say in a comment; each group becomes one token the model can weigh. */
const GROUPS: Array<[string, string]> = [
  ['emo_marah', '😡🤬😠😤💢👿🖕'],
  ['emo_sedih', '😭😢😩😫🥲😞😔😣😖🥺💔'],
  ['emo_tawa', '😂🤣😆😹😅😁😄😃😀😝😜🤪'],
  ['emo_mohon', '🙏'],
  ['emo_suka', '👍👏💪🔥❤😍🥰😊☺🤩✨💯🥳🎉💖💕🤗😎🫶💙💚'],
  ['emo_uang', '🎰💰💸🤑💵💲🪙🎁'],
  ['emo_sinis', '🙄😒🤦😑😐🤔🙃😏'],
  ['emo_jijik', '🤮🤢😷💩🦟🐀'],
  ['emo_bahaya', '⚠🚨❗‼⛔🚫'],
];

const BY_CHAR = new Map<string, string>();
for (const [token, chars] of GROUPS) for (const ch of Array.from(chars)) BY_CHAR.set(ch, token);

/** The token for one emoji (variation selectors ignored), `emo` for any other. */
export function emojiToken(ch: string): string {
  return BY_CHAR.get(ch.replace(/\uFE0F/g, '')) ?? 'emo';
}
