// Properties that hold an identifier (`id`, `userId`, `responseID`, `ticket_id`): a short value of
// constant size, and, read off an answer, the handle a chain passes on, never the answer's text.

/** `id`, `uuid`, `userId`, `responseID`, `ticket_id` (anchored, one character class then a suffix: linear in the name). */
const ID_PROPERTY = /^(id|ID|uuid|guid|[A-Za-z]+Id|[A-Za-z]+ID|[a-z]+_id)$/;

export function isIdProperty(name: string): boolean {
  return ID_PROPERTY.test(name);
}
