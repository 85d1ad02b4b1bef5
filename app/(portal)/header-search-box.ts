/**
 * The search box's fixed attributes, one definition for the shell's plain input (header-search.tsx) and the
 * combobox that replaces it (header-combobox.tsx): the swap must not change what the box is or how it is named.
 * Each writes the combobox role and its state (aria-expanded, aria-controls) itself, where the accessibility
 * lint can check them.
 */
export function searchBoxAttributes(inputId: string) {
  return {
    id: inputId,
    name: "q",
    type: "search",
    "aria-autocomplete": "list",
    "aria-keyshortcuts": "/",
    autoComplete: "off",
    maxLength: 100,
    placeholder: "Find order, PO, serial…  ( / )",
  } as const;
}
