/** The bot as a chat member (getChatMember), only the fields the check reads. */
export interface TgChatMember {
  status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked' | string;
  can_post_messages?: boolean;
  can_edit_messages?: boolean;
  can_send_messages?: boolean;
}

/**
 * Why an edit probe is unsafe or meaningless with these rights, or undefined when it is safe.
 * TDLib's MessagesManager::can_edit_message decides what a bot may edit in a channel: every post when the
 * bot has can_edit_messages, otherwise only its own posts (is_outgoing) while it has can_post_messages. In
 * groups a bot only ever edits its own messages.
 * - A bot that may edit others' posts could rewrite a person's post that has the same text: no probe.
 * - A bot that cannot edit its own posts gets "message can't be edited" for the lost message too, which would
 *   read as "not ours": no probe either.
 */
export function rightsProblem(chatType: string, member: TgChatMember): string | undefined {
  if (member.status === 'creator') return 'telegram_bot_can_edit_others';
  if (chatType === 'channel') {
    if (member.status !== 'administrator') return 'telegram_bot_cannot_post';
    if (member.can_edit_messages !== false) return 'telegram_bot_can_edit_others'; // absent counts as "may"
    if (member.can_post_messages !== true) return 'telegram_bot_cannot_post';
    return undefined;
  }
  if (member.status === 'administrator' || member.status === 'member') return undefined;
  if (member.status === 'restricted' && member.can_send_messages !== false) return undefined;
  return 'telegram_bot_cannot_post';
}
