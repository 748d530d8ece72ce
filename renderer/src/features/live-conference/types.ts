/** Moves focus to an element once the render that shows it is done. */
export type FocusAfterRender = (elementId: string) => void;
