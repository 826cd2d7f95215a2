// The engine refuses text that is empty or only spaces where a command needs words (`textField`); forms say so first.

/** Whether `text` says nothing: empty, or only spaces and line breaks. */
export function saysNothing(text: string): boolean {
  return text.trim() === '';
}

/** `reason` while the field holds only spaces (an empty field is not an error yet, just not ready to send). */
export function onlySpacesError(text: string, reason: string): string | undefined {
  return text !== '' && saysNothing(text) ? reason : undefined;
}
