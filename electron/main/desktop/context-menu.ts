import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type ContextParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'
> & {
  editFlags: Pick<ContextMenuParams['editFlags'], 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>;
};

export interface ContextActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** At most this many spelling suggestions, as browsers show. */
export const MAX_SUGGESTIONS = 5;

/**
 * The right-click menu for what was clicked: spelling suggestions and "Add to dictionary" on a
 * misspelt word, then cut, copy, paste and select all in a field (each enabled only when it can
 * act), or copy on selected text elsewhere. Empty when there is nothing to offer: no menu is shown.
 */
export function contextMenuTemplate(params: ContextParams, actions: ContextActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord.trim();
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    items.push({ type: 'separator' });
    items.push({ label: 'Add to dictionary', click: () => actions.addToDictionary(word) });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: params.editFlags.canCopy });
  }
  return items;
}
